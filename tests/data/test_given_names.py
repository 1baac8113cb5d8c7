"""The given names of the rule person-given-name (data/given_names.tsv, written by
data/tools/given_names.py; run: /usr/bin/python3 -m pytest tests/data).

The table must be what the generator writes from the committed data and the corpora (when
../shared/corpora is present), and each row one normalized word that no override drops and
that is neither a function word nor an ordinary word — but علي, a function word only as the
preposition على, which the rule tells from the name by the original's spelling (OriginalReading).
Rows of class apart are compounds with عبد, joined, that the rule person-abd-name reads apart.
"""

import os

import pytest

from test_ids import REPO, load_tool, read_tsv

TABLE = os.path.join(REPO, "data", "given_names.tsv")


GN = load_tool("given_names")


def words(path):
    return [r["word"] for r in read_tsv(path)[1]]


def test_each_given_name_is_one_normalized_word_no_list_rules_out():
    rows = read_tsv(TABLE)[1]
    given = [r["word"] for r in rows if r.get("class", "") != "apart"]
    apart = [r["word"] for r in rows if r.get("class", "") == "apart"]
    # Class apart: compounds with عبد (read written apart, عبد العزيز), each once.
    assert len(apart) == len(set(apart)) > 10
    assert all(w.startswith("عبد") and len(w) > 4 for w in apart), apart
    dropped = {GN.ambiguity.normalize(w) for w in words(GN.DROP)}
    stop = {GN.ambiguity.normalize(w)
            for w in words(os.path.join(REPO, "data", "stopwords.tsv"))}
    common = set(words(os.path.join(REPO, "data", "common_words.tsv")))
    assert len(given) == len(set(given)) > 300
    bad = [w for w in given if GN.ambiguity.normalize(w) != w or not GN.LETTERS.fullmatch(w) or
           w.startswith("ال") or w in dropped or (w in stop and w != GN.ALI) or w in common]
    assert not bad, bad


def test_the_table_is_what_the_generator_writes(tmp_path, monkeypatch):
    corpora = os.path.join(GN.train_context.corpus_texts.SHARED, "corpora")
    if not os.path.isdir(corpora):
        pytest.skip("../shared/corpora is absent")
    out = tmp_path / "given_names.tsv"
    monkeypatch.setattr(GN, "OUT", str(out))
    GN.main()
    with open(TABLE, encoding="utf-8") as a, open(out, encoding="utf-8") as b:
        assert a.read() == b.read()


def test_foreign_given_names_are_kept_by_their_use_not_their_listing():
    """Given names of other languages (data/sources/foreign-given-names.tsv) enter the table
    only through the war-news test: ميلينا and فرنسوا do; ملك ("king", written الملك in the
    news) and the hand-dropped دان ("condemned") and ستورم (Storm Shadow) do not, though the
    transliteration lists hold them. A name of those lists alone that war news uses once or twice,
    each time before a word that may go on a name, is kept too."""
    given = set(words(TABLE))
    foreign = GN.foreign_names()
    for w in ("ميلينا", "فرنسوا", "ملك", "دان", "ستورم"):
        assert w in foreign, w
    assert {"ميلينا", "فرنسوا"} <= given
    assert not given & {"ملك", "دان", "ستورم"}
    # Seen fewer than three times, every time before a name word, never with the article:
    # kept (دنكان أتكينسون); the same but an ordinary word, dropped by hand (كيس "bag").
    assert "دنكان" in given and "دنكان" in foreign
    assert "كيس" in foreign and "كيس" not in given
