"""Finds and loads libalam.so and declares the C ABI (alam/alam.h) to ctypes.

Search order (the first hit wins):
  1. the environment variable ALAM_LIBRARY, a path to the shared library (when it is set and
     does not load, that is an error: no fallback);
  2. the package directory (a wheel or a copy that bundles libalam.so);
  3. the build tree: walking up from this package to the repository root (the directory with
     VERSION and CMakeLists.txt), build/release, build/relwithdebinfo, build/debug, build/asan,
     build/tsan, then any other build/*;
  4. the system: ctypes.util.find_library("alam").
The library's major.minor version must equal the package's (the repository's VERSION file
when the package runs from a source tree, else alam.__version__).

Every function is declared in one table, _FUNCTIONS, applied in a loop (the shape of clang's
cindex.py). Functions returning alam_status raise the typed exception of that status with the
message of alam_last_error() (read on the same thread, right after the call).
"""

import ctypes
import ctypes.util
import os
import struct
import threading

from ._errors import LibraryNotFoundError, error_for_status
from ._version import __version__, soname

_c_size_p = ctypes.POINTER(ctypes.c_size_t)


class EntityStruct(ctypes.Structure):
    """alam_entity_t. The string members are kept as addresses (c_void_p) so the binding
    can cache their decoded text: they point into the extractor and live as long as it.
    struct_size, set by the library, is the array's stride (alam.h, "Growing the ABI")."""

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("start", ctypes.c_size_t),
        ("end", ctypes.c_size_t),
        ("byte_start", ctypes.c_size_t),
        ("byte_end", ctypes.c_size_t),
        ("type", ctypes.c_int),
        ("type_name", ctypes.c_void_p),
        ("subtype", ctypes.c_void_p),
        ("id", ctypes.c_void_p),
        ("name_ar", ctypes.c_void_p),
        ("name_en", ctypes.c_void_p),
        ("source", ctypes.c_void_p),
        ("alias", ctypes.c_void_p),
        ("score", ctypes.c_double),
        ("alternatives", ctypes.c_uint32),
        ("text", ctypes.c_void_p),
        ("text_len", ctypes.c_size_t),
    ]


# The same layout as a struct format, to unpack a whole entity array in one call. Checked
# against the ctypes layout below; "0P" pads the end to the struct's alignment.
ENTITY_FORMAT = struct.Struct("@5Ni7PdIPN")
ENTITY_FIELDS = tuple(name for name, _ in EntityStruct._fields_)
if ENTITY_FORMAT.size != ctypes.sizeof(EntityStruct) or any(
    getattr(EntityStruct, n).offset != o
    for n, o in zip(ENTITY_FIELDS,
                    (0, 8, 16, 24, 32, 40, 48, 56, 64, 72, 80, 88, 96, 104, 112, 120, 128))
    if ctypes.sizeof(ctypes.c_void_p) == 8
):
    raise ImportError("alam: unexpected alam_entity_t layout on this platform")

_entity_formats = {ENTITY_FORMAT.size: ENTITY_FORMAT}


def entity_format(stride):
    """The struct format of one element of an entity array whose elements are `stride` bytes
    (the struct_size the library set): the fields this package knows, then padding over the
    fields a newer library appended. Raises when the library's elements are smaller than the
    package's (a library older than the package)."""
    f = _entity_formats.get(stride)
    if f is None:
        if stride < ENTITY_FORMAT.size:
            raise LibraryNotFoundError(
                "alam: the library's alam_entity_t has %d bytes, fewer than the %d this package "
                "reads (a library older than the package?)" % (stride, ENTITY_FORMAT.size))
        f = struct.Struct(ENTITY_FORMAT.format + "%dx" % (stride - ENTITY_FORMAT.size))
        _entity_formats[stride] = f
    return f


class EntryStruct(ctypes.Structure):
    """alam_entry_t. Set struct_size to ctypes.sizeof(EntryStruct) before passing it in."""

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("id", ctypes.c_char_p),
        ("type", ctypes.c_int),
        ("subtype", ctypes.c_char_p),
        ("name_ar", ctypes.c_char_p),
        ("name_en", ctypes.c_char_p),
        ("country", ctypes.c_char_p),
        ("parent", ctypes.c_char_p),
        ("pcode", ctypes.c_char_p),
        ("wikidata", ctypes.c_char_p),
        ("geonames", ctypes.c_char_p),
        ("un_ref", ctypes.c_char_p),
        ("valid_from", ctypes.c_char_p),
        ("valid_to", ctypes.c_char_p),
        ("role", ctypes.c_char_p),
        ("source", ctypes.c_char_p),
        ("lat", ctypes.c_double),
        ("lon", ctypes.c_double),
        ("has_coordinates", ctypes.c_int),
        ("coordinates_approximate", ctypes.c_int),
        ("prominence", ctypes.c_int),
    ]


class StatsStruct(ctypes.Structure):
    """alam_stats_t. Set struct_size to ctypes.sizeof(StatsStruct) before passing it in."""

    _fields_ = [(n, ctypes.c_size_t) for n in
                ("struct_size", "entries", "aliases", "ambiguous_aliases", "rules", "triggers")]


# alam_option keys.
OPTION_USE_EMBEDDED_DATA = 1
OPTION_ENABLE_RULES = 2
OPTION_KEEP_UNGATED = 3
OPTION_REPAIR_INVALID_UTF8 = 4
OPTION_MAX_DOCUMENT_BYTES = 5
OPTION_MIN_SCORE = 6  # a double: alam_options_set_double
OPTION_EXPLAIN_FEATURES = 7

TYPE_NAMES = ("PLACE", "FACTION", "PERSON", "ORGANIZATION", "OPERATION")

_void_p = ctypes.c_void_p
_size_t = ctypes.c_size_t
_status = ctypes.c_int
_STATUS = "status"  # marks functions whose alam_status result is checked

# (name, argtypes, restype); restype _STATUS means an alam_status that raises on failure.
_FUNCTIONS = [
    ("alam_version_number", [], ctypes.c_uint32),
    ("alam_version_string", [], ctypes.c_char_p),
    ("alam_status_name", [_status], ctypes.c_char_p),
    ("alam_last_error", [], ctypes.c_char_p),
    ("alam_options_new", [ctypes.POINTER(_void_p)], _STATUS),
    ("alam_options_free", [_void_p], None),
    ("alam_options_set_int", [_void_p, ctypes.c_int, ctypes.c_int64], _STATUS),
    ("alam_options_set_double", [_void_p, ctypes.c_int, ctypes.c_double], _STATUS),
    ("alam_options_add_gazetteer_file", [_void_p, ctypes.c_char_p], _STATUS),
    ("alam_options_add_rule_file", [_void_p, ctypes.c_char_p], _STATUS),
    ("alam_extractor_new", [_void_p, ctypes.POINTER(_void_p)], _STATUS),
    ("alam_extractor_free", [_void_p], None),
    ("alam_extractor_stats", [_void_p, ctypes.POINTER(StatsStruct)], _STATUS),
    ("alam_extractor_entry", [_void_p, ctypes.c_char_p, ctypes.POINTER(EntryStruct)], _STATUS),
    ("alam_scratch_new", [_void_p, ctypes.POINTER(_void_p)], _STATUS),
    ("alam_scratch_free", [_void_p], None),
    ("alam_extract", [_void_p, _void_p, ctypes.c_char_p, _size_t,
                      ctypes.POINTER(_void_p), _c_size_p], _STATUS),
    ("alam_extract_batch", [_void_p, ctypes.POINTER(ctypes.c_char_p), _c_size_p, _size_t,
                            ctypes.c_uint, ctypes.POINTER(_void_p)], _STATUS),
    ("alam_batch_size", [_void_p], _size_t),
    # Per-document status: not raised here, the caller decides (extract_many's errors=).
    ("alam_batch_get", [_void_p, _size_t, ctypes.POINTER(_void_p), _c_size_p], _status),
    ("alam_batch_error", [_void_p, _size_t], ctypes.c_char_p),
    ("alam_batch_free", [_void_p], None),
    ("alam_normalize", [_void_p, ctypes.c_char_p, _size_t, ctypes.POINTER(_void_p)], _STATUS),
    ("alam_normalized_text", [_void_p, _c_size_p], _void_p),
    ("alam_normalized_to_original_start", [_void_p, _size_t], _size_t),
    ("alam_normalized_to_original_end", [_void_p, _size_t], _size_t),
    ("alam_normalized_codepoint_map", [_void_p, _c_size_p, _size_t, _c_size_p], _STATUS),
    ("alam_normalized_free", [_void_p], None),
    ("alam_stream_new", [_void_p, _void_p, ctypes.POINTER(_void_p)], _STATUS),
    ("alam_stream_write", [_void_p, ctypes.c_char_p, _size_t, ctypes.POINTER(_void_p), _c_size_p],
     _STATUS),
    ("alam_stream_finish", [_void_p, ctypes.POINTER(_void_p), _c_size_p], _STATUS),
    ("alam_stream_free", [_void_p], None),
    ("alam_write_records", [_void_p, ctypes.c_int, ctypes.POINTER(ctypes.c_char_p), _c_size_p,
                            ctypes.POINTER(ctypes.c_char_p), _c_size_p,
                            ctypes.POINTER(ctypes.c_char_p), _size_t, ctypes.c_uint,
                            ctypes.POINTER(_void_p)], _STATUS),
    ("alam_write_records_meta", [_void_p, ctypes.c_int, ctypes.POINTER(ctypes.c_char_p), _c_size_p,
                                 ctypes.POINTER(ctypes.c_char_p), _c_size_p,
                                 ctypes.POINTER(ctypes.c_char_p), ctypes.POINTER(ctypes.c_char_p),
                                 ctypes.POINTER(ctypes.c_char_p), _size_t,
                                 ctypes.POINTER(ctypes.c_char_p), _size_t, ctypes.c_uint,
                                 ctypes.POINTER(_void_p)], _STATUS),
    ("alam_records_data", [_void_p, _c_size_p], _void_p),
    ("alam_records_failed", [_void_p], _size_t),
    ("alam_records_free", [_void_p], None),
]

# alam_record_format.
RECORD_FORMATS = {"jsonl": 0, "bio": 1, "csv": 2, "tsv": 3, "geojson": 4, "html": 5,
                  "counts": 6}

_BUILD_DIRS = ("release", "relwithdebinfo", "debug", "asan", "tsan")
_NAMES = ("libalam.so", soname(), "libalam.dylib", "alam.dll")


def _package_dir():
    return os.path.dirname(os.path.abspath(__file__))


def source_root():
    """The repository root above this package (has VERSION and CMakeLists.txt), or None."""
    d = _package_dir()
    while True:
        if (os.path.isfile(os.path.join(d, "VERSION"))
                and os.path.isfile(os.path.join(d, "CMakeLists.txt"))):
            return d
        parent = os.path.dirname(d)
        if parent == d:
            return None
        d = parent


def expected_version():
    """The version the library must match: the source tree's VERSION file, else __version__."""
    root = source_root()
    if root is not None:
        with open(os.path.join(root, "VERSION"), encoding="utf-8") as f:
            v = f.read().strip()
        if v:
            return v
    return __version__


def _candidates():
    """(path, where) pairs to try, in order: the package directory, the build tree, the system
    (find_library, then the SONAME libalam.so.<major> as the dynamic linker finds it)."""
    pkg = _package_dir()
    for n in _NAMES:
        yield os.path.join(pkg, n), "package directory"
    root = source_root()
    if root is not None:
        build = os.path.join(root, "build")
        dirs = [os.path.join(build, d) for d in _BUILD_DIRS]
        try:
            dirs += sorted(os.path.join(build, d) for d in os.listdir(build)
                           if d not in _BUILD_DIRS)
        except OSError:
            pass
        for d in dirs:
            for n in _NAMES:
                yield os.path.join(d, n), "build tree"
    found = ctypes.util.find_library("alam")
    if found:
        yield found, "system"
    # The SONAME, through the dynamic linker's own search (LD_LIBRARY_PATH, ld.so.cache, the
    # default directories): find_library misses a library that ldconfig has not indexed yet.
    name = soname(expected_version())
    if found != name:
        yield name, "system"


def _declare(lib):
    for name, argtypes, restype in _FUNCTIONS:
        try:
            fn = getattr(lib, name)
        except AttributeError as e:
            raise LibraryNotFoundError(
                "alam: %s does not export %s (a library older than the package?)"
                % (lib._name, name)) from e
        fn.argtypes = argtypes
        if restype is _STATUS:
            fn.restype = _status
            fn.errcheck = _check
        else:
            fn.restype = restype


def _check(result, func, args):
    if result != 0:
        raise error_for_status(result, last_error())
    return result


def last_error():
    msg = _lib.alam_last_error()
    return msg.decode("utf-8", "replace") if msg else ""


def _version_tuple(s):
    parts = s.split(".")
    return int(parts[0]), int(parts[1])


def _check_version(lib, path):
    n = lib.alam_version_number()
    have = (n // 10000, n // 100 % 100)
    want_s = expected_version()
    if have != _version_tuple(want_s):
        raise LibraryNotFoundError(
            "alam: %s is version %d.%d.%d but the Python package needs %s (major.minor must "
            "match); set ALAM_LIBRARY to a matching libalam" % (path, n // 10000, n // 100 % 100,
                                                                 n % 100, want_s))


def _load():
    env = os.environ.get("ALAM_LIBRARY")
    if env:
        try:
            lib = ctypes.CDLL(env)
        except OSError as e:
            raise LibraryNotFoundError(
                "alam: cannot load ALAM_LIBRARY=%s: %s" % (env, e)) from None
        _declare(lib)
        _check_version(lib, env)
        return lib, env
    tried = []
    for path, where in _candidates():
        if where != "system" and not os.path.exists(path):
            continue
        try:
            lib = ctypes.CDLL(path)
        except OSError as e:
            tried.append("%s (%s)" % (path, e))
            continue
        _declare(lib)
        _check_version(lib, path)
        return lib, path
    raise LibraryNotFoundError(
        "alam: cannot find libalam.so (set ALAM_LIBRARY to its path, build the repository with "
        "`cmake --preset release && cmake --build build/release`, or install it)"
        + ("; tried: " + ", ".join(tried) if tried else ""))


_lock = threading.Lock()
_lib = None
_path = None


def lib():
    """The loaded library (loaded on first use); raises LibraryNotFoundError."""
    global _lib, _path
    if _lib is None:
        with _lock:
            if _lib is None:
                loaded, path = _load()
                _path = path
                _lib = loaded
    return _lib


def library_path():
    """Path of the loaded library."""
    lib()
    return _path
