#!/usr/bin/python3
"""The Python baselines of bench/run.sh: what a Python user would reach for to find the
gazetteer's names in news, run on the same dump and the same alias list as `alam extract`.

  * flashtext: a FlashText-style token trie in pure Python (standard library only) — the
    algorithm of flashtext's KeywordProcessor.extract_keywords (character trie, longest match
    at word boundaries, case-insensitive), with Arabic letters, marks and digits declared
    non-word-boundaries (FlashText's default set is ASCII only and would match inside every
    Arabic word).
  * pyahocorasick: the C extension (Debian python3-ahocorasick), leftmost-longest matches
    (Automaton.iter_long) over the lower-cased text, kept only at word boundaries.

Both are matching only: no normalization (hamza, ta marbuta, tashkeel are not folded), no
proclitics (و ب ل ...), no context, no offsets beyond the Python str index. They do less work
than alam; the ratio is therefore a conservative one. Time is measured around the matching
only (reading and JSON-decoding the dump are excluded); MB/s counts UTF-8 bytes of the texts.

The alias list: name_ar and every `aliases` value (split on |) of each data/gazetteer/*.tsv
except ambiguous.tsv, exactly as written in the tables.

Usage: baseline_flashtext.py --gazetteer-dir DIR --dump FILE.jsonl [--max-bytes N]
                             [--engine flashtext|pyahocorasick|all]
Prints one line per engine, tab-separated: engine, MB/s by CPU time, MB/s by wall time,
documents, bytes, matches, CPU seconds, wall seconds. (CPU time is the stable figure on a
shared machine; the engines are single-threaded, so the two agree on an idle one.)
"""

import argparse
import csv
import glob
import json
import os
import sys
import time
import unicodedata

_KEYWORD = "_keyword_"


def load_aliases(gazetteer_dir):
    aliases = set()
    for path in sorted(glob.glob(os.path.join(gazetteer_dir, "*.tsv"))):
        if os.path.basename(path) == "ambiguous.tsv":
            continue
        with open(path, encoding="utf-8") as f:
            lines = [line for line in f if line.strip() and not line.startswith("#")]
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            names = [row.get("name_ar") or ""]
            names += (row.get("aliases") or "").split("|")
            for name in names:
                name = " ".join(name.split())
                if name:
                    aliases.add(name)
    return sorted(aliases)


def load_texts(dump, max_bytes, prefix_out=None, stride=1):
    """The texts of every `stride`-th document of the dump, from the first, up to max_bytes of
    text (a sample of all its corpora when the stride spreads it over the dump); their JSON
    Lines are also written to prefix_out when given (so that alam can be timed on the same
    input)."""
    texts, total = [], 0
    out = open(prefix_out, "w", encoding="utf-8") if prefix_out else None
    with open(dump, encoding="utf-8") as f:
        for i, line in enumerate(f):
            if not line.strip() or i % stride != 0:
                continue
            text = json.loads(line).get("text") or ""
            texts.append(text)
            if out:
                out.write(line)
            total += len(text.encode("utf-8"))
            if total >= max_bytes:
                break
    if out:
        out.close()
    return texts, total


def word_chars():
    """Characters that continue a word: letters, marks, digits and '_' (BMP)."""
    chars = set("_")
    for cp in range(0x10000):
        c = chr(cp)
        if c.isalnum() or unicodedata.category(c).startswith("M"):
            chars.add(c)
    return frozenset(chars)


class KeywordProcessor:
    """FlashText's KeywordProcessor, reduced to add_keyword and extract_keywords."""

    def __init__(self, non_word_boundaries):
        self.trie = {}
        self.non_word_boundaries = non_word_boundaries

    def add_keyword(self, keyword, clean_name=None):
        node = self.trie
        for ch in keyword.lower():
            node = node.setdefault(ch, {})
        node[_KEYWORD] = clean_name or keyword

    def extract_keywords(self, sentence):
        # A transcription of flashtext 2.7 KeywordProcessor.extract_keywords(span_info=True).
        found = []
        sentence = sentence.lower()
        trie = self.trie
        nwb = self.non_word_boundaries
        current = trie
        seq_start = 0
        seq_end = 0
        reset = False
        idx = 0
        n = len(sentence)
        while idx < n:
            char = sentence[idx]
            if char not in nwb:
                if _KEYWORD in current or char in current:
                    longest = None
                    longer = False
                    if _KEYWORD in current:
                        longest = current[_KEYWORD]
                        seq_end = idx
                    if char in current:
                        cont = current[char]
                        idy = idx + 1
                        while idy < n:
                            inner = sentence[idy]
                            if inner not in nwb and _KEYWORD in cont:
                                longest = cont[_KEYWORD]
                                seq_end = idy
                                longer = True
                            if inner in cont:
                                cont = cont[inner]
                            else:
                                break
                            idy += 1
                        else:
                            if _KEYWORD in cont:
                                longest = cont[_KEYWORD]
                                seq_end = idy
                                longer = True
                        if longer:
                            idx = seq_end
                    current = trie
                    if longest:
                        found.append((longest, seq_start, idx))
                    reset = True
                else:
                    current = trie
                    reset = True
            elif char in current:
                current = current[char]
            else:
                current = trie
                reset = True
                idy = idx + 1
                while idy < n:
                    if sentence[idy] not in nwb:
                        break
                    idy += 1
                idx = idy
            if idx + 1 >= n:
                if _KEYWORD in current:
                    found.append((current[_KEYWORD], seq_start, n))
            idx += 1
            if reset:
                reset = False
                seq_start = idx
        return found


def run_flashtext(aliases, texts, nwb):
    kp = KeywordProcessor(nwb)
    for a in aliases:
        kp.add_keyword(a)
    matches = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for text in texts:
        matches += len(kp.extract_keywords(text))
    return matches, time.perf_counter() - t0, time.process_time() - c0


def run_pyahocorasick(aliases, texts, nwb):
    import ahocorasick  # Debian: python3-ahocorasick

    automaton = ahocorasick.Automaton()
    for a in aliases:
        automaton.add_word(a.lower(), a)
    automaton.make_automaton()
    matches = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for text in texts:
        low = text.lower()
        n = len(low)
        for end, alias in automaton.iter_long(low):
            start = end - len(alias) + 1
            if (start == 0 or low[start - 1] not in nwb) and (end + 1 == n or low[end + 1] not in nwb):
                matches += 1
    return matches, time.perf_counter() - t0, time.process_time() - c0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gazetteer-dir", required=True)
    ap.add_argument("--dump", required=True)
    ap.add_argument("--max-bytes", type=int, default=20_000_000)
    ap.add_argument("--engine", default="all", choices=["flashtext", "pyahocorasick", "all"])
    ap.add_argument("--write-prefix", help="write the documents used, as JSON Lines, here")
    ap.add_argument("--stride", type=int, default=1, help="use every N-th document")
    args = ap.parse_args()

    aliases = load_aliases(args.gazetteer_dir)
    texts, nbytes = load_texts(args.dump, args.max_bytes, args.write_prefix,
                               max(1, args.stride))
    nwb = word_chars()
    print(f"# {len(aliases)} aliases, {len(texts)} documents, {nbytes} bytes", file=sys.stderr)
    engines = ["flashtext", "pyahocorasick"] if args.engine == "all" else [args.engine]
    for engine in engines:
        try:
            fn = run_flashtext if engine == "flashtext" else run_pyahocorasick
            matches, wall, cpu = fn(aliases, texts, nwb)
        except ImportError as e:
            print(f"# {engine}: not available ({e})", file=sys.stderr)
            continue
        print(f"{engine}\t{nbytes / 1e6 / cpu:.2f}\t{nbytes / 1e6 / wall:.2f}\t{len(texts)}\t"
              f"{nbytes}\t{matches}\t{cpu:.3f}\t{wall:.3f}")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
