"""Build hooks of the alam Python package; the metadata is in pyproject.toml.

`pip install bindings/python` bundles a built libalam in the package directory, where
alam/_lib.py looks first, so that the installed package works from any folder:
  * the file named by the environment variable ALAM_LIBRARY at install time, else
  * the build tree's build/release/libalam.so, when this is a source checkout that has one.
The copy is named after the SONAME (libalam.so.<major>). With neither, nothing is bundled and
the package uses the system's libalam at run time (the .deb, or `cmake --install` under /usr).
The repository's LICENSE and NOTICE go into the package directory too.
"""

import os
import shutil

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.dist import Distribution

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def _version_module():
    with open(os.path.join(HERE, "alam", "_version.py"), encoding="utf-8") as f:
        ns = {}
        exec(f.read(), ns)  # noqa: S102 - our own small module
    return ns


def _version():
    return _version_module()["__version__"]


def _soname(version):
    return _version_module()["soname"](version)


def library_to_bundle():
    """Path of the libalam to copy into the package, or None."""
    env = os.environ.get("ALAM_LIBRARY")
    if env:
        if not os.path.isfile(env):
            raise SystemExit("alam setup: ALAM_LIBRARY=%s is not a file" % env)
        return env
    if os.path.isfile(os.path.join(REPO, "VERSION")):
        built = os.path.join(REPO, "build", "release", "libalam.so")
        if os.path.isfile(built):
            return built
    return None


LIBRARY = library_to_bundle()


class BuildPy(build_py):
    def run(self):
        super().run()
        pkg = os.path.join(self.build_lib, "alam")
        for name in os.listdir(pkg):  # a copy left by an earlier build in the same tree
            if name.startswith("libalam.so"):
                os.remove(os.path.join(pkg, name))
        for name in ("LICENSE", "NOTICE"):
            src = os.path.join(REPO, name)
            if os.path.isfile(src):
                shutil.copyfile(src, os.path.join(pkg, name))
        if LIBRARY:
            soname = _soname(_version())
            # copyfile follows symbolic links: the real library, not a link to it.
            shutil.copyfile(LIBRARY, os.path.join(pkg, soname))
            os.chmod(os.path.join(pkg, soname), 0o755)
            print("alam setup: bundled %s as alam/%s" % (os.path.realpath(LIBRARY), soname))
        else:
            print("alam setup: no libalam bundled (no ALAM_LIBRARY, no build/release/libalam.so);"
                  " the package will use the system's")


class BinaryDistribution(Distribution):
    """A wheel holding a bundled shared library is specific to the platform."""

    def has_ext_modules(self):
        return LIBRARY is not None


setup(cmdclass={"build_py": BuildPy}, distclass=BinaryDistribution)
