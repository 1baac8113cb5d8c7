"""Id stability of the gazetteer tables (run: /usr/bin/python3 -m pytest tests/data).

Every id ever released (data/released_ids/<version>.txt) must still resolve: it is a current id,
or data/id_aliases.tsv maps it to a current id, or data/retired_ids.tsv retires it.
"""

import glob
import importlib.util
import re
import os
import subprocess
import sys

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(REPO, "data")
GAZ = os.path.join(DATA, "gazetteer")


def load_tool(name):
    """The module data/tools/<name>.py (its directory on the path, for the tools it imports)."""
    tools = os.path.join(REPO, "data", "tools")
    if tools not in sys.path:
        sys.path.insert(0, tools)
    spec = importlib.util.spec_from_file_location(name, os.path.join(tools, name + ".py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]
    if not lines:
        return [], []
    header = lines[0].split("\t")
    return header, [dict(zip(header, l.split("\t"))) for l in lines[1:]]


def current_rows():
    out = []
    for path in sorted(glob.glob(os.path.join(GAZ, "*.tsv"))):
        header, rows = read_tsv(path)
        if "id" not in header:
            continue  # ambiguous.tsv
        out += [(os.path.basename(path), r) for r in rows]
    return out


def current_ids():
    return [r["id"] for _, r in current_rows()]


def aliases():
    header, rows = read_tsv(os.path.join(DATA, "id_aliases.tsv"))
    assert header == ["old_id", "id"], header
    return [(r["old_id"], r["id"]) for r in rows]


def retired():
    header, rows = read_tsv(os.path.join(DATA, "retired_ids.tsv"))
    assert header == ["id", "version", "reason"], header
    return {r["id"]: r for r in rows}


def test_no_duplicate_ids():
    seen = {}
    dups = []
    for table, r in current_rows():
        if r["id"] in seen:
            dups.append((r["id"], seen[r["id"]], table))
        seen[r["id"]] = table
    assert not dups, dups[:20]


def test_aliases_point_at_current_ids():
    ids = set(current_ids())
    al = aliases()
    olds = [o for o, _ in al]
    assert len(olds) == len(set(olds)), "an old id has two lines in id_aliases.tsv"
    nowhere = [(o, n) for o, n in al if n not in ids]
    assert not nowhere, "aliases pointing nowhere: %r" % nowhere[:20]
    shadow = [o for o, _ in al if o in ids]
    assert not shadow, "old ids that are also current ids: %r" % shadow[:20]
    ret = retired()
    both = [o for o in olds if o in ret]
    assert not both, "ids both aliased and retired: %r" % both[:20]


def test_retired_ids_are_not_current():
    ids = set(current_ids())
    back = [i for i in retired() if i in ids]
    assert not back, "retired ids in use again: %r" % back[:20]


def test_every_released_id_resolves():
    files = sorted(glob.glob(os.path.join(DATA, "released_ids", "*.txt")))
    assert files, "no data/released_ids/*.txt"
    ids = set(current_ids())
    al = dict(aliases())
    ret = retired()
    lost = []
    for path in files:
        with open(path, encoding="utf-8") as f:
            for line in f:
                i = line.strip()
                if not i:
                    continue
                if i in ids or i in ret or al.get(i) in ids:
                    continue
                lost.append((os.path.basename(path), i))
    assert not lost, "%d released ids resolve to nothing, e.g. %r" % (len(lost), lost[:20])


def test_parents_exist():
    ids = set(current_ids())
    missing = [(t, r["id"], r["parent"]) for t, r in current_rows()
               if r.get("parent") and r["parent"] not in ids]
    assert not missing, missing[:20]


def shared_sources():
    shared = os.environ.get("ALAM_SHARED") or os.path.join(REPO, "..", "shared")
    return os.path.join(os.path.abspath(shared), "gazetteer-sources")


def test_regenerating_gives_the_committed_tables(tmp_path):
    src = shared_sources()
    if not os.path.isdir(src):
        pytest.skip("gazetteer sources not found at %s (set $ALAM_SHARED to the directory that "
                    "holds gazetteer-sources/)" % src)
    subprocess.run([sys.executable, os.path.join(DATA, "tools", "make_tables.py"), src,
                    "--out", str(tmp_path)], check=True, stdout=subprocess.DEVNULL)
    written = sorted(os.listdir(tmp_path))
    assert written
    differ = []
    for name in written:
        with open(os.path.join(tmp_path, name), encoding="utf-8") as f:
            new = f.read()
        committed = os.path.join(GAZ, name)
        old = open(committed, encoding="utf-8").read() if os.path.exists(committed) else None
        if new != old:
            differ.append(name)
    assert not differ, "regenerated tables differ from the committed ones: %s" % differ


def test_wikidata_ids_are_well_formed_and_name_one_place_each():
    """A Wikidata id is Q and a number; two entries bear one only when they are the village
    list's double entry of one village (same name, one under its sub-district, one under its
    district), never two different things."""
    holders = {}
    for table, r in current_rows():
        q = r.get("wikidata", "")
        if not q:
            continue
        assert re.fullmatch(r"Q[1-9][0-9]*", q), (table, r["id"], q)
        holders.setdefault(q, []).append(r)
    for q, rows in holders.items():
        if len(rows) > 1:
            assert len({(r["type"], r["name_ar"]) for r in rows}) == 1, (q, [r["id"] for r in rows])


def test_a_city_id_csc_copies_onto_other_cities_is_given_to_none_unconfirmed():
    """csc-dr5hn-world copies a city's Wikidata id onto neighbouring records (Q2218549 on Erbaa,
    Erciş and Erdek): a world_csc.tsv entry bears an id that records of other cities (another
    name, farther than CSC_NEAR_KM) also bear only where Natural Earth places that id near it."""
    mt = load_tool("make_tables")
    src = os.path.join(os.path.dirname(REPO), "shared", "gazetteer-sources")
    path = os.path.join(src, "csc-dr5hn-world", "csc_cities_ar.tsv")
    if not os.path.exists(path):
        pytest.skip("../shared/gazetteer-sources is absent")
    import csv
    bearers = {}
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            if r["wikidata_qid"]:
                bearers.setdefault(r["wikidata_qid"], []).append(r)
    _, ne_points = mt.ne_places()
    checked = 0
    for r in mt.read_tsv(os.path.join(GAZ, "world_csc.tsv")):
        q = r.get("wikidata")
        if not q:
            continue
        lat, lon = float(r["lat"]), float(r["lon"])
        others = [o for o in bearers.get(q, [])
                  if mt.ascii_name(o["name_en"]) != mt.ascii_name(r["name_en"]) and
                  mt.km(float(o["lat"]), float(o["lon"]), lat, lon) > mt.CSC_NEAR_KM]
        if others:
            checked += 1
            assert any(mt.km(lat, lon, la, lo) <= mt.NE_KM for la, lo in ne_points.get(q, [])), \
                (r["id"], r["name_en"], q, [o["name_en"] for o in others])
    assert checked > 0  # some shared ids are confirmed, so the test reads real rows
