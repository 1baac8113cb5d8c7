"""The Extractor against the CLI, offsets, errors, threads, batches and normalize."""

import json
import os
import subprocess
import sys
import threading

import pytest

import alam
from alam import _lib
from conftest import PYTHON_DIR, REPO, read_text, run_cli

SENTENCE = "قصفت الطائرات مدينة الرقة"


def test_version(library):
    with open(os.path.join(REPO, "VERSION"), encoding="utf-8") as f:
        assert f.read().strip() == alam.__version__
    assert alam.library_version().split(".")[:2] == alam.__version__.split(".")[:2]


def test_sentence(extractor):
    (e,) = extractor.extract(SENTENCE)
    assert (e.text, e.type, e.name_en, e.source) == ("الرقة", "PLACE", "Raqqa", "alias")
    assert SENTENCE[e.start:e.end] == e.text
    assert SENTENCE.encode()[e.byte_start:e.byte_end] == e.text.encode()
    with pytest.raises(dataclasses_error()):
        e.text = "x"


def dataclasses_error():
    import dataclasses
    return dataclasses.FrozenInstanceError


def test_same_as_cli_on_dev_articles(extractor, cli, articles):
    out = run_cli(cli, *articles).decode("utf-8").splitlines()
    assert len(out) == len(articles)
    total = 0
    for path, line in zip(articles, out):
        text = read_text(path)
        record = json.loads(line)
        assert record["doc"] == os.path.basename(path)
        ents = extractor.extract(text)
        total += len(ents)
        got = [{"start": e.start, "end": e.end, "byte_start": e.byte_start,
                "byte_end": e.byte_end, "text": e.text, "type": e.type, "subtype": e.subtype,
                "id": e.id, "name_ar": e.name_ar, "name_en": e.name_en,
                "score": "%.2f" % e.score, "source": e.source, "alias": e.alias,
                "alternatives": e.alternatives} for e in ents]
        want = [dict(r, score="%.2f" % r["score"], alternatives=r.get("alternatives", 0))
                for r in record["entities"]]
        for r in want:  # the entry's fields the record adds (extractor.entry gives them)
            for k in ("country", "parent", "governorate", "lat", "lon", "approximate", "pcode",
                      "wikidata"):
                r.pop(k, None)
        assert got == want, path
        for e in ents:
            assert text[e.start:e.end] == e.text
        # The record Python and Dask write (the library's formatter) is the CLI's line.
        data = text.encode("utf-8")
        record, failed = extractor.write_records([data], [os.path.basename(path)])
        assert failed == 0
        assert record.decode("utf-8") == line + "\n"
        # bytes input: same offsets, same surfaces.
        assert extractor.extract(data) == ents
    assert total > 50


def test_offsets_slice_the_original_with_marks(extractor):
    text = "قَصَفَتْ الطائرات مدينةَ الرَّقَّةِ\u200f ودير الزور، وﺍﻟﺮﻗﺔ 🙂 ثم حلب\u0000وإدلب"
    ents = extractor.extract(text)
    assert ents
    for e in ents:
        assert text[e.start:e.end] == e.text
        assert text.encode()[e.byte_start:e.byte_end].decode() == e.text


def test_missing_library_raises_in_subprocess(tmp_path):
    code = ("import alam\n"
            "try:\n"
            "    alam.Extractor()\n"
            "except alam.LibraryNotFoundError as e:\n"
            "    print('LibraryNotFoundError', e)\n")
    env = dict(os.environ, ALAM_LIBRARY=str(tmp_path / "nowhere" / "libalam.so"),
               PYTHONPATH=PYTHON_DIR)
    p = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                       check=True)
    assert p.stdout.startswith("LibraryNotFoundError")
    assert "nowhere" in p.stdout


def test_malformed_gazetteer(library, tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("id\ttype\tname_ar\nplace:x-ok\tPLACE\tزملكاوي\nplace:x-bad\tBOGUS\tشيء\n",
                   encoding="utf-8")
    with pytest.raises(alam.InvalidArgumentError) as info:
        alam.Extractor(gazetteer=[str(bad)])
    assert "bad.tsv:3" in str(info.value)
    assert isinstance(info.value, alam.AlamError) and info.value.status == 1


def test_missing_file(library, tmp_path):
    with pytest.raises(alam.NotFoundError) as info:
        alam.Extractor.load(tmp_path / "absent.tsv")
    assert "absent.tsv" in str(info.value)
    with pytest.raises(alam.NotFoundError):
        alam.Extractor(rules=[str(tmp_path / "absent_rules.tsv")])


def test_extra_gazetteer_and_entry(library, tmp_path):
    g = tmp_path / "extra.tsv"
    g.write_text("id\ttype\tname_ar\tname_en\tcountry\nplace:x-zamalkawi\tPLACE\tزملكاوي\t"
                 "Zamalkawi\tSY\n", encoding="utf-8")
    with alam.Extractor.load(g) as ex:
        found = ex.extract("وصلت القوات إلى زملكاوي أمس")
        (e,) = [e for e in found if e.id == "place:x-zamalkawi"]
        assert e.name_en == "Zamalkawi"
        entry = ex.entry("place:x-zamalkawi")
        assert entry["country"] == "SY" and entry["type"] == "PLACE" and entry["lat"] is None
        assert ex.stats()["entries"] == alam.Extractor().stats()["entries"] + 1
        with pytest.raises(alam.NotFoundError):
            ex.entry("place:no-such-entry")
    with alam.Extractor(gazetteer=[g], use_embedded=False) as only:
        assert only.stats()["entries"] == 1


def test_invalid_utf8_and_repair(extractor, library):
    data = b"\xff " + "قصفت الطائرات مدينة الرقة".encode()
    with pytest.raises(alam.InvalidArgumentError) as info:
        extractor.extract(data)
    assert "UTF-8" in str(info.value)
    with alam.Extractor(repair=True) as ex:
        (e,) = ex.extract(data)
        assert data[e.byte_start:e.byte_end].decode() == e.text == "الرقة"
        assert e.start == SENTENCE.index("الرقة") + 2  # the invalid byte counts as one
    # A str with lone surrogates is not valid UTF-8 either; repaired, offsets still index it.
    text = "\ud800 قصفت \udcff الطائرات مدينة الرقة"
    with pytest.raises(alam.InvalidArgumentError):
        extractor.extract(text)
    with alam.Extractor(repair=True) as ex:
        (e,) = ex.extract(text)
        assert text[e.start:e.end] == e.text == "الرقة"


def test_version_mismatch(library, monkeypatch):
    monkeypatch.setattr(_lib, "expected_version", lambda: "9.9.0")
    with pytest.raises(alam.LibraryNotFoundError) as info:
        _lib._check_version(_lib.lib(), "libalam.so")
    assert "9.9.0" in str(info.value)


def test_options(library):
    with alam.Extractor(min_score=0.99) as ex:
        assert ex.extract(SENTENCE) == []
    with alam.Extractor(max_document_bytes=10) as ex:
        with pytest.raises(alam.OutOfRangeError):
            ex.extract(SENTENCE)
    with pytest.raises(alam.InvalidArgumentError):
        alam.Extractor(min_score=2.0)
    with pytest.raises(TypeError):
        alam.Extractor().extract(42)


def test_close(library):
    ex = alam.Extractor()
    assert ex.extract(SENTENCE)
    ex.close()
    ex.close()
    with pytest.raises(alam.FailedPreconditionError):
        ex.extract(SENTENCE)
    with alam.Extractor() as ex2:
        assert ex2.extract(SENTENCE)
    with pytest.raises(alam.FailedPreconditionError):
        ex2.stats()


def test_empty_and_nul(extractor):
    assert extractor.extract("") == []
    assert extractor.extract(b"") == []
    text = "دمشق\x00دمشق"
    ents = extractor.extract(text)
    assert [text[e.start:e.end] for e in ents] == ["دمشق", "دمشق"]


def test_threads_give_the_serial_result(extractor, articles):
    texts = [read_text(p) for p in articles] * 4
    serial = [extractor.extract(t) for t in texts]
    results = [None] * 8
    errors = []

    def work(k):
        try:
            results[k] = [extractor.extract(t) for t in texts[k % 3:] + texts[:k % 3]]
        except Exception as e:  # pragma: no cover
            errors.append(e)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    for k in range(8):
        assert results[k] == serial[k % 3:] + serial[:k % 3]


def test_extract_many(extractor, articles):
    texts = [read_text(p) for p in articles] + [SENTENCE, "", SENTENCE.encode()]
    serial = [extractor.extract(t) for t in texts]
    assert extractor.extract_many(texts) == serial
    assert extractor.extract_many(texts, threads=1) == serial
    assert extractor.extract_many([]) == []

    bad = texts[:2] + [b"\xc3"] + texts[2:]
    with pytest.raises(alam.InvalidArgumentError) as info:
        extractor.extract_many(bad)
    assert info.value.index == 2
    got = extractor.extract_many(bad, errors="return")
    assert isinstance(got[2], alam.InvalidArgumentError)
    assert got[:2] + got[3:] == serial
    with pytest.raises(ValueError):
        extractor.extract_many(texts, errors="ignore")


def test_normalize(library):
    text = "أَحمد ﻻ ٣\u200f وإدلب الرَّقَّة"
    norm, offsets = alam.normalize(text)
    assert norm == "احمد لا 3 وادلب الرقه"
    assert len(offsets) == len(norm) + 1
    assert offsets[0] == 0 and offsets[-1] == len(text)
    assert offsets == sorted(offsets)
    # Each normalized character points at the character that produced it.
    k = norm.index("الرقه")
    assert text[offsets[k]:offsets[k + 5]].startswith("الرَّقَّة"[:1])
    assert text[offsets[k]:] == "الرَّقَّة"
    assert norm[norm.index("3")] == "3" and text[offsets[norm.index("3")]] == "٣"
    ligature = norm.index("لا")
    assert offsets[ligature] == offsets[ligature + 1] == text.index("ﻻ")
    assert alam.normalize(b"ABC") == ("abc", [0, 1, 2, 3])
    assert alam.normalize("") == ("", [0])
    with pytest.raises(alam.InvalidArgumentError):
        alam.normalize(b"\xff")
    assert alam.normalize(b"a\xffb", repair=True) == ("a\ufffdb", [0, 1, 2, 3])


def test_one_signature_table_covers_the_header():
    header = os.path.join(REPO, "include", "alam", "alam.h")
    if not os.path.exists(header):
        pytest.skip("no header")
    import re
    with open(header, encoding="utf-8") as f:
        declared = set(re.findall(r"ALAM_EXPORT[^;(]*?\b(alam_\w+)\s*\(", f.read()))
    assert declared == {name for name, _, _ in _lib._FUNCTIONS}


def test_readme_example_runs(library, capsys):
    import re
    with open(os.path.join(PYTHON_DIR, "README.md"), encoding="utf-8") as f:
        block = re.search(r"```python\n(.*?)```", f.read(), re.S).group(1)
    exec(compile(block, "README.md", "exec"), {})
    assert "الرقة PLACE" in capsys.readouterr().out


def test_write_records_formats(extractor):
    """Every format name reaches the library's formatter; an unknown one is refused."""
    texts, ids = [SENTENCE, "لا شيء"], ["a", "b"]
    for fmt in _lib.RECORD_FORMATS:
        out, failed = extractor.write_records(texts, ids, format=fmt, threads=2)
        assert failed == 0 and out, fmt
        assert out == extractor.write_records(texts, ids, format=fmt, threads=1)[0], fmt
    csv_out, _ = extractor.write_records(texts, ids, format="csv")
    header, row = csv_out.decode("utf-8").split("\r\n")[:2]
    assert header.startswith("doc,date,start,") and row.startswith("a,,")
    geo = json.loads(extractor.write_records(texts, ids, format="geojson")[0])
    (feature,) = geo["features"]
    raqqa = extractor.entry(feature["properties"]["id"])
    assert feature["geometry"]["coordinates"] == [raqqa["lon"], raqqa["lat"]]
    with pytest.raises(ValueError):
        extractor.write_records(texts, ids, format="xml")


def test_explain_reaches_the_records(library):
    """explain=N: the library's records carry the context model's reasons (as `alam extract
    --explain` writes them); a negative count other than -1 is refused."""
    text = "وصلت التعزيزات إلى الباب شرق حلب"
    with alam.Extractor(explain=5) as ex:
        rec = json.loads(ex.write_records([text], ["a"])[0])
    (bab,) = [e for e in rec["entities"] if e["text"] == "الباب"]
    assert bab["explain"].startswith("context ") and "evidence: placed" in bab["explain"]
    with alam.Extractor() as ex:
        assert "explain" not in ex.write_records([text], ["a"])[0].decode("utf-8")
    with pytest.raises(alam.InvalidArgumentError):
        alam.Extractor(explain=-2)


def test_write_records_dates_and_kept_fields(extractor):
    """Dates and kept fields reach the records (jsonl: after "doc"; csv: their columns)."""
    out, _ = extractor.write_records([SENTENCE], ["a"], dates=["2024-03-01"],
                                     kept_names=["outlet", "page"],
                                     kept_values=[['"Enab \\"B\\""', None]])
    assert out.startswith(b'{"doc": "a", "outlet": "Enab \\"B\\"", "page": null, '
                          b'"date": "2024-03-01", "entities": [{')
    rec = json.loads(out)
    assert rec["outlet"] == 'Enab "B"' and rec["page"] is None
    csv_out, _ = extractor.write_records([SENTENCE], ["a"], format="csv", dates=["2024-03-01"],
                                         kept_names=["outlet"], kept_values=[['"x,y"']])
    header, row = csv_out.decode("utf-8").split("\r\n")[:2]
    assert header.startswith("doc,outlet,date,start,") and row.startswith('a,"x,y",2024-03-01,')
    for bad in [dict(dates=["1.3.2024"]), dict(kept_names=["doc"], kept_values=[["1"]]),
                dict(kept_names=["n"], kept_values=[["{1}"]])]:
        with pytest.raises(ValueError):
            extractor.write_records([SENTENCE], ["a"], **bad)
