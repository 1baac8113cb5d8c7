"""Names of the gazetteer tables and the word tables made from them (run: /usr/bin/python3 -m
pytest tests/data).

Every name and alias is written in one script per word (an alias such as مارتن غريفيths, half
transliterated, is a corrupted row, not a spelling the news uses). ambiguous.tsv and
common_words.tsv are what data/tools/ambiguity.py writes from the committed tables and the
corpora (when ../shared/corpora is present): a table of people that gains a name changes which
words are ordinary words, and the committed tables must follow.
"""

import glob
import os
import re
import shutil
import sys

import pytest

from test_ids import GAZ, REPO, read_tsv

ARABIC = re.compile("[\u0600-\u06FF]")
LATIN = re.compile("[A-Za-z]")


def test_no_word_of_a_name_mixes_arabic_and_latin_letters():
    bad = []
    for path in sorted(glob.glob(os.path.join(GAZ, "*.tsv"))):
        header, rows = read_tsv(path)
        if "name_ar" not in header:
            continue
        for r in rows:
            for name in [r.get("name_ar", "")] + r.get("aliases", "").split("|"):
                if any(ARABIC.search(w) and LATIN.search(w) for w in name.split()):
                    bad.append((os.path.basename(path), r.get("id"), name))
    assert not bad, bad


def test_the_word_tables_are_what_the_generator_writes(tmp_path, monkeypatch):
    # Imported by name, as multiprocessing finds the functions it sends to its workers.
    tools = os.path.join(REPO, "data", "tools")
    if tools not in sys.path:
        sys.path.insert(0, tools)
    import ambiguity as am  # noqa: E402
    corpora = os.path.join(REPO, "..", "shared", "corpora")
    if not os.path.isdir(corpora):
        pytest.skip("../shared/corpora is absent")
    # The generator reads its previous ambiguous.tsv (aliases no table bears any more are judged
    # again): it starts from the committed one.
    ambiguous = tmp_path / "ambiguous.tsv"
    shutil.copy(os.path.join(GAZ, "ambiguous.tsv"), ambiguous)
    common = tmp_path / "common_words.tsv"
    monkeypatch.setattr(am, "OUT", str(ambiguous))
    monkeypatch.setattr(am, "COMMON_OUT", str(common))
    monkeypatch.setattr(sys, "argv", ["ambiguity.py", corpora])
    am.main()
    for committed, written in ((os.path.join(GAZ, "ambiguous.tsv"), ambiguous),
                               (os.path.join(REPO, "data", "common_words.tsv"), common)):
        with open(committed, encoding="utf-8") as a, open(written, encoding="utf-8") as b:
            assert a.read() == b.read(), os.path.basename(committed)
