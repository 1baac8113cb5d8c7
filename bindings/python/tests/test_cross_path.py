"""Every path gives the same bytes: `alam extract`, Extractor.write_records, alam.dask and the
stream, on the sample articles and on a 1.2 MB document whose context crosses its segments
(a person named in full at the start, the bare surname at the end)."""

import json
import os

import pytest

from conftest import read_text, run_cli

import alam  # noqa: E402


@pytest.fixture(scope="module")
def long_dump(articles, tmp_path_factory):
    """The sample articles, then one document of about 1.2 MB, as JSON Lines."""
    texts = [read_text(p) for p in articles]
    # (الجعفري is no alias of its own: only the full name at the start makes it a person.)
    body = "قال المندوب السوري بشار الجعفري إن المعارك مستمرة.\n"
    while len(body.encode("utf-8")) < 1200000:
        body += "قصفت الطائرات مدينة الرقة وريف حلب الشمالي.\n" + texts[len(body) % len(texts)]
    body += "وفي دمشق، اجتمع الجعفري بوفد روسي.\n"
    path = tmp_path_factory.mktemp("long") / "long.jsonl"
    with open(path, "w", encoding="utf-8", newline="") as f:
        for p, t in zip(articles, texts):
            f.write(json.dumps({"id": os.path.basename(p), "text": t}, ensure_ascii=False) + "\n")
        f.write(json.dumps({"id": "long", "text": body}, ensure_ascii=False) + "\n")
    return str(path), texts + [body]


def test_cli_python_and_dask_write_the_same_bytes(library, cli, long_dump):
    path, texts = long_dump
    want = run_cli(cli, path)
    with open(path, encoding="utf-8") as f:
        ids = [json.loads(line)["id"] for line in f]
    with alam.Extractor() as ex:
        got, failed = ex.write_records(texts, ids, threads=2)
    assert failed == 0
    assert got == want
    long_record = json.loads(want.splitlines()[-1])
    assert long_record["doc"] == "long"
    # The bare surname at the end links to the person named a megabyte before.
    surnames = [e for e in long_record["entities"]
                if e["source"] == "rule:surname-after-full-name"]
    assert surnames and surnames[-1]["byte_start"] > len(texts[-1].encode("utf-8")) - 100

    dask = pytest.importorskip("dask")
    import alam.dask as alam_dask
    lines = alam_dask.records([path]).compute(scheduler="sync")
    assert ("\n".join(lines) + "\n").encode("utf-8") == want


def test_stream_and_extract_agree_on_the_long_document(library, long_dump):
    text = long_dump[1][-1]
    data = text.encode("utf-8")
    with alam.Extractor() as ex:
        whole = ex.extract(text)
        with ex.stream() as stream:
            got = []
            for at in range(0, len(data), 65521):  # pieces cut inside characters
                got += stream.write(data[at:at + 65521])
            got += stream.finish()
    assert got == whole
    assert all(text[e.start:e.end] == e.text for e in got)
