#!/usr/bin/python3
"""Find gazetteer aliases that are also ordinary words; write data/gazetteer/ambiguous.tsv.

Usage:  /usr/bin/python3 data/tools/ambiguity.py [CORPORA_DIR]
        (CORPORA_DIR defaults to ../shared/corpora relative to the repository root)

Standard library only; two worker processes; a few minutes on 2 cores.

What it does
------------
1. Reads every alias (name_ar + aliases) of every table data/gazetteer/*.tsv (except this
   script's own output) and normalizes it like the matcher: strip tashkeel (U+064B-U+065F,
   U+0670) and tatweel, fold أ إ آ ٱ -> ا, ى -> ي, ة -> ه, Arabic-Indic digits -> ASCII, lower-case
   Latin.
2. Reference = NON-war general news:
   - ANT corpus v2.1 multi-source, categories sport, economy, technology, culture (the
     categories middleEast and internationalNews are war-ish and are not used);
   - SaudiNewsNet (all zips), minus the articles of the war subset, i.e. those containing any of
     داعش / دير الزور / الرقة / الموصل, or at least 3 of {سوريا, سورية, العراق, دمشق, بغداد, حلب,
     إدلب, الأنبار, الفلوجة, الأسد, تنظيم الدولة} (the rule of the staged war subset).
   Title and body of each document are tokenized into words (runs of Arabic letters, or of
   Latin letters/digits). A word counts for an alias when it equals the alias, also after
   removing up to two proclitics (و ف ب ك ل) and reading لل as ال - the matcher's rules.
3. Evidence = document frequency per 10,000 reference documents (df10k). It is measured for
   every single-word alias, and for each two-word alias whose two words are both ordinary words
   (frequent, and seen in the NER corpora mostly outside names).
4. Name check. The NER-annotated newswire corpora (ANERCorp, NewsFANE, the Wojood sample) and
   the reference tell a frequent NAME from a frequent WORD:
   - name (NER): at least NAME_MIN_N occurrences in the NER corpora, at least NAME_RATIO of
     them inside an annotated entity, and either NAME_B_RATIO of them at an entity's start or
     the word never used with the article added or removed. So روسيا، مدريد and لافروف count
     as names; العمال، التحرير and الجهاد, which occur inside names, do not.
   - word use: seen in the NER corpora but not as a name, or also used with the article added
     or removed (الصناعه/صناعه, df of the other form >= ALT_RATIO of the alias's). Nouns and
     adjectives alternate; names do not (ترامب/الترامب, حلب/الحلب).

Decision for an alias with df10k >= T_LOW (two-word aliases: df10k >= T_HIGH):
   common, unless
   (a) it is a name (NER); or
   (b) an entry bearing it is prominent (prominence >= 70, or a country, state, governorate or
       city without prominence) and either df10k < T_HIGH or the NER corpora never saw it
       (ميونيخ، كرواتيا); or
   (c) an entry bearing it is not a village or neighbourhood and there is no evidence of word
       use (ترامب، أوباما، السيسي). A village name this frequent in general news is a word.

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
- NAME_MIN_N = 3, NAME_RATIO = 0.7, NAME_B_RATIO = 0.3, ALT_RATIO = 0.1.
Result: 486 aliases flagged.

Output: data/gazetteer/ambiguous.tsv, header `alias<TAB>class<TAB>evidence`, class `common`,
evidence = df10k with one decimal, sorted by alias.
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
T_LOW_MINOR = 2.0   # villages and neighbourhoods: from here, common with evidence of word use
PERSON_RATIO = 0.5  # share of an alias's NER entity occurrences inside people's names
MINOR_SUBTYPES = {"village", "neighbourhood"}
PROMINENT_SUBTYPES = {"country", "continent", "state", "governorate", "city"}
NAME_MIN_N = 3      # occurrences in the NER corpora needed to trust the name ratio
NAME_RATIO = 0.7    # share of those occurrences inside an annotated entity
ALT_RATIO = 0.1     # article-alternate form at least this frequent = evidence of word use
NAME_B_RATIO = 0.3  # share of them beginning an entity (العمال، التحرير are inner words)

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
# aliases

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
        with open(path, encoding="utf-8") as f:
            header = None
            for line in f:
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                fields = line.split("\t")
                if header is None:
                    header = fields
                    if "name_ar" not in header:
                        break  # not a gazetteer table
                    continue
                row = dict(zip(header, fields))
                names = [row.get("name_ar", "")] + row.get("aliases", "").split("|")
                for n in names:
                    k = " ".join(tokens(n))
                    if k:
                        aliases[k].add(row.get("id", ""))
                        if is_prominent(row):
                            prominent.add(k)
                        if not (row.get("type") == "PLACE" and
                                row.get("subtype") in MINOR_SUBTYPES):
                            major.add(k)
    return aliases, prominent, major


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


def scan(task):
    kind, path = task
    df = Counter()
    all_df = Counter()
    cache = {}
    ndocs = 0
    skipped = 0
    if kind == "ant":
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                if d.get("cat") not in REF_CATS:
                    skipped += 1
                    continue
                ndocs += 1
                _count_doc((d.get("title") or "") + "\n" + (d.get("text") or ""), df, cache, all_df)
    else:
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                for d in json.loads(z.read(name).decode("utf-8")):
                    text = (d.get("title") or "") + "\n" + (d.get("content") or "")
                    if _is_war(text):
                        skipped += 1
                        continue
                    ndocs += 1
                    _count_doc(text, df, cache, all_df)
    return kind, ndocs, skipped, df, all_df


# ---------------------------------------------------------------------------------------------
# NER corpora: how often is the alias inside an annotated entity?

def alternate(w):
    """The same word with the article added or removed (الصناعه <-> صناعه); None for Latin."""
    if not re.match("^[\u0621-\u064A]+$", w):
        return None
    if w.startswith("ال") and len(w) > 4:
        return w[2:]
    return "ال" + w


def read_ner(corpora):
    """Yields sentences as lists of (normalized token, B/I/O)."""
    files = [(os.path.join(corpora, "anercorp", "ANERCorp.txt"), " "),
             (os.path.join(corpora, "newsfane", "NewsFANE_Gold_2014_170K.txt"), "\t")]
    files += [(p, " ") for p in sorted(glob.glob(os.path.join(corpora, "wojood-sample", "*.txt")))]
    for path, sep in files:
        if not os.path.exists(path):
            continue
        sent = []
        with open(path, encoding="utf-8-sig", errors="replace") as f:
            for line in f:
                line = line.strip().replace("\u200e", "").replace("\u200f", "")
                parts = line.split()
                if len(parts) < 2:
                    if sent:
                        yield sent
                    sent = []
                    continue
                tok, tag = parts[0], parts[-1]
                nt = " ".join(tokens(tok))
                if not nt:
                    if tok in ".!?؟" and sent:
                        yield sent
                        sent = []
                    continue
                bio = "B" if tag.startswith("B") else ("I" if tag != "O" else "O")
                sent.append((nt, bio, bio != "O" and is_person_tag(tag)))
        if sent:
            yield sent


# Person classes of the NER corpora: ANERCorp and Wojood PERS, NewsFANE's fine person classes.
PERSON_TAGS = {"PERS", "PER", "Politician", "Athlete", "Artist", "Other_PER", "Religious_PER",
               "Scientist", "Businessperson", "Engineer", "Lawyer", "Police", "Journalist"}


def is_person_tag(tag):
    return tag.split("-", 1)[-1] in PERSON_TAGS


def ner_stats(corpora, targets):
    """alias -> [occurrences, inside an entity, beginning an entity (and inside it), inside a
    person's name]"""
    stats = defaultdict(lambda: [0, 0, 0, 0])
    firsts = defaultdict(set)
    for a in targets:
        w = a.split(" ")
        firsts[w[0]].add(a)
    for sent in read_ner(corpora):
        for i, (t, ent, _) in enumerate(sent):
            for v in variants(t):
                for a in firsts.get(v, ()):
                    w = a.split(" ")
                    if i + len(w) <= len(sent) and \
                            all(sent[i + j][0] == w[j] for j in range(1, len(w))):
                        st = stats[a]
                        st[0] += 1
                        inside = all(sent[i + j][1] != "O" for j in range(len(w)))
                        st[1] += inside
                        st[2] += inside and ent == "B" and all(sent[i + j][1] == "I"
                                                               for j in range(1, len(w)))
                        st[3] += inside and all(sent[i + j][2] for j in range(len(w)))
    return stats


# ---------------------------------------------------------------------------------------------

def incremental(corpora):
    """--incremental: keep ambiguous.tsv as it is and add the aliases borne only by entries that
    are not in data/released_ids/0.1.0.txt (entries added since), judged by their frequency in the
    non-war reference alone, without the NER corpora: a new village or neighbourhood alias is
    common from T_LOW_MINOR, any other new alias from T_LOW, or from T_HIGH when a prominent
    entry bears it."""
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
                                  "antcorpus_multisource_v2.1.jsonl.gz"))]
    tasks += [("sn", p) for p in sorted(glob.glob(os.path.join(corpora, "saudinewsnet",
                                                               "dataset", "*.zip")))]
    df = Counter()
    total = 0
    with Pool(2, initializer=_init, initargs=(words, doubles)) as pool:
        for kind, n, s, c, a in pool.imap_unordered(scan, tasks):
            df.update(c)
            total += n
    old = {}
    with open(OUT, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("alias\t") or not line.strip():
                continue
            a, _, ev = line.rstrip("\n").split("\t")
            old[a] = ev
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
            added[a] = "%.1f" % v
    old.update(added)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# generated by data/tools/ambiguity.py from ../shared/corpora; do not edit\n")
        f.write("alias\tclass\tevidence\n")
        for a in sorted(old):
            f.write("%s\tcommon\t%s\n" % (a, old[a]))
    print("reference documents %d; new aliases %d (single %d, two-word %d); flagged %d: %s"
          % (total, len(new), len(singles), len(doubles), len(added),
             ", ".join(sorted(added, key=lambda a: -float(added[a]))[:300])))


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
    singles = {a for a in aliases if " " not in a}
    doubles = {a for a in aliases if a.count(" ") == 1}
    words = set(singles) | {p for p in PROBES if " " not in p}
    words |= {alternate(w) for w in list(words) if alternate(w)}
    for b in doubles | {p for p in PROBES if " " in p}:
        words.update(b.split(" "))
    print("aliases: %d (single-word %d, two-word %d)" % (len(aliases), len(singles), len(doubles)))

    tasks = [("ant", os.path.join(corpora, "ant-multisource",
                                  "antcorpus_multisource_v2.1.jsonl.gz"))]
    tasks += [("sn", p) for p in sorted(glob.glob(os.path.join(corpora, "saudinewsnet",
                                                               "dataset", "*.zip")))]
    df = Counter()
    all_df = Counter()
    ndocs = Counter()
    skipped = Counter()
    with Pool(2, initializer=_init, initargs=(words, doubles | {p for p in PROBES if " " in p})) as pool:
        for kind, n, s, c, a in pool.imap_unordered(scan, tasks):
            df.update(c)
            all_df.update(a)
            ndocs[kind] += n
            skipped[kind] += s
    total = sum(ndocs.values())
    print("reference documents: %d (ANT non-war %d, SaudiNewsNet non-war %d; left out: ANT %d, "
          "SaudiNewsNet war subset %d)" % (total, ndocs["ant"], ndocs["sn"], skipped["ant"],
                                           skipped["sn"]))

    def df10k(a):
        return 10000.0 * df.get(a, 0) / total

    measured = {a: df10k(a) for a in singles}
    # two-word aliases: measured when both words are ordinary words, i.e. frequent in the
    # reference and seen in the NER corpora mostly outside names (دونالد ترامب is not)
    cand_words = set()
    for b in doubles:
        cand_words.update(w for w in b.split(" ") if df10k(w) >= T_LOW)
    ner = ner_stats(corpora, cand_words | {a for a in measured if measured[a] >= T_LOW})

    def alt_evidence(a):
        alt = alternate(a) if " " not in a else None
        return bool(alt) and df10k(alt) >= ALT_RATIO * df10k(a)

    def is_name(a):
        """The NER corpora show a as a name: mostly inside annotated entities, and either
        often at their start or never used with the article added/removed - so لافروف in
        سيرغي لافروف counts, العمال in حزب العمال (also عمال) does not."""
        n, e, b = ner.get(a, (0, 0, 0, 0))[:3]
        return n >= NAME_MIN_N and e >= NAME_RATIO * n and \
            (b >= NAME_B_RATIO * n or not alt_evidence(a))

    def word_evidence(a):
        """Positive evidence that a is used as an ordinary word: seen in the NER corpora (and
        not as a name), or also used with the article added/removed, as nouns and adjectives
        are (الصناعه/صناعه) and names are not (ترامب/الترامب, الرقه/رقه)."""
        if ner.get(a, (0,))[0] >= NAME_MIN_N and not is_name(a):
            return True
        return alt_evidence(a)

    def ordinary(w):
        return df10k(w) >= T_LOW and ner.get(w, (0,))[0] >= NAME_MIN_N and not is_name(w)

    for b in doubles:
        w1, w2 = b.split(" ")
        if ordinary(w1) and ordinary(w2):
            measured[b] = df10k(b)
    ner.update(ner_stats(corpora, [b for b in measured if " " in b]))
    frequent = [a for a, v in measured.items() if v >= (T_HIGH if " " in a else T_LOW)]
    # Villages and neighbourhoods (aliases borne by no larger entry): a lower bar, since a
    # hamlet's name this frequent in general news is a word or a person's name, but only with
    # evidence of word use (or of a person's name) so that rare names like الشعفة stay names.
    minor_low = [a for a, v in measured.items()
                 if " " not in a and T_LOW_MINOR <= v < T_LOW and a not in major]
    ner.update(ner_stats(corpora, minor_low))

    def person_name(a):
        """The NER corpora show a mostly inside people's names (حسن، خالد، المالكي)."""
        n, e, _, pers = ner.get(a, (0, 0, 0, 0))
        return n >= NAME_MIN_N and e > 0 and pers >= PERSON_RATIO * e

    flagged = {}
    decision = {}
    for a in minor_low:
        if person_name(a) or word_evidence(a):
            decision[a] = "common (village or neighbourhood)"
            flagged[a] = measured[a]
    for a in frequent:
        if a not in major and person_name(a):
            decision[a] = "common (a person's name borne by a village)"
            flagged[a] = measured[a]
        elif is_name(a):
            decision[a] = "name (NER)"
        elif measured[a] < T_HIGH and a in prominent:  # (two-word aliases are >= T_HIGH)
            decision[a] = "name (prominent entry)"
        elif a in prominent and ner.get(a, (0,))[0] < NAME_MIN_N:
            decision[a] = "name (prominent entry)"
        elif a in major and not word_evidence(a):
            decision[a] = "name (no word use)"
        else:
            decision[a] = "common"
            flagged[a] = measured[a]

    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# generated by data/tools/ambiguity.py from ../shared/corpora; do not edit\n")
        f.write("alias\tclass\tevidence\n")
        for a in sorted(flagged):
            f.write("%s\tcommon\t%.1f\n" % (a, flagged[a]))

    # report
    vals = sorted(measured.values(), reverse=True)
    print("measured aliases: %d; distribution of df per 10k docs:" % len(vals))
    for q in (0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5):
        i = min(len(vals) - 1, int(q * len(vals)))
        print("  top %5.1f%%: >= %.1f" % (100 * q, vals[i]))
    for t in (1, 2, 5, 10, 20, 50, 100):
        print("  aliases with df10k >= %d: %d" % (t, sum(1 for v in vals if v >= t)))
    print("top of the distribution (alias, df10k, NER occurrences/inside an entity/beginning one, decision):")
    for a, v in sorted(measured.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]:
        n, e, b = ner.get(a, (0, 0, 0, 0))[:3]
        alt = alternate(a) if " " not in a else None
        print("  %-28s %8.1f  %4d/%-4d/%-4d alt %6.1f  %s" % (
            a, v, n, e, b, df10k(alt) if alt else 0, decision.get(a, "-")))
    print("thresholds: T_HIGH %.1f, T_LOW %.1f per 10k docs: %d flagged as common"
          % (T_HIGH, T_LOW, len(flagged)))
    for why in ("name (NER)", "name (prominent entry)", "name (no word use)"):
        kept = sorted((a for a in decision if decision[a] == why), key=lambda a: -measured[a])
        print("kept as %s: %d: %s" % (why, len(kept), ", ".join(kept)))
    print("probes: " + ", ".join("%s=%.1f%s" % (p, measured.get(p, df10k(p)),
                                                 "*" if p in flagged else "") for p in PROBES))
    print("wrote %s" % OUT)
    write_common_words(corpora, all_df, total, set(aliases))


def write_common_words(corpora, all_df, total, aliases):
    """data/common_words.tsv: words frequent in general news (df10k >= T_COMMON) that are not
    gazetteer aliases and that the NER corpora do not show as names (محمد stays out, يسيطر and
    كبيرة go in). The rules (data/rules.tsv) never make a name containing one of them."""
    freq = {w: 10000.0 * n / total for w, n in all_df.items()
            if 10000.0 * n / total >= T_COMMON and w not in aliases and len(w) > 1}
    ner = ner_stats(corpora, set(freq))
    common = {}
    for w, v in freq.items():
        n, e, _, _ = ner.get(w, (0, 0, 0, 0))
        if n >= NAME_MIN_N and e >= NAME_RATIO * n:
            continue  # mostly inside names in annotated news: a name, not a common word
        common[w] = v
    with open(COMMON_OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# generated by data/tools/ambiguity.py; do not edit. Frequent words of general news (document\n"
                "# frequency per 10,000 non-war documents in the note column) that are neither\n"
                "# gazetteer aliases nor names in the NER corpora. Rule-made names never contain them.\n")
        f.write("word\tnote\n")
        for w in sorted(common):
            f.write("%s\t%.1f\n" % (w, common[w]))
    print("wrote %s: %d common words (df10k >= %.0f)" % (COMMON_OUT, len(common), T_COMMON))


if __name__ == "__main__":
    main()
