"""alam.dask on a 2-worker LocalCluster writes exactly the CLI's JSON Lines."""

import glob
import gzip
import os
import subprocess
import sys

import pytest

from conftest import PYTHON_DIR, run_cli

dask = pytest.importorskip("dask")
pytest.importorskip("distributed")

import alam.dask as alam_dask  # noqa: E402


def _parts(out_dir):
    data = b""
    for p in sorted(glob.glob(os.path.join(out_dir, "part-*.jsonl"))):
        with open(p, "rb") as f:
            data += f.read()
    return data


def test_local_cluster_matches_cli(library, cli, dev_jsonl, articles, tmp_path):
    inputs = [dev_jsonl] + articles[:2] + [str(tmp_path / "missing.txt"), dev_jsonl]
    want = run_cli(cli, *inputs)
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        out = tmp_path / "out"
        summary = alam_dask.extract_to_jsonl(inputs, str(out), client=client,
                                             files_per_partition=1)
        got = _parts(str(out))
        assert got == want
        assert summary["docs"] == len(want.splitlines())
        assert summary["parts"] == 5
        # Each worker process built its own extractor, once.
        counts = client.run(lambda: len(alam_dask._EXTRACTORS))
        assert set(counts.values()) <= {0, 1} and sum(counts.values()) >= 1
        assert len(set(client.run(os.getpid).values())) == 2

        # Several text fields joined as the CLI joins them, and extractor options.
        out2 = tmp_path / "out2"
        alam_dask.extract_to_jsonl([dev_jsonl], str(out2), client=client,
                                   text_fields=("title", "text"), min_score=0.9)
        assert _parts(str(out2)) == run_cli(cli, "--text-field", "title", "--text-field",
                                            "text", "--min-score", "0.9", dev_jsonl)
    assert not glob.glob(os.path.join(str(out), "*.tmp-*"))


def test_blocks_keep_line_numbers(library, cli, dev_jsonl):
    # Small blocks cut the file into many partitions; ids from line numbers must survive.
    want = run_cli(cli, dev_jsonl).decode("utf-8").splitlines()
    with dask.config.set(scheduler="synchronous"):
        bag = alam_dask.records([dev_jsonl], blocksize=4096)
        assert bag.npartitions > 3
        assert bag.compute() == want


def test_gzip_inputs(library, cli, dev_jsonl, articles, tmp_path):
    gz_jsonl = tmp_path / "dump.jsonl.gz"
    gz_text = tmp_path / "article.txt.gz"
    with open(dev_jsonl, "rb") as f:
        gz_jsonl.write_bytes(gzip.compress(f.read()))
    with open(articles[0], "rb") as f:
        gz_text.write_bytes(gzip.compress(f.read()))
    invalid = tmp_path / "invalid.txt"
    invalid.write_bytes(b"\xff\xfe " + "مدينة الرقة".encode())
    inputs = [str(gz_jsonl), str(gz_text), str(invalid)]
    want = run_cli(cli, *inputs).decode("utf-8").splitlines()
    with dask.config.set(scheduler="synchronous"):
        assert alam_dask.records(inputs).compute() == want
        want = run_cli(cli, "--repair", *inputs).decode("utf-8").splitlines()
        assert alam_dask.records(inputs, repair=True).compute() == want


def test_command_line(library, cli, dev_jsonl, tmp_path):
    out = tmp_path / "cmd"
    env = dict(os.environ, PYTHONPATH=PYTHON_DIR)
    p = subprocess.run([sys.executable, "-m", "alam.dask", dev_jsonl, "--out", str(out),
                        "--workers", "1"], env=env, capture_output=True, text=True,
                       timeout=120)
    assert p.returncode == 1, p.stderr  # the dump has failing records, like the CLI
    assert "failed" in p.stderr
    assert _parts(str(out)) == run_cli(cli, dev_jsonl)


def test_dotted_fields_as_the_cli(library, cli, tmp_path):
    """--id-field meta.id --text-field article.body: the CLI's records, and an id that is not
    UTF-8 fails its record with the CLI's message."""
    nested = tmp_path / "nested.jsonl"
    nested.write_bytes(
        b'{"meta": {"id": "n1"}, "article": {"body": "\xd9\x82\xd8\xb5\xd9\x81 \xd8\xad\xd9\x84\xd8\xa8"}}\n'
        b'{"meta": {"id": "n\xff"}, "article": {"body": "x"}}\n'
        b'{"meta": {}, "article": {"title": "x"}}\n')
    args = ("--id-field", "meta.id", "--text-field", "article.body")
    want = run_cli(cli, *args, str(nested)).decode("utf-8").splitlines()
    assert "not valid UTF-8" in want[1] and "no text field" in want[2]
    with dask.config.set(scheduler="synchronous"):
        got = alam_dask.records([str(nested)], id_field="meta.id",
                                text_fields=("article.body",)).compute()
    assert got == want


def test_compressed_inputs_as_the_cli(library, cli, dev_jsonl, articles, tmp_path):
    """xz and bzip2, known by their bytes as in the CLI (a .jsonl that is xz inside): the
    CLI's records; a truncated one fails the run instead of losing its end."""
    import bz2
    import lzma
    with open(dev_jsonl, "rb") as f:
        data = f.read()
    with open(articles[0], "rb") as f:
        article = f.read()
    inputs = []
    for name, blob in (("dump.jsonl.xz", lzma.compress(data)), ("dump2.jsonl.bz2", bz2.compress(data)),
                       ("xz-inside.jsonl", lzma.compress(data)), ("doc.txt.bz2", bz2.compress(article))):
        (tmp_path / name).write_bytes(blob)
        inputs.append(str(tmp_path / name))
    want = run_cli(cli, *inputs).decode("utf-8").splitlines()
    with dask.config.set(scheduler="synchronous"):
        assert alam_dask.records(inputs).compute() == want
        cut = tmp_path / "cut.jsonl.xz"
        cut.write_bytes(lzma.compress(data)[:-20])
        with pytest.raises(EOFError):
            alam_dask.records([str(cut)]).compute()
        cut_text = tmp_path / "cut.txt.bz2"
        cut_text.write_bytes(bz2.compress(article)[:-20])
        [record] = alam_dask.records([str(cut_text)]).compute()
        assert "truncated or corrupt bzip2 data" in record and str(cut_text) in record


def test_what_only_the_cli_reads_is_a_clear_error(library, cli, tmp_path):
    """Inputs `alam extract` reads and alam.dask does not (documented in alam/dask.py): an
    error naming the input before any work, exit status 2 from the command."""
    line = '{"id": "a", "text": "حلب"}\n'.encode()
    zstd = subprocess.run(["zstd", "-q", "-c"], input=line, capture_output=True, check=True).stdout
    inputs = {"dump.jsonl.zst": zstd, "dump.jsonl": zstd,  # named as plain, zstd inside
              "dump.json": b"[" + line + b"]"}
    for name, data in inputs.items():
        path = tmp_path / name
        path.write_bytes(data)
        assert b"error" not in run_cli(cli, str(path)), name  # the CLI reads it
        with pytest.raises(ValueError, match=str(path).replace(".", r"\.")):
            alam_dask.documents([str(path)])
    env = dict(os.environ, PYTHONPATH=PYTHON_DIR)
    p = subprocess.run([sys.executable, "-m", "alam.dask", str(tmp_path / "dump.jsonl.zst"),
                        "--out", str(tmp_path / "out")], env=env, capture_output=True,
                       text=True, timeout=120)
    assert p.returncode == 2 and "zstd-compressed" in p.stderr, p.stderr
