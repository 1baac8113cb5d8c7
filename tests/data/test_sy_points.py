"""Points of the Syrian towns and villages (sy_localities.tsv, `sy_points` in
data/tools/make_tables.py; run: /usr/bin/python3 -m pytest tests/data).

A row's own point comes from a Who's On First locality, or failing one from OCHA's populated
places (data/sources/ocha-syria-populated-places.tsv); a row without one carries its parent's
centroid with coord_approx 1. These tests check the committed table and the matching keys.
"""

import os
from collections import defaultdict

from test_ids import GAZ, REPO, load_tool, read_tsv


MT = load_tool("make_tables")


def localities():
    return read_tsv(os.path.join(GAZ, "sy_localities.tsv"))[1]


def admin():
    return {r["id"]: r for r in read_tsv(os.path.join(GAZ, "sy_admin.tsv"))[1]}


def test_approximate_points_are_the_parents_centroid():
    units = admin()
    wrong = []
    for r in localities():
        p = units[r["parent"]]
        at_parent = (r["lat"], r["lon"]) == (p["lat"], p["lon"])
        if (r["coord_approx"] == "1") != at_parent:
            wrong.append((r["id"], r["coord_approx"], r["lat"], r["lon"]))
    assert not wrong, wrong[:10]


def test_one_point_one_village():
    """Two villages of different names, or of one name in different districts, never share a
    point: one of them would carry a namesake's."""
    by_point = defaultdict(set)
    for r in localities():
        if r["coord_approx"] != "1" and r["source"] == "arwiki-villages":
            district = r["parent"][len("place:"):][:6]
            by_point[(r["lat"], r["lon"])].add((MT.norm(r["name_ar"]), district))
    shared = {k: v for k, v in by_point.items() if len(v) > 1}
    assert not shared, list(shared.items())[:10]


def test_share_of_villages_with_their_own_point():
    rows = [r for r in localities() if r["subtype"] == "village"]
    own = sum(r["coord_approx"] != "1" for r in rows)
    assert own / len(rows) >= 0.859, (own, len(rows))


def test_loose_key_folds_spellings_of_one_name():
    for a, b in [("حرملة", "حرملا"), ("حميمة كبيرة", "حميمة كبير"), ("شللخ", "شلخ"),
                 ("أم الكراميل", "أم القراميل"), ("بستان صبيح", "بستان سبيح"),
                 ("حاوي الهوى", "هاوي الهوى"), ("قصر الذيب", "قصر الديب")]:
        assert MT.loose_key(a) == MT.loose_key(b), (a, b)
    # doubled letters fold within a word only: فارس كبير is not فرسوك كبير
    assert MT.loose_key("فارس كبير") != MT.loose_key("فرسوك كبير")


def test_alike_tells_names_the_keys_confuse():
    class Place:
        def __init__(self, name):
            self.r = {"name_ar": name, "aliases_ar": ""}
    for a, b in [("قطنا", "كوتيان"), ("حيبو", "حبة"), ("صافي", "صفاء")]:
        assert MT.loose_key(a) == MT.loose_key(b) or MT.skeleton(a) == MT.skeleton(b), (a, b)
        assert not MT.alike(a, Place(b), MT.loose_key), (a, b)
    assert MT.alike("حبيت", Place("حبيط"), MT.loose_key)
    assert MT.alike("مسعود رفيع", Place("مسعود الرفيعة"), MT.loose_key)


def test_rasm_key_folds_dots_and_joined_words_only():
    for a, b in [("خربة حزور", "خربة جزور"), ("قتيطرات", "قنيطرات"), ("معرة ماتر", "معرتماتر"),
                 ("كفر روحين", "كفروحين"), ("شمارخ", "شمارح")]:
        assert MT.rasm_key(a) == MT.rasm_key(b), (a, b)
    # the long vowels stay: one dotless shape without them is many names
    for a, b in [("بسنة", "النشابية"), ("الحرية", "الجويزة")]:
        assert MT.rasm_key(a) != MT.rasm_key(b), (a, b)


def test_affix_key_drops_prefix_and_part_words_that_agree():
    class Place:
        def __init__(self, name):
            self.r = {"name_ar": name, "aliases_ar": ""}
    assert MT.affix_key("ليلان كبير") == MT.affix_key("ليلان")
    assert MT.affix_key("تل أبو توينة") == MT.affix_key("أبو توينة")
    assert MT.affixes_agree("جب الكلب كبير", Place("جب الكلب"), MT.affix_key)
    assert not MT.affixes_agree("جب الكلب كبير", Place("جب الكلب صغير"), MT.affix_key)


def test_gns_key_reads_the_romanization_as_the_arabic_name():
    for latin, arabic in [("Ad Dayrūnah", "الديرونة"), ("Bi’r al ‘Ubaydāt", "بئر عبيدات"),
                          ("Aţ Ţamāriqīyah", "الطمارقية"), ("Ḩarf Salkīn", "حرف السلكين"),
                          ("Z̧ifr Şaghīr", "زفر الصغير"), ("Duwayr al Mashā’ikh", "دوير المشايخ")]:
        assert MT.gns_key(latin) == MT.gns_key_ar(arabic), (latin, arabic)
    # ḩ is ح, h is ه; ‘ is ع
    assert MT.gns_key("Ḩajnah") != MT.gns_key("Hajnah")
    assert MT.gns_key("‘Annābah") != MT.gns_key("Annābah")


def test_gns_rule_places_villages_by_latin_only_wof_localities():
    """Rows the gns rule places with the point of a WOF locality that has no Arabic name (data/
    sources/wof-syria-latin-localities.tsv), and its GeoNames id: Aţ Ţamāriqīyah, Bātintah, Bi’r
    al ‘Ubaydāt, and Z̧ifr Şaghīr by the row's alias (the list's بصرى (زفر الصغير))."""
    rows = {r["id"]: r for r in localities()}
    for rid, gn in [("place:SY050404-al6marqyh", "172346"), ("place:SY070005-batnth", "11556188"),
                    ("place:SY020602-bir_3bydat", "171432"), ("place:SY070001-b9ry", "162435")]:
        r = rows[rid]
        assert r["coord_approx"] != "1" and r["geonames"] == gn, (rid, r["geonames"])


def test_gns_rule_leaves_arabic_named_localities_to_the_arabic_rules():
    """بخترية romanizes like أبو خطر (Abū Khaţar) and ذبيان like دبانة (Dabbānah), each the one
    such locality in the district near the parent's villages; they bear Arabic names that the
    Arabic rules did not take, and are other villages: the rows keep the centroid."""
    rows = {r["id"]: r for r in localities()}
    assert MT.gns_key("Abū Khaţar") == MT.gns_key_ar("بخترية")
    for rid, gn in [("place:SY0205-bxtryh", "174438"), ("place:SY080200-4byan", "171019")]:
        assert rows[rid]["geonames"] != gn, rid


def test_ocha_names_split_alternates_and_drop_admin_qualifiers():
    admin = {MT.norm("عفرين"), MT.norm("جبلة")}
    assert MT.ocha_names("الشهامة_بندر", admin) == ["الشهامة", "بندر"]
    assert MT.ocha_names("قزل/غزل", admin) == ["قزل", "غزل"]
    assert MT.ocha_names("قره بجق (السوداء)", admin) == ["قره بجق", "السوداء"]
    assert MT.ocha_names("ابين- عفرين", admin) == ["ابين"]
    assert MT.ocha_names("ديروتان / جبلة", admin) == ["ديروتان"]
    assert MT.ocha_names("عفرين", admin) == ["عفرين"]


def test_ocha_rule_places_villages_wof_lacks():
    """Rows no WOF rule placed that take the point of the one OCHA populated place of their
    sub-district (or district) bearing their name: the Arabic names of Ain al-Arab's villages
    (الشهامة = الشهامة_بندر, C2012; الأخوة under the district, C2077)."""
    rows = {r["id"]: r for r in localities()}
    for rid, point in [("place:SY020601-alchamh", ("36.81183", "38.15438")),
                       ("place:SY0206-alaxwh", ("36.64047", "38.57241"))]:
        r = rows[rid]
        assert r["coord_approx"] == "" and (r["lat"], r["lon"]) == point, (rid, r["lat"], r["lon"])
