"""Version of the alam Python package (kept equal to the repository VERSION file)."""

__version__ = "0.2.0"


def soname(version=__version__):
    """The library's SONAME for a version: libalam.so.<major>, or libalam.so.0.<minor> while
    the major version is 0 (CMakeLists.txt sets the same)."""
    major, minor = version.split(".")[:2]
    return "libalam.so.%s" % (major if major != "0" else "0." + minor)
