"""alam: find and link named entities (places, factions, people, organizations, operations)
in Arabic news about the Syrian and Iraqi wars.

    >>> import alam
    >>> with alam.Extractor() as ex:
    ...     for e in ex.extract("قصفت الطائرات مدينة الرقة"):
    ...         print(e.text, e.type, e.id)
    الرقة PLACE place:SY1100...

A ctypes binding over the C ABI of libalam (alam/alam.h); see alam._lib for how the shared
library is found (ALAM_LIBRARY, the package, the build tree, the system).
"""

from ._errors import (AlamError, DataLossError, FailedPreconditionError, InternalError,
                      InvalidArgumentError, LibraryNotFoundError, NotFoundError,
                      OutOfRangeError, ResourceExhaustedError)
from ._extractor import Entity, Extractor, normalize
from ._frames import to_dataframe
from ._version import __version__

__all__ = [
    "AlamError", "DataLossError", "Entity", "Extractor", "FailedPreconditionError",
    "InternalError", "InvalidArgumentError", "LibraryNotFoundError", "NotFoundError",
    "OutOfRangeError", "ResourceExhaustedError", "__version__", "library_version",
    "load_library", "normalize", "to_dataframe",
]


def load_library():
    """Loads libalam now (it is otherwise loaded on first use) and returns its path.
    Raises LibraryNotFoundError."""
    from . import _lib
    return _lib.library_path()


def library_version():
    """Version string of the loaded libalam ("0.1.0")."""
    from . import _lib
    return _lib.lib().alam_version_string().decode()
