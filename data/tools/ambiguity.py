#!/usr/bin/python3
"""Find gazetteer aliases that are also ordinary words; write data/gazetteer/ambiguous.tsv.

Usage:  /usr/bin/python3 data/tools/ambiguity.py [CORPORA_DIR]
        (CORPORA_DIR defaults to ../shared/corpora relative to the repository root)

Standard library only; two worker processes; a few minutes on 2 cores.

What it does
------------
1. Reads every alias (name_ar + aliases) of every table data/gazetteer/*.tsv (except this
   script's own output), plus the rows of its previous output that no table bears any more (the
   villages make_tables.py left out for them: they are judged again as a village's name), and
   normalizes them like the matcher: strip tashkeel (U+064B-U+065F,
   U+0670) and tatweel, fold أ إ آ ٱ -> ا, ى -> ي, ة -> ه, Arabic-Indic digits -> ASCII, lower-case
   Latin.
2. Only the news dumps are read: ANT v2.1 multi-source, ANT v1.1 and SaudiNewsNet. The
   NER-annotated corpora (ANERCorp, NewsFANE, Wojood) are never used to build data: they are
   out-of-domain checks, kept for reporting.
   Reference = NON-war general news:
   - ANT (v2.1 multi-source and v1.1), categories sport, economy, technology, culture;
   - SaudiNewsNet (all zips), minus the articles of the war subset, i.e. those containing any of
     داعش / دير الزور / الرقة / الموصل, or at least 3 of {سوريا, سورية, العراق, دمشق, بغداد, حلب,
     إدلب, الأنبار, الفلوجة, الأسد, تنظيم الدولة} (the rule of the staged war subset).
   War news = the SaudiNewsNet war subset, plus the ANT documents of the other categories
   (middleEast, internationalNews, localNews …) that the same rule calls war; ANT documents of
   those categories that it does not call war are not used at all.
   Title and body of each document are tokenized into words (runs of Arabic letters, or of
   Latin letters/digits). A word counts for an alias when it equals the alias, also after
   removing up to two proclitics (و ف ب ك ل) and reading لل as ال - the matcher's rules.
3. Evidence = document frequency per 10,000 reference documents (df10k). It is measured for
   every single-word alias, and for each two-word alias whose two words are both ordinary words
   (frequent in the reference, and either used with the article added or removed or no alias at
   all, and not a given name).
4. Name check, from the news alone:
   - name of the war: an alias of a person, faction, organization or operation, below
     T_HIGH, not a given name, and at least WAR_RATIO times as frequent in war news as in the
     reference (الأسد، النصرة، الحشد).
   - word use: the alias is also used with the article added or removed (الصناعه/صناعه, df of
     the other form >= ALT_RATIO of the alias's), or inflected (افاد/افادت/افادوا، كسب/كسبت،
     وانه/وانها/وانهم: the inflected forms together >= ALT_RATIO of the alias's df). Nouns,
     adjectives and verbs alternate; names do not (ترامب/الترامب, حلب/الحلب). For an alias of a
     prominent entry the bar is ALT_RATIO_PROMINENT (السعودية/سعودية is a country and its
     adjective; القمر/قمر and مالي/المالي are words).
   - given names: the words of the EveryPolitician MP lists' full names but the last, and of
     the gazetteer's people (a gazetteer source, not a corpus): حسن، خالد.

Decision for an alias with df10k >= T_LOW (two-word aliases: df10k >= T_HIGH, common unless an
entry that is not a village or neighbourhood bears them: الولايات المتحدة، الأمم المتحدة):
   common, unless
   (a) it is a name of the war; or
   (b) an entry bearing it is prominent (prominence >= 70, or a country, state, governorate or
       city without prominence) and either df10k < T_HIGH or there is no evidence of word use
       (ميونيخ، كرواتيا، روسيا); or
   (c) an entry bearing it is not a village or neighbourhood and there is no evidence of word
       use (ترامب، أوباما، السيسي). A village name this frequent in general news is a word.
   A village or neighbourhood alias from T_LOW_MINOR is common when it is a given name or shows
   word use; so is a two-word one with a given name in it and only given names or ordinary
   words (علي رحيل، زين العابدين: farms named after their owners). Below T_LOW_MINOR, down to
   MINOR_WORD_DOCS documents, the one-word name of a village or neighbourhood of a generated
   table is common when it shows word use (الحمامة "the dove", الدويلة "the statelet", عقرب
   "scorpion"); and the one-word name of an Iraqi village of Who's On First that general news
   writes at all (IQ_VILLAGE_DOCS: مزري، السرداب، نميل), which make_tables.py then leaves out
   (2026-12-07: in the war subsets, about 300 place hits fewer, some 30 of them real villages
   named in a list after their first, قرى المتونة والسويمرة وعراجة وتيما).

Thresholds, chosen from the distribution (printed by a run)
-----------------------------------------------------------
Run of 2026-11-23: 42,698 reference documents, 9,295 aliases, 4,807 measured. The df10k
distribution has no gap. The top 1% of measured aliases are >= 351, the top 5% >= 78, the top
10% >= 26.5 and the top 20% >= 5.6. Half of them never occur.
- T_HIGH = 50 (0.5% of documents). Above this, the ordinary words the project names are all
  flagged: الدولة 564، السلام 291، النصر 281، المدن 263، الصناعة 185، الشهداء 153،
  القائم 95، الحرية 65 (النظام 405 is flagged as soon as a table uses it as an alias).
- T_LOW = 10 (0.1%, about 43 documents). Below this, an alias is never flagged: الرقة 1.2،
  الموصل 2.8، دير الزور 0.5، الهول 2.8، السخنة 5.9، حلب 7.3، تلعفر 0، البوكمال 0.
- Between T_LOW and T_HIGH are the real namesakes: الطبقة 44.7 (الطبقة الوسطى)، القصير 47.5،
  الميادين 24.4، تدمر 17.6، حماة 18.0، درعا 11.0، الرمادي 11.9 against الجسر 39.6، القصر 34.4،
  الحراك 31.4، الوادي 25.3، المزرعة 13.8. No single threshold separates them. The prominence
  of the entry does: a city or governorate is kept, while villages and minor units are flagged.
- ALT_RATIO = 0.1, ALT_RATIO_PROMINENT = 0.3, WAR_RATIO = 3.
(These figures are of the run of 2026-11-23, which also read the NER corpora.) Run of
2026-12-05, news dumps only: 44,691 reference and 4,639 war documents, 17,346 aliases (385 of
them only in the previous output), 7,942 measured; top 1% >= 297, top 5% >= 55.5, top 10% >= 16.1;
1,170 aliases flagged. Re-running make_tables.py and this script gives the same files.

Output: data/gazetteer/ambiguous.tsv, header `alias<TAB>class<TAB>evidence`, class `common`,
evidence = df10k with one decimal, sorted by alias; also the classes `phrase`, `adjective` and
`noun` (ordinary_phrases) and `war`: the names of the war (4 (a) above) with evidence of word
use (الاسد، الحشد), which the resolver takes for the name alone only where the text names its
country or something else supports it.
"""

import glob
import gzip
import json
import os
import re
import sys
import zipfile
from collections import Counter, defaultdict
from multiprocessing import Pool

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GAZ_DIR = os.path.join(REPO, "data", "gazetteer")
OUT = os.path.join(GAZ_DIR, "ambiguous.tsv")
COMMON_OUT = os.path.join(REPO, "data", "common_words.tsv")
T_COMMON = 20.0     # df per 10,000 non-war documents for data/common_words.tsv

T_HIGH = 50.0       # df per 10,000 non-war documents: common whatever the entry
T_LOW = 10.0        # from here up to T_HIGH: common unless a prominent entry bears the name
ADJ_SHARE = 0.5     # an alias this often right after a definite noun in the reference is an adjective
ADJ_MIN_DOCS = 10   # ... in at least this many reference documents
ADJ_MIN_NOUNS = 5   # ... after at least this many different nouns
PHRASE_ALT_MIN = 2  # reference documents with the article-toggled phrase
PHRASE_MIN = 3      # reference documents in which an alias and a neighbour word make a phrase
T_LOW_MINOR = 2.0   # villages and neighbourhoods: from here, common with evidence of word use
MINOR_WORD_DOCS = 1  # a village's or neighbourhood's name that general news writes in this many
                     # documents or more, with evidence of word use, is a word (below T_LOW_MINOR)
IQ_VILLAGE_DOCS = 1  # an Iraqi village of Who's On First named with a word of this many general-
                     # news documents or more is named like a word (iraqi_villages)
MINOR_SUBTYPES = {"village", "neighbourhood"}
MINOR_CITY_PROMINENCE = 45  # a city below this prominence counts as minor (is_minor_city)
PROMINENT_SUBTYPES = {"country", "continent", "state", "governorate", "city"}
ALT_RATIO_PROMINENT = 0.3  # the same for an alias of a prominent entry
WAR_RATIO = 3.0     # df in war documents / df in the reference: a name of the war
T_ACTOR = 60.0      # a person's, faction's or organization's name up to this df in the reference
ACTOR_RATIO = 10.0  # is a name of the war when this many times as frequent in war news: the
                    # reference holds the politics of the region too (الأسد: 50.3 per 10,000;
                    # not القاعدة, 95.5, also "the base")
ALT_RATIO = 0.1     # article-alternate form at least this frequent = evidence of word use

TOP = 200  # lines of the distribution printed
PROBES = ["الصناعه", "السلام", "النصر", "القائم", "الحريه", "الشهداء", "الدوله", "المدن",
          "النظام", "الرقه", "حلب", "الموصل", "دير الزور", "تلعفر", "الهول", "السخنه",
          "الميادين", "البوكمال", "الطبقه"]
REF_CATS = {"sport", "economy", "technology", "culture"}
WAR_ANY = ["داعش", "دير الزور", "الرقه", "الموصل"]
WAR_3 = ["سوريا", "سوريه", "العراق", "دمشق", "بغداد", "حلب", "ادلب", "الانبار", "الفلوجه",
         "الاسد", "تنظيم الدوله"]

# ---------------------------------------------------------------------------------------------
# normalization (as the matcher)

_TR = {c: None for c in range(0x064B, 0x0660)}
_TR[0x0670] = None
_TR[0x0640] = None
_TR.update({ord("أ"): "ا", ord("إ"): "ا", ord("آ"): "ا", ord("ٱ"): "ا", ord("ى"): "ي",
            ord("ة"): "ه"})
for i in range(10):
    _TR[0x0660 + i] = str(i)
    _TR[0x06F0 + i] = str(i)
_TR[0x200E] = None
_TR[0x200F] = None
_TR[0xFEFF] = None
TR = _TR
WORD = re.compile(r"[\u0621-\u064A]+|[a-z0-9]+")
PROCLITICS = set("وفبكل")


def tsv_rows(path):
    """The rows of a TSV file of data/ as dicts keyed by its header (the first line that is not
    blank or a # comment); blank and comment lines are skipped."""
    with open(path, encoding="utf-8") as f:
        header = None
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            if header is None:
                header = fields
                continue
            yield dict(zip(header, fields))


def normalize(s):
    return s.lower().translate(TR)


def tokens(s):
    return WORD.findall(normalize(s))


def variants(w):
    """The word and what remains after the matcher's proclitic stripping (up to two)."""
    out = [w]
    frontier = [w]
    for _ in range(2):
        nxt = []
        for x in frontier:
            if x.startswith("لل") and len(x) > 3:
                nxt.append("ال" + x[2:])
            if x[0] in PROCLITICS and len(x) > 2:
                nxt.append(x[1:])
        out.extend(nxt)
        frontier = nxt
    return out


# ---------------------------------------------------------------------------------------------
# phrase scan (worker): the word pairs around the aliases that are also ordinary words

_PHRASE_WORDS = None


def _init_phrases(words):
    global _PHRASE_WORDS
    _PHRASE_WORDS = words


def scan_phrases(task):
    """Counts one dump: (non-war df, war df) of every pair of neighbouring words one of which is in
    _PHRASE_WORDS (an alias or its article-alternate form), the first word read through the
    matcher's proclitic stripping (والطبقه الوسطي counts for الطبقه الوسطي)."""
    kind, path = task
    ref = Counter()
    war = Counter()

    def doc(text, counter):
        toks = WORD.findall(normalize(text))
        seen = set()
        for i in range(len(toks) - 1):
            a, b = toks[i], toks[i + 1]
            if b in _PHRASE_WORDS:
                seen.add(a + " " + b)
            for v in variants(a):
                if v in _PHRASE_WORDS:
                    seen.add(v + " " + b)
        counter.update(seen)

    for text, is_war in documents(kind, path):
        doc(text, war if is_war else ref)
    return ref, war


# ---------------------------------------------------------------------------------------------
# aliases

def is_minor_city(row):
    """A distant city or district of low prominence (world_csc.tsv, prominence 40; Yemen's districts,
    ye_admin.tsv, 35): judged like a village, since its name in general news is more often a word
    or a person (تولوا، نيلسون، الزهرة) than the place."""
    p = row.get("prominence", "").strip()
    try:
        return row.get("subtype") in ("city", "district") and p != "" and \
            float(p) < MINOR_CITY_PROMINENCE
    except ValueError:
        return False


def is_prominent(row):
    p = row.get("prominence", "").strip()
    if p:
        try:
            return float(p) >= 70
        except ValueError:
            return False
    return row.get("type") == "PLACE" and row.get("subtype", "") in PROMINENT_SUBTYPES


def read_aliases():
    """normalized alias -> set of ids; set of aliases borne by a prominent entry"""
    aliases = defaultdict(set)
    prominent = set()
    major = set()  # aliases borne by an entry that is not a village or neighbourhood
    for path in sorted(glob.glob(os.path.join(GAZ_DIR, "*.tsv"))):
        if os.path.abspath(path) == os.path.abspath(OUT):
            continue
        for row in tsv_rows(path):
            if "name_ar" not in row:
                break  # not a gazetteer table
            names = [row.get("name_ar", "")] + row.get("aliases", "").split("|")
            for n in names:
                k = " ".join(tokens(n))
                if k:
                    aliases[k].add(row.get("id", ""))
                    if is_prominent(row):
                        prominent.add(k)
                    if not (row.get("type") == "PLACE" and
                            (row.get("subtype") in MINOR_SUBTYPES or is_minor_city(row))):
                        major.add(k)
    return aliases, prominent, major


def hamlet_ids():
    """The ids of the villages and neighbourhoods of the generated tables (make_tables.py's: the
    curated ones were each chosen by hand, الدالوة، التأميم)."""
    ids = set()
    for path in sorted(glob.glob(os.path.join(GAZ_DIR, "*.tsv"))):
        if os.path.abspath(path) == os.path.abspath(OUT):
            continue
        with open(path, encoding="utf-8") as f:
            if "generated by" not in f.readline():
                continue
        for row in tsv_rows(path):
            if "name_ar" not in row:
                break
            if row.get("type") == "PLACE" and row.get("subtype") in ("village", "neighbourhood"):
                ids.add(row.get("id"))
    return ids


def iraqi_villages():
    """(names, ids): the normalized one-word names of the localities of Who's On First's Iraq
    (../shared/gazetteer-sources/wof-iraq-localities, the source of iq_localities.tsv, whether the
    table keeps them or not) and the ids of the villages iq_localities.tsv holds. Their names come
    from GeoNames' transliterations and are often words of the news (مزري "miserable", السرداب
    "the cellar", بنيان "structure", سكران "drunk") or people's names (غيدان، العاني), which a
    hamlet rarely outweighs: one that general news — sport, economy, culture, Saudi local news —
    writes even once is named like a word, and make_tables.py leaves it out."""
    src = os.environ.get("ALAM_SHARED", os.path.join(REPO, "..", "shared"))
    path = os.path.join(src, "gazetteer-sources", "wof-iraq-localities", "wof_iraq_ar.tsv")
    names = set()
    if os.path.exists(path):
        for row in tsv_rows(path):
            if row.get("placetype") != "locality":
                continue
            for n in [row.get("name_ar", "")] + row.get("aliases_ar", "").split("|"):
                t = tokens(n)
                if len(t) == 1:
                    names.add(t[0])
    ids = {row.get("id") for row in tsv_rows(os.path.join(GAZ_DIR, "iq_localities.tsv"))
           if row.get("subtype") == "village"}
    return names, ids


# ---------------------------------------------------------------------------------------------
# corpus scan (worker)

_WORDS = None
_BIGRAMS = None
_SECOND = None


def _init(words, bigrams):
    global _WORDS, _BIGRAMS, _SECOND
    _WORDS = words
    _BIGRAMS = bigrams
    _SECOND = {b.split(" ")[1] for b in bigrams}


def _count_doc(text, df, cache, all_df):
    toks = WORD.findall(normalize(text))
    if all_df is not None:
        all_df.update(set(toks))
    seen = set()
    for t in set(toks):
        hits = cache.get(t)
        if hits is None:
            hits = tuple(v for v in variants(t) if v in _WORDS)
            cache[t] = hits
        seen.update(hits)
    for i in range(len(toks) - 1):
        if toks[i + 1] in _SECOND:
            for v in variants(toks[i]):
                b = v + " " + toks[i + 1]
                if b in _BIGRAMS:
                    seen.add(b)
    df.update(seen)


def _is_war(text):
    t = normalize(text)
    if any(k in t for k in WAR_ANY):
        return True
    return sum(1 for k in WAR_3 if k in t) >= 3


def documents(kind, path):
    """(text, war) of each document of one dump that counts: title and body; war is whether it is
    a war document. ANT: the categories of REF_CATS are the non-war reference; a document of
    another category is a war document when _is_war says so (else it is left out). SaudiNewsNet:
    _is_war splits the articles."""
    if kind.startswith("ant"):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                text = (d.get("title") or "") + "\n" + (d.get("text") or "")
                if d.get("cat") in REF_CATS:
                    yield text, False
                elif _is_war(text):
                    yield text, True
    else:
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                for d in json.loads(z.read(name).decode("utf-8")):
                    text = (d.get("title") or "") + "\n" + (d.get("content") or "")
                    yield text, _is_war(text)


def scan(task):
    """Counts one dump (documents): (kind, non-war documents, war documents, df in non-war
    documents, df of every word in non-war documents, df in war documents)."""
    kind, path = task
    df = Counter()
    all_df = Counter()
    war_df = Counter()
    cache = {}
    war_cache = {}
    ndocs = 0
    nwar = 0
    for text, war in documents(kind, path):
        if war:
            nwar += 1
            _count_doc(text, war_df, war_cache, None)
        else:
            ndocs += 1
            _count_doc(text, df, cache, all_df)
    return kind, ndocs, nwar, df, all_df, war_df


# ---------------------------------------------------------------------------------------------
# name and word evidence from the news dumps alone

def alternate(w):
    """The same word with the article added or removed (الصناعه <-> صناعه); None for Latin."""
    if not re.match("^[\u0621-\u064A]+$", w):
        return None
    if w.startswith("ال") and len(w) > 4:
        return w[2:]
    return "ال" + w


SUFFIXES = ["ت", "ه", "ها", "هم", "وا", "ون", "ات"]
PRONOUNS = ["ه", "ها", "هم", "ك", "كم", "ي"]


def inflected(w):
    """Forms of w with a verb or noun ending, or with its pronoun suffix swapped: افاد -> افادت،
    افادوا; وانه -> وانها، وانهم; حقي -> حقه، حقك. Names do not inflect (ترامب، رويترز، اوباما)."""
    if not re.match("^[\u0621-\u064A]{3,}$", w):
        return []
    out = [w + x for x in SUFFIXES if not w.endswith("ه")]
    for p in sorted(PRONOUNS, key=len, reverse=True):
        if w.endswith(p) and len(w) - len(p) >= 2:
            out += [w[:-len(p)] + q for q in PRONOUNS if q != p]
            break
    return out


def person_words():
    """Every word of the people's names: the full names of the EveryPolitician MP lists of
    Iraq and Syria and the names and aliases of up to three words of the gazetteer's PERSON
    entries (بن، عبد، ابو، الاسد، اوباما)."""
    words = set()
    src = os.environ.get("ALAM_SHARED", os.path.join(REPO, "..", "shared"))
    path = os.path.join(src, "gazetteer-sources", "everypolitician-iq-sy",
                        "ep_iraq2014_syria2012_mps.tsv")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            header = f.readline().rstrip("\n").split("\t")
            i = header.index("name_ar_norm")
            for l in f:
                words.update(tokens(l.rstrip("\n").split("\t")[i]))
    for path in glob.glob(os.path.join(GAZ_DIR, "*.tsv")):
        for r in tsv_rows(path):
            if "type" not in r:
                break
            if r.get("type") == "PERSON":
                for n in [r.get("name_ar", "")] + r.get("aliases", "").split("|"):
                    t = tokens(n)
                    # not the full official names of four words and more (the Egyptian MP
                    # list's): their grandfathers' and family names hold ordinary words
                    # (البحر، الجمعة، الحق) that would leave common_words.tsv
                    if len(t) <= 3:
                        words.update(t)
    # "the father", "the son" mark a generation (جورج بوش الابن، الأسد الأب), not a name: they stay
    # ordinary words (the resolver never takes them for a surname either)
    return {w for w in words if len(w) > 1} - {"الاب", "الابن"}


def person_name_words(gazetteer=True):
    """Given names: every part but the last of the full names of the EveryPolitician MP lists
    (../shared/gazetteer-sources/everypolitician-iq-sy, a gazetteer source, not an NER corpus)
    and (with `gazetteer`) of the PERSON entries of the gazetteer, normalized. A village named
    like a person (حسن، خالد) and a rule-made name made of them are judged with this list."""
    words = set()
    src = os.environ.get("ALAM_SHARED", os.path.join(REPO, "..", "shared"))
    path = os.path.join(src, "gazetteer-sources", "everypolitician-iq-sy",
                        "ep_iraq2014_syria2012_mps.tsv")
    names = []
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            header = f.readline().rstrip("\n").split("\t")
            i = header.index("name_ar_norm")
            names += [l.rstrip("\n").split("\t")[i] for l in f]
    if gazetteer:
        names += [r.get("name_ar", "") for r in tsv_rows(os.path.join(GAZ_DIR, "people.tsv"))]
    for n in names:
        t = tokens(n.replace("عبد ", "عبد"))
        words.update(x for x in t[:-1] if len(x) > 2)
    return words


# ---------------------------------------------------------------------------------------------

def incremental(corpora):
    """--incremental: keep ambiguous.tsv as it is and add the aliases borne only by entries that
    are not in data/released_ids/0.1.0.txt (entries added since), judged by their frequency in the
    non-war reference alone, without the NER corpora: a new village or neighbourhood alias is
    common from T_LOW_MINOR, any other new alias from T_LOW, or from T_HIGH when a prominent
    entry bears it. Superseded: the full run reads only the news dumps and takes 2 minutes; it
    judges new aliases with the evidence of word use, which this mode does not, so the tables
    regenerated after it are not a fixed point of make_tables.py and the full run."""
    with open(os.path.join(REPO, "data", "released_ids", "0.1.0.txt"), encoding="utf-8") as f:
        released = {l.strip() for l in f if l.strip()}
    with open(os.path.join(REPO, "data", "id_aliases.tsv"), encoding="utf-8") as f:
        released |= {l.split("\t")[1].strip() for l in f
                     if "\t" in l and not l.startswith("#") and not l.startswith("old_id\t")}
    aliases, prominent, major = read_aliases()
    new = {a for a, ids in aliases.items() if not (ids & released)}
    singles = {a for a in new if " " not in a}
    doubles = {a for a in new if a.count(" ") == 1}
    words = set(singles)
    for b in doubles:
        words.update(b.split(" "))
    tasks = [("ant", os.path.join(corpora, "ant-multisource",
                                  "antcorpus_multisource_v2.1.jsonl.gz")),
             ("ant1", os.path.join(corpora, "ant-v1.1", "antcorpus_v1.1.jsonl.gz"))]
    tasks += [("sn", p) for p in sorted(glob.glob(os.path.join(corpora, "saudinewsnet",
                                                               "dataset", "*.zip")))]
    df = Counter()
    total = 0
    with Pool(2, initializer=_init, initargs=(words, doubles)) as pool:
        for kind, n, w, c, a, wc in pool.imap_unordered(scan, tasks):
            df.update(c)
            total += n
    old = {}
    with open(OUT, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("alias\t") or not line.strip():
                continue
            a, cls, ev = line.rstrip("\n").split("\t")
            old[a] = (cls, ev)
    added = {}
    for a in sorted(singles | doubles):
        v = 10000.0 * df.get(a, 0) / total
        if a in prominent:
            bar = T_HIGH
        elif a in major:
            bar = T_LOW
        else:
            bar = T_LOW_MINOR
        if v >= bar and a not in old:
            added[a] = ("common", "%.1f" % v)
    old.update(added)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# generated by data/tools/ambiguity.py from ../shared/corpora; do not edit\n")
        f.write("alias\tclass\tevidence\n")
        for a in sorted(old):
            f.write("%s\t%s\t%s\n" % (a, old[a][0], old[a][1]))
    print("reference documents %d; new aliases %d (single %d, two-word %d); flagged %d: %s"
          % (total, len(new), len(singles), len(doubles), len(added),
             ", ".join(sorted(added, key=lambda a: -float(added[a]))[:300])))


def names_kept_by_hand():
    """Normalized aliases that data/overrides/ambiguity_names.tsv keeps as names whatever their
    frequency in the reference: a name the reference (Saudi news) uses so often that it looks
    like a word (الرياض), each line with the check that showed it."""
    path = os.path.join(REPO, "data", "overrides", "ambiguity_names.tsv")
    return {normalize(r["alias"]) for r in tsv_rows(path)}


def names_among_common_words():
    """Normalized words of data/overrides/common_words_names.tsv: words of people's names that
    general news uses often (يورغن، كلوب، باول) and that no gazetteer table holds, kept out of
    data/common_words.tsv by hand so that the rules may find the people they name."""
    path = os.path.join(REPO, "data", "overrides", "common_words_names.tsv")
    return {normalize(r["word"]) for r in tsv_rows(path)}


def words_gated_by_hand():
    """Normalized aliases that data/overrides/ambiguity_words.tsv flags as common (gated) whatever
    their frequency in the reference: names that war news uses as words more often than general
    news does (دمت: ما دمت حيا، دمت عزيزا), each line with the check that showed it."""
    path = os.path.join(REPO, "data", "overrides", "ambiguity_words.tsv")
    return {normalize(r["alias"]): r for r in tsv_rows(path)}


def phrases_by_hand():
    """Normalized two-word phrases of data/overrides/ambiguity_phrases.tsv: phrases of ordinary
    words that hold a one-word alias (class `phrase`, evidence 0.0) too rare in the reference
    for ordinary_phrases to find (حماه الديار "guardians of the homeland"), each line with the
    count that showed it."""
    path = os.path.join(REPO, "data", "overrides", "ambiguity_phrases.tsv")
    out = set()
    for r in tsv_rows(path):
        p = normalize(r["phrase"])
        if len(p.split(" ")) != 2:
            sys.exit("%s: phrase %r must be two words" % (path, r["phrase"]))
        out.add(p)
    return out


def plural(w):
    """The sound feminine plural of a word in ه (الطبقه -> الطبقات); None for other words."""
    if re.match("^[\u0621-\u064A]{3,}$", w) and w.endswith("ه"):
        return w[:-1] + "ات"
    return None


def ordinary_phrases(tasks, aliases, major, measured, total):
    """Two-word phrases of ordinary words that hold a one-word alias (class `phrase`): الطبقه
    الوسطي، المدي القصير، القاعده الجويه. Considered: every one-word alias with df10k >=
    T_LOW_MINOR that no country bears, nor a group's name in the plural (الحوثيين, a name whose
    adjective alternates as adjectives do). A neighbour word w (after the alias, or before it with
    a proclitic stripped) makes a phrase with it when
    (1) the two are neighbours in >= PHRASE_MIN reference documents;
    (2) the two words with the article toggled on both (طبقه وسطي، مدي قصير) are neighbours in >=
        PHRASE_ALT_MIN of them, or, for an alias in ه followed by w, its plural in ات is (الطبقات
        الفقيره): nouns and their adjectives change definiteness and number together, names do
        not (مصر الجديده has no مصر جديده, العراق اليوم no عراق يوم);
    (3) w is no stop word, trigger word or alias, and the pair is no alias.
    Also returned: the definite aliases (class `adjective`, evidence = the share in percent) that
    the reference puts right after a definite word (not a stop word, trigger word or alias) in
    >= ADJ_SHARE of their occurrences, in >= ADJ_MIN_DOCS documents, after >= ADJ_MIN_NOUNS
    different words: القصير (المدي القصير، الاجل القصير), الحمراء, الرماديه. And the definite
    aliases (class `noun`) that it puts right before a definite adjective (a word in ه or ي, not a
    stop word, trigger word or alias) as often, with the same minimums: الطبقه (الطبقه الوسطي،
    الطبقه العامله), السفيره (السفيره الامريكيه), الصعيد (الصعيد الدولي).
    The resolver reads the alias in such a phrase as the ordinary word, unless a trigger word
    stands before it."""
    targets = {a for a, v in measured.items()
               if v >= T_LOW_MINOR and re.match("^[\u0621-\u064A]+$", a)
               and not any(re.match(r"^place:[a-z]{2}$", i) for i in aliases.get(a, ()))
               and not (a in major and a.endswith(("يين", "يون")))}
    words = set(targets) | {alternate(a) for a in targets if alternate(a)}
    words |= {plural(a) for a in targets if plural(a)}
    ref = Counter()
    war = Counter()
    with Pool(2, initializer=_init_phrases, initargs=(words,)) as pool:
        for r, w in pool.imap_unordered(scan_phrases, tasks):
            ref.update(r)
            war.update(w)
    excluded = set(aliases)
    for name in ("stopwords.tsv", "triggers.tsv"):
        excluded |= {normalize(r["word"]) for r in tsv_rows(os.path.join(REPO, "data", name))}
    phrases = {}
    for pair, n in ref.items():
        if n < PHRASE_MIN:
            continue
        x, y = pair.split(" ")
        arabic = "^[\u0621-\u064A]{2,}$"
        if not ((x in targets and y not in excluded and re.match(arabic, y)) or
                (y in targets and x not in excluded and re.match(arabic, x))):
            continue
        ax, ay = alternate(x), alternate(y)
        toggled = ref.get(ax + " " + ay, 0) if ax and ay else 0
        px = plural(x) if x in targets else None
        if toggled < PHRASE_ALT_MIN and not (px and ref.get(px + " " + y, 0) >= PHRASE_ALT_MIN):
            continue
        if pair in aliases:
            continue
        phrases[pair] = 10000.0 * n / total
    print("phrases of ordinary words holding an alias: %d (%d aliases); e.g. %s" % (
        len(phrases), len({p.split(" ")[0] if p.split(" ")[0] in targets else p.split(" ")[1]
                           for p in phrases}),
        ", ".join(sorted(phrases, key=lambda p: -phrases[p])[:40])))
    def mostly_beside(alias_side, neighbour_ok):
        """The definite target aliases whose neighbour on the other side (alias_side 1: the word
        before the alias; 0: the word after) is, in >= ADJ_SHARE of their pair documents, a
        definite word (not a stop word, trigger word or alias) that neighbour_ok accepts, in >=
        ADJ_MIN_DOCS documents and with >= ADJ_MIN_NOUNS different words: alias -> that share."""
        any_n, ok_n, words = Counter(), Counter(), defaultdict(set)
        for pair, n in ref.items():
            w = pair.split(" ")
            a, other = w[alias_side], w[1 - alias_side]
            if a not in targets or not a.startswith("ال"):
                continue
            any_n[a] += n
            if other.startswith("ال") and len(other) > 3 and other not in excluded and \
                    neighbour_ok(other):
                ok_n[a] += n
                words[a].add(other)
        return {a: ok_n[a] / any_n[a] for a in ok_n
                if ok_n[a] >= ADJ_MIN_DOCS and len(words[a]) >= ADJ_MIN_NOUNS and
                ok_n[a] >= ADJ_SHARE * any_n[a]}

    # Adjectives: a definite alias that the reference mostly puts right after a definite noun
    # (المدي القصير، الاجل القصير، الفيلم القصير; الخطوط الحمراء، البطاقه الحمراء).
    adjectives = mostly_beside(1, lambda w: True)
    print("aliases that are mostly adjectives after a definite noun: %d: %s" % (
        len(adjectives), ", ".join(sorted(adjectives, key=lambda a: -adjectives[a]))))
    # Nouns: a definite alias that the reference mostly puts right before a definite adjective
    # (a word in ه or ي: الطبقه الوسطي، الطبقه العامله، الصعيد الدولي، السلط المحليه).
    nouns_of_adj = {a: v for a, v in mostly_beside(0, lambda w: w.endswith(("ه", "ي"))).items()
                    if a not in adjectives}
    print("aliases that are mostly nouns before a definite adjective: %d: %s" % (
        len(nouns_of_adj), ", ".join(sorted(nouns_of_adj, key=lambda a: -nouns_of_adj[a]))))
    return phrases, adjectives, nouns_of_adj


def main():
    if "--incremental" in sys.argv:
        sys.argv.remove("--incremental")
        corpora = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "..", "shared",
                                                                      "corpora")
        incremental(os.path.abspath(corpora))
        return
    corpora = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "..", "shared", "corpora")
    corpora = os.path.abspath(corpora)
    aliases, prominent, major = read_aliases()
    # The rows of the previous ambiguous.tsv that no table bears any more are judged again, as
    # a village's name: make_tables.py leaves out the villages named with them, so without
    # this they would come back on the next run and leave again on the one after.
    previous = set()
    if os.path.exists(OUT):
        with open(OUT, encoding="utf-8") as f:
            previous = {l.split("\t")[0] for l in f
                        if l.strip() and not l.startswith("#") and not l.startswith("alias\t")
                        and l.split("\t")[1] == "common"}
    gone = {a for a in previous if a not in aliases and a.count(" ") <= 1}
    singles = {a for a in aliases if " " not in a} | {a for a in gone if " " not in a}
    doubles = {a for a in aliases if a.count(" ") == 1} | {a for a in gone if " " in a}
    words = set(singles) | {p for p in PROBES if " " not in p}
    words |= {alternate(w) for w in list(words) if alternate(w)}
    for w in list(singles):
        words.update(inflected(w))
    for b in doubles | {p for p in PROBES if " " in p}:
        words.update(b.split(" "))
    print("aliases: %d (single-word %d, two-word %d), of them %d only in the previous output"
          % (len(aliases) + len(gone), len(singles), len(doubles), len(gone)))

    tasks = [("ant", os.path.join(corpora, "ant-multisource",
                                  "antcorpus_multisource_v2.1.jsonl.gz")),
             ("ant1", os.path.join(corpora, "ant-v1.1", "antcorpus_v1.1.jsonl.gz"))]
    tasks += [("sn", p) for p in sorted(glob.glob(os.path.join(corpora, "saudinewsnet",
                                                               "dataset", "*.zip")))]
    df = Counter()
    all_df = Counter()
    war_df = Counter()
    ndocs = Counter()
    nwar = Counter()
    with Pool(2, initializer=_init, initargs=(words, doubles | {p for p in PROBES if " " in p})) as pool:
        for kind, n, w, c, a, wc in pool.imap_unordered(scan, tasks):
            kind = "ant" if kind.startswith("ant") else kind
            df.update(c)
            all_df.update(a)
            war_df.update(wc)
            ndocs[kind] += n
            nwar[kind] += w
    total = sum(ndocs.values())
    total_war = sum(nwar.values())
    print("reference (non-war) documents: %d (ANT %d, SaudiNewsNet %d); war documents: %d "
          "(ANT %d, SaudiNewsNet %d)" % (total, ndocs["ant"], ndocs["sn"], total_war,
                                         nwar["ant"], nwar["sn"]))

    def df10k(a):
        return 10000.0 * df.get(a, 0) / total

    def war10k(a):
        return 10000.0 * war_df.get(a, 0) / total_war

    given = person_name_words()
    # aliases of people, factions, organizations and operations: only they can be names of the
    # war by frequency (a place's name in war news is often an adjective: سوري)
    actors = {a for a, ids in aliases.items() if any(not i.startswith("place:") for i in ids)}
    measured = {a: df10k(a) for a in singles}

    def ratio(a):
        """A prominent entry's name needs stronger evidence of word use: السعوديه/سعوديه and
        اليمن/يمن are a country and its adjective, القمر/قمر and مالي/المالي are words."""
        return ALT_RATIO_PROMINENT if a in prominent else ALT_RATIO

    def alt_evidence(a):
        """(A group's name in the plural, الحوثيين/حوثيين, alternates as its adjective does.)"""
        alt = alternate(a) if " " not in a and not (a in major and a.endswith(("يين", "يون")))\
            else None
        return bool(alt) and df10k(alt) >= ratio(a) * df10k(a)

    def is_name(a):
        """The war news shows a as a name of the war: WAR_RATIO times as frequent in war
        documents as in the reference, below T_HIGH, borne by a person, faction, organization or
        operation, and not a given name (الأسد، النصرة، الحشد)."""
        return a in actors and a not in given and (
            (df10k(a) < T_HIGH and war10k(a) >= WAR_RATIO * df10k(a)) or
            (df10k(a) < T_ACTOR and war10k(a) >= ACTOR_RATIO * df10k(a)))

    def word_evidence(a):
        """Positive evidence that a is used as an ordinary word: used with the article added
        or removed, as nouns and adjectives are (الصناعه/صناعه) and names are not
        (ترامب/الترامب, الرقه/رقه); or inflected, as verbs, nouns and pronoun-suffixed words
        are (افاد/افادت، كسب/كسبت، وانه/وانها) and names are not."""
        if " " in a:
            return False
        if alt_evidence(a):
            return True
        return sum(df.get(f, 0) for f in inflected(a)) >= ratio(a) * df.get(a, 0) > 0

    def ordinary(w):
        return df10k(w) >= T_LOW and (alt_evidence(w) or w not in aliases) and w not in given

    for b in doubles:
        w1, w2 = b.split(" ")
        if ordinary(w1) and ordinary(w2):
            measured[b] = df10k(b)
    # a village's two-word name with a given name in it, the rest ordinary words or given
    # names, is a farm named after its owner (علي رحيل، صالح عبد، زين العابدين)
    person_bigrams = set()
    for b in doubles:
        w = b.split(" ")
        if b not in major and any(x in given for x in w) and \
                all(x in given or ordinary(x) for x in w) and df10k(b) >= T_LOW_MINOR:
            measured[b] = df10k(b)
            person_bigrams.add(b)
    frequent = [a for a, v in measured.items() if v >= (T_HIGH if " " in a else T_LOW)]
    # Villages and neighbourhoods (aliases borne by no larger entry): a lower bar, since a
    # hamlet's name this frequent in general news is a word or a person's name, but only with
    # evidence of word use (or of a person's name) so that rare names like الشعفة stay names.
    minor_low = [a for a, v in measured.items()
                 if " " not in a and T_LOW_MINOR <= v < T_LOW and a not in major]

    def person_name(a):
        """A given name of the MP lists or of the gazetteer's people (حسن، خالد)."""
        return a in given

    flagged = {}
    decision = {}
    for a in person_bigrams:
        decision[a] = "common (a person's name borne by a village)"
        flagged[a] = measured[a]
    for a in minor_low:
        if person_name(a) or word_evidence(a):
            decision[a] = "common (village or neighbourhood)"
            flagged[a] = measured[a]
    # Below T_LOW_MINOR down to one document, a village's or neighbourhood's name with evidence of
    # word use is a word too (الحمامة "the dove", النفور "aversion", عقرب "scorpion", الدويلة "the
    # statelet"): a hamlet rarely outweighs a word that general news uses at all.
    hamlets = hamlet_ids()
    for a in singles:
        # (an alias no table bears any more was a village's that make_tables.py left out for it)
        if ((a in gone or all(i in hamlets for i in aliases.get(a, ()))) and a not in flagged and
                MINOR_WORD_DOCS <= df.get(a, 0) and measured[a] < T_LOW_MINOR and
                word_evidence(a)):
            decision[a] = "common (village or neighbourhood, a rare word)"
            flagged[a] = measured[a]
    # An Iraqi village of Who's On First named with a word of general news (iraqi_villages;
    # make_tables.py then leaves the village out): a name of the source that no table bears but
    # Iraqi villages, or none (the village left out by an earlier run: it stays out).
    iq_names, iq_ids = iraqi_villages()
    for a in singles:
        if (a in iq_names and all(i in iq_ids for i in aliases.get(a, ())) and
                df.get(a, 0) >= IQ_VILLAGE_DOCS and a not in flagged):
            decision[a] = "common (an Iraqi village named like a word of general news)"
            flagged[a] = measured[a]
    kept_by_hand = names_kept_by_hand()
    for a in words_gated_by_hand():
        decision[a] = "common (gated by hand: overrides/ambiguity_words.tsv)"
        flagged[a] = measured.get(a, df10k(a))
    for a in frequent:
        if a in kept_by_hand:
            decision[a] = "name (kept by hand: overrides/ambiguity_names.tsv)"
        elif a not in major and person_name(a):
            decision[a] = "common (a person's name borne by a village)"
            flagged[a] = measured[a]
        elif " " in a and a in major:
            decision[a] = "name (two-word name of an entry that is not a village)"
        elif " " in a:  # two ordinary words, together in >= 0.5% of the reference
            decision[a] = "common"
            flagged[a] = measured[a]
        elif is_name(a):
            decision[a] = "name (war news)"
        elif measured[a] < T_HIGH and a in prominent:
            decision[a] = "name (prominent entry)"
        elif a in prominent and not word_evidence(a):
            decision[a] = "name (prominent entry)"
        elif a in major and not word_evidence(a):
            decision[a] = "name (no word use)"
        else:
            decision[a] = "common"
            flagged[a] = measured[a]

    phrases, adjectives, nouns = ordinary_phrases(tasks, aliases, major, measured, total)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# generated by data/tools/ambiguity.py from ../shared/corpora (news dumps only); do not edit\n")
        f.write("alias\tclass\tevidence\n")
        rows = [(a, "common", v) for a, v in flagged.items()]
        rows += [(p, "phrase", v) for p, v in phrases.items()]
        rows += [(p, "phrase", 0.0) for p in sorted(phrases_by_hand() - set(phrases))]
        rows += [(a, "adjective", 100.0 * v) for a, v in adjectives.items()]
        rows += [(a, "noun", 100.0 * v) for a, v in nouns.items()]
        # names of the war that general news uses as ordinary words (الاسد، الحشد): the
        # resolver wants their country named where nothing else supports them
        rows += [(a, "war", measured[a]) for a in decision
                 if decision[a] == "name (war news)" and word_evidence(a)]
        for a, cls, v in sorted(rows):
            f.write("%s\t%s\t%.1f\n" % (a, cls, v))

    # report
    vals = sorted(measured.values(), reverse=True)
    print("measured aliases: %d; distribution of df per 10k docs:" % len(vals))
    for q in (0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5):
        i = min(len(vals) - 1, int(q * len(vals)))
        print("  top %5.1f%%: >= %.1f" % (100 * q, vals[i]))
    for t in (1, 2, 5, 10, 20, 50, 100):
        print("  aliases with df10k >= %d: %d" % (t, sum(1 for v in vals if v >= t)))
    print("top of the distribution (alias, df10k, war df10k, article-alternate df10k, decision):")
    for a, v in sorted(measured.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]:
        alt = alternate(a) if " " not in a else None
        print("  %-28s %8.1f %8.1f alt %6.1f  %s" % (
            a, v, war10k(a), df10k(alt) if alt else 0, decision.get(a, "-")))
    print("thresholds: T_HIGH %.1f, T_LOW %.1f per 10k docs: %d flagged as common"
          % (T_HIGH, T_LOW, len(flagged)))
    for why in ("name (war news)", "name (prominent entry)", "name (no word use)",
                "name (kept by hand: overrides/ambiguity_names.tsv)",
                "name (two-word name of an entry that is not a village)"):
        kept = sorted((a for a in decision if decision[a] == why), key=lambda a: -measured[a])
        print("kept as %s: %d: %s" % (why, len(kept), ", ".join(kept)))
    print("probes: " + ", ".join("%s=%.1f%s" % (p, measured.get(p, df10k(p)),
                                                 "*" if p in flagged else "") for p in PROBES))
    print("wrote %s" % OUT)
    # Yemen's districts (ye_admin.tsv, ids place:YE####) do not take their names out of the
    # common words: الحالي، عين، رصد stay words for the rules whatever a district is called; nor
    # do the aliases gated by hand as words (الوطن "the homeland", a newspaper's name in quotes).
    by_hand = set(words_gated_by_hand())
    write_common_words(all_df, total,
                       {a for a, ids in aliases.items()
                        if not all(re.match(r"^place:YE\d{4}$", i) for i in ids) and
                        a not in by_hand},
                       (given | person_words() | names_among_common_words()) - {"بان"})


def write_common_words(all_df, total, aliases, given):
    """data/common_words.tsv: words frequent in general news (df10k >= T_COMMON) that are not
    gazetteer aliases and not words of people's names (the MP lists' full names, the gazetteer's
    people: محمد، بن، عبد stay out, يسيطر and كبيرة go in; but بان of Ban Ki-moon, whom the people
    table names in full, is بأن "that" once normalized and goes in: no name a rule finds ends with
    it, رودريغو مورينو بأن). The rules (data/rules.tsv) never make a name containing one of
    them."""
    common = {w: 10000.0 * n / total for w, n in all_df.items()
              if 10000.0 * n / total >= T_COMMON and w not in aliases and len(w) > 1
              and w not in given}
    with open(COMMON_OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# generated by data/tools/ambiguity.py; do not edit. Frequent words of general news (document\n"
                "# frequency per 10,000 non-war documents in the note column) that are neither\n"
                "# gazetteer aliases nor words of people's names. Rule-made names never contain them.\n")
        f.write("word\tnote\n")
        for w in sorted(common):
            f.write("%s\t%.1f\n" % (w, common[w]))
    print("wrote %s: %d common words (df10k >= %.0f)" % (COMMON_OUT, len(common), T_COMMON))


if __name__ == "__main__":
    main()
