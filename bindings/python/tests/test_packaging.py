"""pip install of the package (bindings/python/setup.py) into a fresh venv, then used from /
with nothing pointing at the source tree: the bundled library must be found.

Each test makes a venv with Debian's /usr/bin/python3 -m venv --system-site-packages (without
its own pip: the system's pip, seen through the system site-packages, installs into the
venv) and runs `pip install --no-build-isolation --no-deps`, as the README says. Skipped when
/usr/bin/python3 has no venv or pip (Debian: python3-venv, python3-pip)."""

import os
import shutil
import subprocess

import pytest

from conftest import REPO

from alam._version import soname

SYSTEM_PYTHON = "/usr/bin/python3"
SAMPLE = os.path.join(REPO or "", "data", "sample")


def _clean_env(**extra):
    env = {k: v for k, v in os.environ.items()
           if k not in ("ALAM_LIBRARY", "PYTHONPATH", "PYTHONHOME", "PIP_REQUIRE_VIRTUALENV")}
    env.update(PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1", PIP_NO_INDEX="1")
    env.update(extra)
    return env


def _run(cmd, cwd="/", **env):
    p = subprocess.run(cmd, cwd=cwd, env=_clean_env(**env), stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True, check=False)
    assert p.returncode == 0, "%s failed:\n%s" % (" ".join(cmd), p.stdout)
    return p.stdout


@pytest.fixture
def venv(tmp_path):
    if not os.access(SYSTEM_PYTHON, os.X_OK):
        pytest.skip("no %s" % SYSTEM_PYTHON)
    if subprocess.run([SYSTEM_PYTHON, "-c", "import venv, pip"],
                      capture_output=True, check=False).returncode != 0:
        pytest.skip("%s lacks venv or pip (Debian: python3-venv, python3-pip)" % SYSTEM_PYTHON)
    d = tmp_path / "venv"
    p = subprocess.run([SYSTEM_PYTHON, "-m", "venv", "--system-site-packages", "--without-pip",
                        str(d)], capture_output=True, text=True, check=False)
    if p.returncode != 0:
        pytest.skip("cannot create a venv: %s" % p.stderr.strip())
    return str(d / "bin" / "python")


def _pip_install(python, source, **env):
    return _run([python, "-m", "pip", "install", "--no-build-isolation", "--no-deps", source],
                **env)


def _installed_dir(python):
    out = _run([python, "-c", "import alam, os; print(os.path.dirname(alam.__file__))"])
    return out.strip().splitlines()[-1]


def _use(python):
    """Imports the installed package from / and extracts; returns the library's path."""
    out = _run([python, "-c",
                "import alam\n"
                "with alam.Extractor() as ex:\n"
                "    assert [e.id for e in ex.extract('قصفت الطائرات مدينة الرقة')]\n"
                "print(alam.load_library())\n"])
    return out.strip().splitlines()[-1]


def _copy_package(tmp_path):
    """bindings/python copied out of the source tree (no build tree above it)."""
    dst = tmp_path / "src" / "alam-python"
    shutil.copytree(os.path.join(REPO, "bindings", "python"), dst,
                    ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__",
                                                  "libalam.so*"))
    return str(dst)


def test_pip_bundles_the_build_tree_library(venv, library):
    built = os.path.join(REPO, "build", "release", "libalam.so")
    if not os.path.isfile(built):
        pytest.skip("no build/release/libalam.so")
    _pip_install(venv, os.path.join(REPO, "bindings", "python"))
    pkg = _installed_dir(venv)
    assert not pkg.startswith(REPO), pkg
    assert os.path.isfile(os.path.join(pkg, soname()))
    assert os.path.isfile(os.path.join(pkg, "LICENSE"))
    assert os.path.isfile(os.path.join(pkg, "NOTICE"))
    assert os.path.isfile(os.path.join(pkg, "py.typed"))  # PEP 561: the package is typed
    assert _use(venv) == os.path.join(pkg, soname())
    # python -m alam, the pure-Python loop: one record with entities.
    sample = sorted(os.listdir(SAMPLE))[0]
    out = _run([venv, "-m", "alam", "--no-cli", os.path.join(SAMPLE, sample)])
    assert out.startswith('{"doc": "%s", "entities": [{' % sample), out[:200]


def test_pip_bundles_ALAM_LIBRARY(venv, library, tmp_path):
    src = _copy_package(tmp_path)
    _pip_install(venv, src, ALAM_LIBRARY=os.path.realpath(library))
    pkg = _installed_dir(venv)
    assert _use(venv) == os.path.join(pkg, soname())


def test_pip_without_a_library_bundles_none(venv, library, tmp_path):
    src = _copy_package(tmp_path)
    out = _pip_install(venv, src)
    pkg = _installed_dir(venv)
    assert not [n for n in os.listdir(pkg) if n.startswith("libalam")], out
    # At run time it takes ALAM_LIBRARY (or, without it, the system's libalam).
    out = _run([venv, "-c", "import alam; print(alam.load_library())"],
               ALAM_LIBRARY=os.path.realpath(library))
    assert out.strip().splitlines()[-1] == os.path.realpath(library)
