"""Shared fixtures: the package from this source tree, the built library and CLI, the dev
articles. Every test is skipped (not failed) when libalam has not been built."""

import glob
import json
import os
import shutil
import subprocess
import sys

import pytest

PYTHON_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if PYTHON_DIR not in sys.path:
    sys.path.insert(0, PYTHON_DIR)

import alam  # noqa: E402
from alam import _lib  # noqa: E402

REPO = _lib.source_root()
DEV_ARTICLES = os.environ.get("ALAM_DEV_ARTICLES", os.path.join(REPO or "", "data", "sample"))


def _library_or_skip():
    try:
        return alam.load_library()
    except alam.LibraryNotFoundError as e:
        pytest.skip("libalam is not built: %s" % e, allow_module_level=True)


@pytest.fixture(scope="session")
def library():
    return _library_or_skip()


@pytest.fixture(scope="session")
def cli(library):
    """Path of the `alam` command: ALAM_CLI, else the one beside the loaded library."""
    path = os.environ.get("ALAM_CLI")
    if not path:
        path = os.path.join(os.path.dirname(os.path.realpath(library)), "alam")
        if not os.access(path, os.X_OK):
            path = shutil.which("alam")
    if not path or not os.access(path, os.X_OK):
        pytest.skip("the alam command is not built")
    return path


def run_cli(cli, *args, input=None):
    """stdout bytes of `alam extract ARGS…` (the exit status may be 1 for failed docs)."""
    p = subprocess.run([cli, "extract", "--no-progress", *args], input=input,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    assert p.returncode in (0, 1), p.stderr.decode("utf-8", "replace")
    return p.stdout


@pytest.fixture(scope="session")
def extractor(library):
    with alam.Extractor() as ex:
        yield ex


@pytest.fixture(scope="session")
def articles():
    paths = sorted(glob.glob(os.path.join(DEV_ARTICLES, "*.txt")))
    if not paths:
        pytest.skip("no dev articles in %s" % DEV_ARTICLES)
    return paths


def read_text(path):
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


@pytest.fixture(scope="session")
def dev_jsonl(articles, tmp_path_factory):
    """A JSON Lines dump of the dev articles with ids, plus a few awkward records."""
    path = tmp_path_factory.mktemp("dump") / "dev.jsonl"
    with open(path, "w", encoding="utf-8", newline="") as f:
        for i, p in enumerate(articles):
            rec = {"id": os.path.basename(p)[:-4], "text": read_text(p)}
            f.write(json.dumps(rec, ensure_ascii=i % 2 == 0) + "\n")
            if i == 1:
                f.write("\n")  # blank: skipped, but counted in line numbers
                f.write(json.dumps({"text": "قصفت الطائرات مدينة الرقة"}, ensure_ascii=False)
                        + "\n")  # no id: named dev.jsonl:<line>
                f.write('{"id": 17, "text": "دمشق\\u0000 \\"x\\"\\t\\u007f"}\n')
                f.write('{"id": 1.50, "title": "no text field"}\n')
                f.write("not json\n")
                f.write('{"id": "num", "text": 5}\n')
                f.write('{"id": "crlf", "title": "دمشق", "text": "وفي ديرالزور"}\r\n')
        f.write('{"id": "last", "text": "معارك في الموصل"}')  # no final newline
    return str(path)
