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
