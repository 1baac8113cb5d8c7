#!/usr/bin/python3
"""Generate the admin and locality gazetteer tables of alam from the staged sources.

Usage:  /usr/bin/python3 src/gazetteer/make_tables.py [SOURCES_DIR]

SOURCES_DIR defaults to ../shared/gazetteer-sources relative to the repository root. Standard
library only. Output is deterministic (rows sorted by id), so re-running gives identical files:

  data/gazetteer/sy_admin.tsv       Syria ADM1-ADM3 from opensyria-geography (source=opensyria)
  data/gazetteer/sy_localities.tsv  Syrian towns/villages from syria-villages-arwiki-karabala10
                                    (source=arwiki-villages), attached to their OCHA sub-district
  data/gazetteer/iq_admin.tsv       Iraq ADM1-ADM3 from ocha-cod-ab-iraq (source=ocha-iraq)

Rules (see data/README.md for the table format):
- Descriptor words are never part of an alias: "محافظة X", "منطقة X", "ناحية X" become X (or are
  dropped when X is already there). Aliases that differ from the name or from another alias only
  by what the matcher folds (hamza forms, ى/ي, ة/ه, diacritics, tatweel) are dropped.
- A "مركز X" sub-district keeps only "مركز ..." aliases: the bare town X is a separate locality
  entry (Syria: in sy_localities.tsv; Iraq: curated cities in places_curated.tsv).
- Villages carry the parent's centroid with coord_approx=1, no p-code and no external ids.
"""

import csv
import json
import os
import re
import sys
import unicodedata
from collections import OrderedDict, defaultdict

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT_DIR = os.path.join(REPO, "data", "gazetteer")

COLUMNS = ["id", "type", "subtype", "name_ar", "name_en", "aliases", "country", "parent",
           "lat", "lon", "coord_approx", "pcode", "wikidata", "geonames", "prominence", "source"]

# ---------------------------------------------------------------------------------------------
# Arabic normalization (the matcher's folding, used here only to compare and deduplicate)

TASHKEEL = re.compile("[\u064B-\u065F\u0670\u0640]")
FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
ARABIC_LETTERS = re.compile("^[\u0621-\u063A\u0641-\u064A0-9 ]+$")


def clean(s):
    """Canonical display form: NFC, no diacritics/tatweel, single spaces."""
    s = unicodedata.normalize("NFC", s)
    s = TASHKEEL.sub("", s)
    return " ".join(s.split())


def norm(s):
    """Comparison key: clean + fold hamza/alef-maqsura/ta-marbuta."""
    return clean(s).translate(FOLD)


def strip_prefix(s, prefixes):
    for p in prefixes:
        if s.startswith(p + " "):
            return s[len(p) + 1:]
    return s


def valid_alias(a):
    """Plain Arabic letters/digits and spaces only (drops Kurdish letters, punctuation)."""
    return bool(a) and bool(ARABIC_LETTERS.match(a))


def dedup_aliases(name, aliases):
    """Remove aliases that fold to the name or to an earlier alias; keep source order."""
    seen = {norm(name)}
    out = []
    for a in aliases:
        a = clean(a)
        if not valid_alias(a):
            continue
        k = norm(a)
        if k in seen:
            continue
        seen.add(k)
        out.append(a)
    return out


def write_table(path, rows):
    rows = sorted(rows, key=lambda r: r["id"])
    ids = set()
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(COLUMNS) + "\n")
        for r in rows:
            assert r["id"] not in ids, r["id"]
            ids.add(r["id"])
            vals = []
            for c in COLUMNS:
                v = r.get(c, "")
                v = "" if v is None else str(v)
                assert "\t" not in v and "\n" not in v and "\r" not in v, (r["id"], c, v)
                vals.append(v)
            f.write("\t".join(vals) + "\n")
    return len(rows)


# ---------------------------------------------------------------------------------------------
# Syria admin (opensyria-geography)

# Aliases from the source that are not names of the unit itself (regions, the seat city, junk).
SY_DROP_ALIASES = {
    "SY0200": {"حلب"},                      # "منطقة حلب": the bare city is a locality
    "SY0301": {"ريف دمشق"},                 # the governorate's name
    "SY0502": {"حيالين", "مركزها السقيلبية", "الغاب"},  # a village, prose, the Ghab plain
    "SY0202": {"بوابة تادف"},
    "SY0700": {"مدينة إدلب", "مدينة ادلب"},
    "SY030102": {"الغوطة الغربية"},         # regions, not this sub-district
    "SY030103": {"الغوطة الشرقية"},
    "SY030801": {"حرمون"},                  # Mount Hermon
}
# Names written more carefully than in the source (the source name stays an alias if it differs
# beyond what the matcher folds).
SY_NAME_FIX = {
    "SY020600": "مركز عين العرب",  # the source names the central sub-district like the town
}
# A few spelling variants that news uses and the source lacks (space-less Deir ez-Zor).
SY_EXTRA_ALIASES = {
    "SY09": ["ديرالزور"],
    "SY0901": ["ديرالزور"],
}


def load_opensyria(src):
    path = os.path.join(src, "opensyria-geography", "syria_admin1-3_flat.tsv")
    units = OrderedDict()
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            units[r["ocha_pcode"]] = r
    return units


def sy_admin_rows(units):
    rows = []
    level_subtype = {"ADM1": "governorate", "ADM2": "district", "ADM3": "subdistrict"}
    for pc, u in units.items():
        name = clean(u["name_ar"])
        src_name = name
        name = SY_NAME_FIX.get(pc, name)
        raw = [a for a in u["aliases_ar"].split("|") if a.strip()]
        if src_name != name:
            raw.insert(0, src_name)
        aliases = []
        for a in raw:
            a = clean(a)
            a = strip_prefix(a, ["محافظة", "منطقة", "ناحية"])
            if a in SY_DROP_ALIASES.get(pc, set()):
                continue
            if u["level"] == "ADM2" and a.startswith("مركز "):
                continue  # "مركز X" is the ADM3 unit's name, not the district's
            if name.startswith("مركز ") and not a.startswith("مركز "):
                continue  # the bare town is a separate locality entry
            aliases.append(a)
        aliases += SY_EXTRA_ALIASES.get(pc, [])
        aliases = dedup_aliases(name, aliases)
        level = u["level"]
        rows.append({
            "id": "place:" + pc, "type": "PLACE", "subtype": level_subtype[level],
            "name_ar": name, "name_en": u["name_en"].strip(), "aliases": "|".join(aliases),
            "country": "SY",
            "parent": "" if level == "ADM1" else "place:" + u["parent_pcode"],
            "lat": u["lat"], "lon": u["lon"], "pcode": pc,
            "wikidata": u["wikidata_qid"], "geonames": u["geonames_id"],
            "source": "opensyria",
        })
    return rows


# ---------------------------------------------------------------------------------------------
# Syrian towns and villages (syria-villages-arwiki-karabala10)

# CSV nahiya names that do not match an ADM3 name or alias by normalization: (governorate
# pcode, nahiya) -> ADM3 pcode.
NAHIYA_MAP = {
    ("SY07", "معرة مصرين"): "SY070005",   # معرتمصرين
    ("SY02", "الشيوخ"): "SY020601",       # الشيوخ التحتانية
}
# CSV City (old منطقة names) -> ADM2 pcode, for nahiyas without an ADM3 match.
CITY_MAP = {
    ("SY02", "الأتارب"): "SY0200",   # the former Atarib district is now in Jabal Saman
    ("SY02", "دير حافر"): "SY0202",  # Deir Hafer is a sub-district of al-Bab
    ("SY03", "قدسيا"): "SY0301",     # Qudsaya is a sub-district of Markaz Rif Dimashq
    ("SY05", "السلمية"): "SY0503",
    ("SY10", "دريكش"): "SY1004",
}
# English names of seat towns whose admin unit is named differently in English (the district
# and sub-district of Tabqa are "Al-Thawrah"; "Al-Tabqah" is among the source's English aliases).
TOWN_NAME_EN = {"SY110300": "Al-Tabqah"}
# Parenthesised parts that are disambiguators or descriptions, not alternative names.
PAREN_NOT_ALIAS = {"حمص", "حماة", "شرقية", "شرقية وغربية"}
# Extra spellings news uses for a few villages: (parent pcode, name) -> aliases.
TOWN_EXTRA_ALIASES = {
    ("SY090203", "الباغوز فوقاني"): ["باغوز فوقاني"],
    ("SY020600", "عين العرب"): ["كوباني"],
    ("SY090203", "سوسة"): ["السوسة"],
    ("SY090100", "دير الزور"): ["ديرالزور"],
    ("SY050302", "أسرية"): ["أثريا"],  # Ithriyah, as news and Wikipedia spell it
}


def split_town(raw):
    """'الحاوي (الحاويك)' -> ('الحاوي', ['الحاويك']); 'أ - ب' -> ('أ', ['ب'])."""
    raw = clean(raw)
    aliases = []
    m = re.match(r"^(.*?)\s*\(([^)]*)\)\s*$", raw)
    if m:
        base, par = clean(m.group(1)), clean(m.group(2))
        if not base:
            base, par = par, ""
        if par and par not in PAREN_NOT_ALIAS:
            aliases.append(par)
        raw = base
    if " - " in raw:
        parts = [clean(p) for p in raw.split(" - ")]
        raw, aliases = parts[0], parts[1:] + aliases
    return raw, aliases


def nahiya_key(s):
    s = norm(s)
    s = re.sub(r"\s+السكانيه$", "", s)
    return s


def attach_towns(src, units):
    """Returns (rows, stats)."""
    gov_by_name = {}
    for pc, u in units.items():
        if u["level"] == "ADM1":
            gov_by_name[norm(u["name_ar"])] = pc
    # ADM3 lookup per governorate: normalized name/alias (with and without مركز) -> pcodes
    adm3_keys = defaultdict(lambda: defaultdict(set))
    adm2_keys = defaultdict(lambda: defaultdict(set))
    for pc, u in units.items():
        if u["level"] not in ("ADM2", "ADM3"):
            continue
        names = [u["name_ar"]] + [a for a in u["aliases_ar"].split("|") if a.strip()]
        table = adm3_keys if u["level"] == "ADM3" else adm2_keys
        for n in names:
            k = norm(strip_prefix(clean(n), ["ناحية", "منطقة"]))
            table[u["adm1_pcode"]][k].add(pc)
            table[u["adm1_pcode"]][strip_prefix(k, ["مركز"])].add(pc)

    path = os.path.join(src, "syria-villages-arwiki-karabala10", "syrian_towns.csv")
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    stats = {"rows": len(rows), "dup": 0, "nahiya_to_adm3": 0, "nahiya_to_adm2": 0,
             "rows_to_adm2": 0, "unmatched_nahiyas": []}

    def find_adm3(gov, district, city):
        if gov == "SY01":
            return "SY010000"  # Damascus: the CSV's nahiyas are quarters of the one ADM3 unit
        if (gov, district) in NAHIYA_MAP:
            return NAHIYA_MAP[(gov, district)]
        k = nahiya_key(district)
        for key in (k, strip_prefix(k, ["مركز"])):
            cands = adm3_keys[gov].get(key)
            if cands:
                if len(cands) > 1:  # prefer the one in the CSV's district
                    d = find_adm2(gov, city)
                    pick = [c for c in cands if units[c]["parent_pcode"] == d]
                    cands = pick or cands
                return sorted(cands)[0]
        return None

    def find_adm2(gov, city):
        if (gov, city) in CITY_MAP:
            return CITY_MAP[(gov, city)]
        cands = adm2_keys[gov].get(norm(city))
        return sorted(cands)[0] if cands else None

    # group rows by parent in CSV order
    by_parent = OrderedDict()
    nahiya_parent = {}
    for r in rows:
        gov = gov_by_name[norm(strip_prefix(clean(r["Governorate"]), ["محافظة"]))]
        district, city = clean(r["District"]), clean(r["City"])
        key = (gov, city, district)
        if key not in nahiya_parent:
            p = find_adm3(gov, district, city)
            if p:
                stats["nahiya_to_adm3"] += 1
            else:
                p = find_adm2(gov, city)
                assert p, key
                stats["nahiya_to_adm2"] += 1
                stats["unmatched_nahiyas"].append((gov, city, district, p))
            nahiya_parent[key] = p
        p = nahiya_parent[key]
        if units[p]["level"] == "ADM2":
            stats["rows_to_adm2"] += 1
        by_parent.setdefault(p, []).append((gov, district, clean(r["Town"])))

    out = []
    for p, towns in by_parent.items():
        pu = units[p]
        gov = pu["adm1_pcode"]
        gu = units[gov]
        du = units[pu["parent_pcode"]] if pu["level"] == "ADM3" else pu
        seen = set()
        n = 0
        # Damascus: the CSV's nahiyas are city quarters; each quarter becomes a neighbourhood
        # entry too (unless a row of the same name is in it), placed before its rows.
        damascus = (gov == "SY01")
        quarters_done = set()
        names_in_parent = {norm(split_town(t)[0]) for (_, _, t) in towns}
        for (g, district, town) in towns:
            if damascus and district not in quarters_done:
                quarters_done.add(district)
                names_in_q = {norm(split_town(t)[0]) for (_, d2, t) in towns if d2 == district}
                qname = clean(district)
                if norm(qname) not in names_in_q and norm(qname) not in seen:
                    seen.add(norm(qname))
                    n += 1
                    out.append(locality_row(p, n, qname, [], "neighbourhood", "", "50", pu))
            name, aliases = split_town(town)
            k = norm(name)
            if k in seen:
                stats["dup"] += 1
                continue
            seen.add(k)
            n += 1
            aliases += TOWN_EXTRA_ALIASES.get((p, name), [])
            subtype, name_en, prom = classify(name, district, pu, du, gu, damascus,
                                              names_in_parent)
            out.append(locality_row(p, n, name, aliases, subtype, name_en, prom, pu))
    return out, stats


def unit_names(u):
    """Normalized names of an admin unit (name + aliases, descriptor prefixes removed)."""
    names = [u["name_ar"]] + [a for a in u["aliases_ar"].split("|") if a.strip()]
    return {norm(strip_prefix(clean(a), ["محافظة", "منطقة", "ناحية"])) for a in names}


def markaz_x(u):
    """For a 'مركز X' unit, the normalized X forms (from name and 'مركز' aliases)."""
    xs = set()
    for a in unit_names(u):
        if a.startswith("مركز "):
            xs.add(a[len("مركز "):])
    return xs


def classify(name, district, pu, du, gu, damascus, names_in_parent):
    """subtype, name_en, prominence of a town."""
    k = norm(name)
    if damascus:
        return "neighbourhood", "", ""
    # governorate capital: in the central sub-district (pcode ..00..) and named as the governorate
    if k == norm(gu["name_ar"]) and pu["level"] == "ADM3" and pu["ocha_pcode"].endswith("00"):
        return "city", gu["name_en"], "90"
    if pu["level"] == "ADM3":
        if k == norm(du["name_ar"]) and k in unit_names(pu):  # القدموس: seat without مركز
            return "city", du["name_en"], "70"
        xs = markaz_x(pu)
        if xs:  # a "مركز X" sub-district: X is the seat of a district (or former district)
            if k in xs or (k == norm(du["name_ar"]) and pu["ocha_pcode"].endswith("00")):
                en = du["name_en"] if k == norm(du["name_ar"]) else pu["name_en"]
                en = TOWN_NAME_EN.get(pu["ocha_pcode"], en)
                return "city", en, "70"
        else:
            primary = {norm(pu["name_ar"]), strip_prefix(nahiya_key(district), ["مركز"])}
            if k in primary:
                return "town", pu["name_en"], "50"
            # a former or alternative name of the sub-district (تلدو، الكسرة): its seat, unless
            # a town bearing the sub-district's own name is listed under it
            if k in unit_names(pu) and not (primary & names_in_parent):
                return "town", "", "50"
    return "village", "", ""


def locality_row(p, n, name, aliases, subtype, name_en, prom, pu):
    aliases = dedup_aliases(name, aliases)
    return {
        "id": "place:%s-%03d" % (p, n), "type": "PLACE", "subtype": subtype,
        "name_ar": name, "name_en": name_en, "aliases": "|".join(aliases), "country": "SY",
        "parent": "place:" + p, "lat": pu["lat"], "lon": pu["lon"], "coord_approx": "1",
        "prominence": prom, "source": "arwiki-villages",
    }


# ---------------------------------------------------------------------------------------------
# Iraq admin (ocha-cod-ab-iraq)

# Careful news spellings for names the source writes without hamza, with Kurdish letters or
# otherwise oddly. The source name is kept as an alias when it differs beyond matcher folding.
IQ_NAME_FIX = {
    "IQG01": "الأنبار",
    "IQG11": "أربيل",
    "IQG11Q02": "أربيل",
    "IQG11Q02N02": "مركز أربيل",
    "IQG02Q01": "أبو الخصيب",
    "IQG02Q01N02": "مركز أبي الخصيب",
    "IQG08Q01": "الأعظمية",
    "IQG08Q01N01": "مركز الأعظمية",
    "IQG08Q02N02": "أبو غريب",
    "IQG07Q02N02": "أبو غرق",
    "IQG16Q01N02": "أبو دلف",
    "IQG18Q03N01": "الأحرار",
    "IQG07Q03N02": "الإمام",
    "IQG16Q04N02": "الإسحاقي",
    "IQG07Q04N02": "الإسكندرية",
    "IQG17Q04N04": "الإصلاح",
    "IQG16Q06N01": "أم القرى",
    "IQG02Q06N03": "أم قصر",
    "IQG01Q05": "عانة",
    "IQG01Q05N01": "مركز عانة",
    "IQG01Q05N02": "راوة",
    "IQG01Q06N02": "بروانة",
    "IQG04Q02": "المناذرة",
    "IQG17Q04N02": "مركز الناصرية",
    "IQG17Q03N02": "الغراف",
    "IQG06Q02N01": "آغجلر",
    "IQG15Q06N03": "أتروش",
    "IQG11Q05N07": "حاج عمران",
    "IQG17Q04N03": "سيد دخيل",
    "IQG10Q03": "بلدروز",
}
# Source names that are wrong for the unit and must not stay as aliases.
IQ_DROP_SOURCE_NAME = {
    "IQG10Q03",      # the district is Baladruz; مندلي is its sub-district IQG10Q03N01
    "IQG17Q04N03",   # سيد خليل: misspelling of سيد دخيل
    "IQG01Q05",      # عنه: also the everyday word "about him"; news writes عانة
    "IQG17Q04N02",   # مركزالناصرية: missing space
    "IQG06Q02N01",   # ئاغجة لةر: Kurdish orthography
    "IQG15Q06N03",   # ئةتريش: Kurdish orthography
}


def iq_admin_rows(src):
    path = os.path.join(src, "ocha-cod-ab-iraq", "iraq_admin1-3_flat.tsv")
    rows = []
    level_subtype = {"ADM1": "governorate", "ADM2": "district", "ADM3": "subdistrict"}
    with open(path, encoding="utf-8") as f:
        for u in csv.DictReader(f, delimiter="\t"):
            pc = u["pcode"].strip()
            src_name = clean(u["name_ar"])
            name = IQ_NAME_FIX.get(pc, src_name)
            aliases = []
            if pc not in IQ_DROP_SOURCE_NAME:
                aliases.append(src_name)
            aliases += [a for a in u["alt_names_ar"].split("|") if a.strip()]
            if name.startswith("مركز "):
                aliases = [a for a in aliases if clean(a).startswith("مركز")]
            aliases = dedup_aliases(name, aliases)
            level = u["level"]
            parent = {"ADM1": "", "ADM2": u["adm1_pcode"], "ADM3": u["adm2_pcode"]}[level]
            rows.append({
                "id": "place:" + pc, "type": "PLACE", "subtype": level_subtype[level],
                "name_ar": name, "name_en": u["name_en"].strip(), "aliases": "|".join(aliases),
                "country": "IQ", "parent": "place:" + parent if parent else "",
                "lat": u["centroid_lat"], "lon": u["centroid_lon"], "pcode": pc,
                "source": "ocha-iraq",
            })
    return rows


# ---------------------------------------------------------------------------------------------

def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "..", "shared",
                                                              "gazetteer-sources")
    src = os.path.abspath(src)
    os.makedirs(OUT_DIR, exist_ok=True)

    units = load_opensyria(src)
    sy = sy_admin_rows(units)
    n_sy = write_table(os.path.join(OUT_DIR, "sy_admin.tsv"), sy)

    loc, st = attach_towns(src, units)
    n_loc = write_table(os.path.join(OUT_DIR, "sy_localities.tsv"), loc)

    iq = iq_admin_rows(src)
    n_iq = write_table(os.path.join(OUT_DIR, "iq_admin.tsv"), iq)

    def count(rows):
        c = defaultdict(int)
        for r in rows:
            c[r["subtype"]] += 1
        return ", ".join("%s %d" % kv for kv in sorted(c.items()))

    print("sy_admin.tsv: %d rows (%s); source 14/62/272" % (n_sy, count(sy)))
    print("sy_localities.tsv: %d rows (%s)" % (n_loc, count(loc)))
    print("  source rows %d, merged duplicates (same name, same parent) %d" % (st["rows"], st["dup"]))
    print("  nahiyas matched to ADM3 %d, attached to ADM2 %d (%d rows):"
          % (st["nahiya_to_adm3"], st["nahiya_to_adm2"], st["rows_to_adm2"]))
    for g, c, d, p in st["unmatched_nahiyas"]:
        print("    %s %s / %s -> %s" % (g, c, d, p))
    print("iq_admin.tsv: %d rows (%s); source 18/101/294" % (n_iq, count(iq)))


if __name__ == "__main__":
    main()
