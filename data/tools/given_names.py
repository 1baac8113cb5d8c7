#!/usr/bin/python3
"""Writes data/given_names.tsv: the given names that start a person's name in the news, the
trigger words of the rule `person-given-name` (data/rules.tsv).

Usage:  /usr/bin/python3 data/tools/given_names.py

Standard library only; a few seconds.

Candidates: the given names of ambiguity.person_name_words() — every word but the last of the
full names of the EveryPolitician MP lists of Iraq and Syria and of the PERSON entries of
data/gazetteer/people.tsv (a gazetteer source, not an NER corpus) — plus the first word of the
two- and three-word names of every PERSON entry of the gazetteer (the foreign names: فلاديمير،
هيذر، ستافان), plus the given names of other languages in Arabic script of
data/sources/foreign-given-names.tsv (ميلينا، فنسنت، سيباستيان), plus the Arabic given names of
data/sources/arabic-given-names.tsv (two published lists of male and female names: مشعل، غسان،
سجى), which pass the same evidence test as the gazetteer's. Left out: words with the article
and the words of data/overrides/given_names_drop.tsv (kunya, nasab and title words, words that
start place names, words whose ordinary sense is as frequent as the name) and of
data/overrides/given_names_weak.tsv (given names that are ordinary words, written apart with
class weak: عمر، صالح; count_weak); and a word of the
foreign list alone that war news also writes with the article DEFINITE_MIN times or more (ملك
"king", مادي "material": an ordinary word, which a transliteration list does not tell).

Evidence (war news: the three `*_war_subset.jsonl` files of ../shared/corpora without the
documents of tests/eval): each occurrence of the word, bare or after one proclitic, counts as a
name's start when the next word follows after one space and may go on a person's name — Arabic
letters, not a stopword (data/stopwords.tsv), not an ordinary word (data/common_words.tsv). A
candidate is kept when it occurs MIN_OCCURRENCES times or
more and NAME_SHARE of its occurrences or more start a name: محمد 0.90, فلاديمير 1.00 are kept;
باسم 0.22 ("in the name of"), كامل 0.32, صباح 0.09 are not. A name of the foreign list alone
(no MP list nor the Arabic list holds it; a foreign first name of a person of the gazetteer stays
one: رودريغو) is also kept from one occurrence when every occurrence starts a
name and war news never writes it with the article (دنكان أتكينسون، ساندرين): a transliterated
given name is rarely an ordinary word, and the drop list holds those that are (كيس "bag", جول
"goal", سانتا of place names). So is a name of the Arabic list (since 2026-12-07: حمدي، دلال،
إيهاب، حذيفة, 29 names more; the test is the same, every occurrence a name's start and none
with the article). علي counts only bare and written with
ي in the original (count_ali), as the rule reads it: 0.79. A compound with عبد written apart (عبد
العزيز, bare) is counted on its own (count_apart) and kept from MIN_OCCURRENCES such occurrences,
with class apart (no share test: it is no ordinary word): the rule person-abd-name starts a name
at such an عبد.
"""
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(REPO, "tests", "eval"))
import ambiguity  # noqa: E402
import train_context  # noqa: E402

OUT = os.path.join(REPO, "data", "given_names.tsv")
MIN_OCCURRENCES = 3
NAME_SHARE = 0.6
DROP = os.path.join(REPO, "data", "overrides", "given_names_drop.tsv")
FOREIGN = os.path.join(REPO, "data", "sources", "foreign-given-names.tsv")
ARABIC = os.path.join(REPO, "data", "sources", "arabic-given-names.tsv")
DEFINITE_MIN = 5  # a foreign-only name written with the article this often is a word
WEAK = os.path.join(REPO, "data", "overrides", "given_names_weak.tsv")
LETTERS = re.compile(r"[\u0621-\u064A]{2,}")
ALI = "علي"  # normalized: also the preposition على, a stopword
ABD = "عبد"  # a compound given name's first word, written apart or joined (عبد الله، عبدالله)
ALI_DIACRITICS = re.compile(r"[\u064B-\u065F\u0670\u0640]")


def foreign_names():
    """The normalized given names of data/sources/foreign-given-names.tsv."""
    return {ambiguity.normalize(r["name_ar"]) for r in ambiguity.tsv_rows(FOREIGN)}


def arabic_names():
    """The normalized given names of data/sources/arabic-given-names.tsv."""
    return {ambiguity.normalize(r["name_ar"]) for r in ambiguity.tsv_rows(ARABIC)}


def gazetteer_names():
    """The given names the gazetteer's people hold (the module's docstring)."""
    words = set(ambiguity.person_name_words())
    for path in sorted(os.listdir(ambiguity.GAZ_DIR)):
        for r in ambiguity.tsv_rows(os.path.join(ambiguity.GAZ_DIR, path)):
            if "type" not in r:
                break
            if r.get("type") != "PERSON":
                continue
            for n in [r.get("name_ar", "")] + r.get("aliases", "").split("|"):
                t = ambiguity.tokens(n)
                if 2 <= len(t) <= 3:
                    words.add(t[0])
    return words


def candidates():
    dropped = {ambiguity.normalize(r["word"]) for p in (DROP, WEAK)
               for r in ambiguity.tsv_rows(p)}
    words = gazetteer_names() | foreign_names() | arabic_names()
    return {w for w in words if len(w) > 2 and not w.startswith("ال") and w not in dropped
            and LETTERS.fullmatch(w)}


def may_go_on(word, stopwords, common):
    m = LETTERS.match(word)
    return m is not None and m.group(0) not in stopwords and m.group(0) not in common


def count(given, stopwords, common, definite_of=None):
    """Occurrences and name starts of each word of `given` in war news; with `definite_of` (a
    Counter), also how often each is written with the article (ال…, after up to one proclitic)."""
    occurrences, starts = Counter(), Counter()
    definite = {"ال" + g: g for g in given} if definite_of is not None else {}
    for _, text in train_context.war_docs(train_context.eval_keys()):
        words = ambiguity.normalize(text).split()
        if definite:
            for w in words:
                g = definite.get(w) or (definite.get(w[1:]) if w[0] in ambiguity.PROCLITICS else None)
                if g is not None:
                    definite_of[g] += 1
        for i in range(len(words) - 1):
            w = words[i]
            g = w if w in given else (w[1:] if w[0] in ambiguity.PROCLITICS and w[1:] in given
                                      else None)
            if g is None or g == ALI:  # علي: count_ali
                continue
            occurrences[g] += 1
            if may_go_on(words[i + 1], stopwords, common):
                starts[g] += 1
        if ALI in given:
            count_ali(text, stopwords, common, occurrences, starts)
    return occurrences, starts


def count_apart(compounds, stopwords, common):
    """Occurrences in war news of each compound of `compounds` (عبدالعزيز) written apart after
    no proclitic (عبد العزيز), and how many of them a word that may go on a name follows."""
    occurrences, starts = Counter(), Counter()
    for _, text in train_context.war_docs(train_context.eval_keys()):
        words = ambiguity.normalize(text).split()
        for i in range(len(words) - 2):
            if words[i] != ABD or ABD + words[i + 1] not in compounds:
                continue
            g = ABD + words[i + 1]
            occurrences[g] += 1
            starts[g] += may_go_on(words[i + 2], stopwords, common)
    return occurrences, starts


def count_ali(text, stopwords, common, occurrences, starts):
    """علي counts as the rule reads it: bare, and written with ي in the original (the
    preposition على is the same word once normalized; OriginalReading in src/rules)."""
    raw = text.split()
    for i in range(len(raw) - 1):
        if ambiguity.normalize(raw[i]) != ALI or ALI_DIACRITICS.sub("", raw[i])[-1] != "\u064a":
            continue
        occurrences[ALI] += 1
        if may_go_on(ambiguity.normalize(raw[i + 1]), stopwords, common):
            starts[ALI] += 1


def family_name_follows(raw, i, given, stopwords, common):
    """Whether the word after raw[i] makes a weak given name a name, as the rule reads it
    (FamilyNameFollows in src/rules): a given name of `given` (علي written with ي) or a definite
    nisba that is no ordinary word."""
    n = ambiguity.normalize(raw[i + 1])
    if n == ALI:
        return ALI_DIACRITICS.sub("", raw[i + 1])[-1:] == "\u064a"
    if n in given:
        return True
    return (len(n) > 3 and n.startswith("ال") and n.endswith("ي") and n not in common and
            n not in stopwords)


def count_weak(weak, given, stopwords, common):
    """Occurrences of each weak given name in war news (bare: the rule takes none after a
    proclitic) and how many of them a given name or a definite nisba follows."""
    occurrences, names = Counter(), Counter()
    for _, text in train_context.war_docs(train_context.eval_keys()):
        raw = text.split()
        for i in range(len(raw) - 1):
            w = ambiguity.normalize(raw[i])
            if w not in weak:
                continue
            occurrences[w] += 1
            names[w] += family_name_follows(raw, i, given, stopwords, common)
    return occurrences, names


def main():
    stopwords = {ambiguity.normalize(r["word"])
                 for r in ambiguity.tsv_rows(os.path.join(REPO, "data", "stopwords.tsv"))}
    common = {r["word"] for r in ambiguity.tsv_rows(os.path.join(REPO, "data",
                                                                  "common_words.tsv"))}
    # علي is a stopword only as على: as the rule reads it (count_ali), it may be a given name.
    given = (candidates() - stopwords - common) | (candidates() & {ALI})
    definite = Counter()
    occurrences, starts = count(given, stopwords, common, definite)
    # The foreign list's names that no Arabic source holds (the MP lists, the Arabic list): a
    # foreign first name of a person the gazetteer holds stays one (رودريغو، لورانس).
    foreign_only = foreign_names() - ambiguity.person_name_words(gazetteer=False) - arabic_names()
    kept = sorted(g for g in given if
                  (occurrences[g] >= MIN_OCCURRENCES and starts[g] >= NAME_SHARE * occurrences[g]
                   and not (g in foreign_only and definite[g] >= DEFINITE_MIN)) or
                  (g in (foreign_only | arabic_names()) and
                   0 < occurrences[g] < MIN_OCCURRENCES and starts[g] == occurrences[g] and
                   definite[g] == 0))
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# generated by data/tools/given_names.py; do not edit. Given names (normalized)\n"
                "# that start a person's name in war news: the trigger words of the rule\n"
                "# person-given-name (data/rules.tsv). Sources: the EveryPolitician MP lists of\n"
                "# Iraq and Syria (no licence stated) and the gazetteer's PERSON entries; counts\n"
                "# from the war subsets of ../shared/corpora (occurrences, share followed by a\n"
                "# word that may go on a name).\n")
        f.write("# Class apart: a compound with عبد that starts a name written apart (عبد العزيز;\n"
                "# note: occurrences so written and the share followed by a word that may go on a\n"
                "# name), for the rule person-abd-name.\n")
        f.write("# Class weak (data/overrides/given_names_weak.tsv, by hand): given names that are\n"
                "# also ordinary words, a name's start only before a given name of this table or a\n"
                "# definite nisba (note: occurrences bare, and how many of them such a word follows).\n")
        f.write("word\tnote\tclass\n")
        for g in kept:
            f.write("%s\t%d %.2f\t\n" % (g, occurrences[g], starts[g] / occurrences[g]))
        compounds = {g for g in given if g.startswith(ABD) and len(g) > len(ABD) + 2}
        apart_occurrences, apart_starts = count_apart(compounds, stopwords, common)
        # No share test: a compound with عبد is no ordinary word, and the rule itself wants a
        # word that may go on a name after it (where a name ends with it: رامي عبد الرحمن).
        apart = sorted(g for g in compounds if apart_occurrences[g] >= MIN_OCCURRENCES)
        for g in apart:
            f.write("%s\t%d %.2f\tapart\n" % (g, apart_occurrences[g],
                                              apart_starts[g] / apart_occurrences[g]))
        weak = [ambiguity.normalize(r["word"]) for r in ambiguity.tsv_rows(WEAK)]
        weak_occurrences, weak_names = count_weak(set(weak), set(kept), stopwords, common)
        for g in sorted(weak):
            f.write("%s\t%d %d\tweak\n" % (g, weak_occurrences[g], weak_names[g]))
    print("candidates %d, in war news %d, kept %d, apart %d, weak %d" %
          (len(given), len(occurrences), len(kept), len(apart), len(weak)))


if __name__ == "__main__":
    main()
