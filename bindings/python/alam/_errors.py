"""Typed exceptions of alam, one per alam_status code of the C ABI."""

__all__ = [
    "AlamError",
    "InvalidArgumentError",
    "NotFoundError",
    "OutOfRangeError",
    "FailedPreconditionError",
    "ResourceExhaustedError",
    "InternalError",
    "DataLossError",
    "LibraryNotFoundError",
]


class AlamError(Exception):
    """Base class of every error alam raises.

    ``status`` is the alam_status code (an int; 0 for errors raised by the binding itself, such
    as LibraryNotFoundError) and ``status_name`` its C name (``"ALAM_ERROR_NOT_FOUND"``).
    """

    status = 0
    status_name = ""

    def __init__(self, message="", status=None):
        super().__init__(message)
        if status is not None:
            self.status = status

    @property
    def message(self):
        return self.args[0] if self.args else ""


class InvalidArgumentError(AlamError, ValueError):
    """Bad argument or option, invalid UTF-8, malformed data file (ALAM_ERROR_INVALID_ARGUMENT)."""

    status = 1
    status_name = "ALAM_ERROR_INVALID_ARGUMENT"


class NotFoundError(AlamError, LookupError):
    """A data file that does not exist, an unknown entry id (ALAM_ERROR_NOT_FOUND)."""

    status = 2
    status_name = "ALAM_ERROR_NOT_FOUND"


class OutOfRangeError(AlamError, ValueError):
    """Document too large; index out of range (ALAM_ERROR_OUT_OF_RANGE)."""

    status = 3
    status_name = "ALAM_ERROR_OUT_OF_RANGE"


class FailedPreconditionError(AlamError):
    """Scratch in use or from another extractor, extractor closed
    (ALAM_ERROR_FAILED_PRECONDITION)."""

    status = 4
    status_name = "ALAM_ERROR_FAILED_PRECONDITION"


class ResourceExhaustedError(AlamError, MemoryError):
    """Out of memory (ALAM_ERROR_RESOURCE_EXHAUSTED)."""

    status = 5
    status_name = "ALAM_ERROR_RESOURCE_EXHAUSTED"


class InternalError(AlamError):
    """A bug in alam (ALAM_ERROR_INTERNAL, or a status code this binding does not know)."""

    status = 6
    status_name = "ALAM_ERROR_INTERNAL"


class DataLossError(AlamError):
    """A file that could not be read completely (ALAM_ERROR_DATA_LOSS)."""

    status = 7
    status_name = "ALAM_ERROR_DATA_LOSS"


class LibraryNotFoundError(AlamError, ImportError):
    """libalam.so could not be found or loaded, or its version does not match this package."""

    status_name = "LIBRARY_NOT_FOUND"


_BY_STATUS = {
    cls.status: cls
    for cls in (
        InvalidArgumentError,
        NotFoundError,
        OutOfRangeError,
        FailedPreconditionError,
        ResourceExhaustedError,
        InternalError,
        DataLossError,
    )
}


def error_for_status(status, message):
    """The exception object for a non-zero alam_status code and its message."""
    cls = _BY_STATUS.get(status, InternalError)
    if cls is InternalError and status not in _BY_STATUS:
        message = "unknown alam_status %d: %s" % (status, message)
    return cls(message, status)
