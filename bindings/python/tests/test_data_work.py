"""Entity's whereabouts fields (country … wikidata), to_dict and JSON, and to_dataframe: the
same facts as the CLI's JSON Lines records."""

import dataclasses
import json
import subprocess
import sys

import pytest

import alam
from conftest import read_text, run_cli

WHERE = ("country", "parent", "governorate", "lat", "lon", "approximate", "pcode", "wikidata")


def test_entity_fields_are_the_records_fields(extractor, articles, cli):
    """Every entity of the sample articles: to_dict() equals the CLI record's entity."""
    out = run_cli(cli, *articles).decode("utf-8")
    records = [json.loads(line) for line in out.splitlines()]
    compared = with_governorate = approximate = 0
    for path, rec in zip(articles, records):
        got = [e.to_dict() for e in extractor.extract(read_text(path))]
        assert got == rec["entities"], path
        compared += len(got)
        with_governorate += sum("governorate" in e for e in got)
        approximate += sum(e.get("approximate", False) for e in got)
    assert compared > 100 and with_governorate > 10, (compared, with_governorate)


def test_whereabouts_of_a_place(extractor):
    [e] = [e for e in extractor.extract("قصفت الطائرات مدينة الرقة") if e.type == "PLACE"]
    entry = extractor.entry(e.id)
    assert (e.country, e.parent, e.pcode, e.wikidata) == (
        entry["country"], entry["parent"], entry["pcode"], entry["wikidata"])
    assert e.country == "SY" and e.wikidata.startswith("Q") and e.governorate.startswith("place:")
    assert extractor.entry(e.governorate)["subtype"] == "governorate"
    assert abs(e.lat - entry["lat"]) < 1e-5 and abs(e.lon - entry["lon"]) < 1e-5


def test_rule_made_and_unlocated_entities_have_no_whereabouts(extractor):
    for e in extractor.extract_many(["قصفت الطائرات مدينة الرقة", "وصل بوتين إلى دمشق"])[1]:
        if e.type == "PERSON":
            d = e.to_dict()
            assert e.lat is None and e.lon is None and not e.approximate
            assert "lat" not in d and "approximate" not in d and "governorate" not in d


def test_json_serialization(extractor):
    ents = extractor.extract("قصفت الطائرات مدينة الرقة وريف دمشق")
    text = json.dumps(ents, default=alam.Entity.to_json, ensure_ascii=False)
    assert json.loads(text) == [e.to_dict() for e in ents]
    with pytest.raises(TypeError):
        json.dumps(object(), default=alam.Entity.to_json)
    assert dataclasses.asdict(ents[0]).keys() >= set(WHERE)


def test_to_dataframe(extractor):
    pandas = pytest.importorskip("pandas")
    texts = ["قصفت الطائرات مدينة الرقة وريف دمشق", "لا شيء هنا", "معارك في الموصل"]
    results = extractor.extract_many(texts)
    df = alam.to_dataframe(results)
    assert isinstance(df, pandas.DataFrame)
    assert list(df.columns) == ["doc"] + [f.name for f in dataclasses.fields(alam.Entity)]
    assert len(df) == sum(len(r) for r in results)
    assert df["doc"].tolist() == [i for i, r in enumerate(results) for _ in r]
    assert df["text"].tolist() == [e.text for r in results for e in r]
    assert df["country"].tolist() == [e.country for r in results for e in r]
    by_id = alam.to_dataframe({"a": results[0], "c": results[2]})
    assert set(by_id["doc"]) == {"a", "c"} and len(by_id) == len(results[0]) + len(results[2])
    assert alam.to_dataframe([]).columns.tolist()[0] == "doc"


def test_to_dataframe_failed_documents(extractor):
    pytest.importorskip("pandas")
    results = extractor.extract_many(["حلب", b"\xff"], errors="return")
    assert isinstance(results[1], alam.AlamError)
    with pytest.raises(alam.AlamError):
        alam.to_dataframe(results)
    df = alam.to_dataframe(results, errors="skip")
    assert set(df["doc"]) == {0}


def test_to_dataframe_without_pandas(library):
    """A clear ImportError that names pandas and its Debian package."""
    code = ("import sys; sys.modules['pandas'] = None\n"
            "import alam\n"
            "try:\n    alam.to_dataframe([])\n"
            "except ImportError as e:\n    print(e)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={"PYTHONPATH": alam.__path__[0] + "/.."}, check=True).stdout
    assert "needs pandas" in out and "python3-pandas" in out, out


def test_py_typed_marker():
    import os
    assert os.path.isfile(os.path.join(alam.__path__[0], "py.typed"))
