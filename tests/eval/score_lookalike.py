#!/usr/bin/env python3
"""Scores alam's output on the look-alike set (tests/eval/lookalike.jsonl, LOOKALIKE.md).

Each row is one occurrence of an alias that is also an ordinary word or a person's name,
labelled `name` (with its type) or `word`. A name use is found when an entity of that type
overlaps the occurrence; a word use is left alone when no entity overlaps it.

    score_lookalike.py LOOKALIKE.jsonl PRED.jsonl [--min-word X] [--min-name Y]

PRED.jsonl: alam's JSON Lines records for the documents (`corpus_texts.py lookalike-dump`).
Exits 1 when a share falls below its bar.
"""
import argparse
import collections
import json
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--min-word", type=float, default=0.0)
    ap.add_argument("--min-name", type=float, default=0.0)
    ap.add_argument("--show", action="store_true", help="list the errors")
    a = ap.parse_args()
    pred = {}
    for line in open(a.pred, encoding="utf-8"):
        r = json.loads(line)
        pred[r["doc"]] = r.get("entities", [])
    counts = collections.Counter()
    per_alias = collections.defaultdict(collections.Counter)
    for line in open(a.gold, encoding="utf-8"):
        g = json.loads(line)
        if g["doc"] not in pred:
            sys.exit(f"no prediction for {g['doc']}")
        hits = [e for e in pred[g["doc"]] if e["start"] < g["end"] and g["start"] < e["end"]]
        if g["label"] == "word":
            ok = not hits
        else:
            ok = any(e["type"] == g["type"] for e in hits)
        counts[g["label"], ok] += 1
        per_alias[g["alias"]][g["label"], ok] += 1
        if a.show and not ok:
            got = ", ".join(f"{e['type']} {e.get('id', '')}" for e in hits) or "nothing"
            print(f"  {g['label']:4} {g.get('type') or '':12} {g['alias']}  {g['doc']}:{g['start']}  got {got}  ({g['note']})")
    word = counts["word", True] / max(1, counts["word", True] + counts["word", False])
    name = counts["name", True] / max(1, counts["name", True] + counts["name", False])
    print(f"word uses left alone: {word:.3f} ({counts['word', True]}/{counts['word', True] + counts['word', False]})")
    print(f"name uses found with their type: {name:.3f} ({counts['name', True]}/{counts['name', True] + counts['name', False]})")
    if word < a.min_word or name < a.min_name:
        sys.exit(1)


if __name__ == "__main__":
    main()
