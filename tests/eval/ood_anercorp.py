#!/usr/bin/env python3
"""Out-of-domain check on the ANERcorp test split (CAMeL Lab split, ../shared/corpora/anercorp):
LOC, PERS and ORG precision, recall and F1 of `alam extract`. Reporting only: nothing in alam
is built, trained or tuned on ANERcorp (its licence and the evaluation rules keep it a held-out
check).

ANERcorp tags whole whitespace tokens, proclitics included (وبغداد is one B-LOC token), while
alam's spans leave a proclitic out; so each alam entity is widened to the tokens it touches
before comparing. A sentence is one document: its tokens joined by single spaces.
Type mapping: PLACE -> LOC; PERSON -> PERS; ORGANIZATION and FACTION -> ORG (ANERcorp tags
armies, parties and governments as ORG); OPERATION is not scored. MISC is ignored on both sides.

Usage: ood_anercorp.py [--cli build/release/alam] [--split PATH]
Prints strict (same tokens) and overlap (any shared token, one-to-one) figures per type.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_SPLIT = os.path.join(ROOT, "..", "shared", "corpora", "anercorp",
                             "ANERCorp_CamelLab_test.txt")
TYPE_MAP = {"PLACE": "LOC", "PERSON": "PERS", "ORGANIZATION": "ORG", "FACTION": "ORG"}
TYPES = ("LOC", "PERS", "ORG")


def read_sentences(path):
    """[[(token, tag)]] — blank lines end sentences; the last field is the tag."""
    sentences, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts:
                if cur:
                    sentences.append(cur)
                cur = []
                continue
            if len(parts) < 2:
                continue  # an empty token
            cur.append((parts[0], parts[-1]))
    if cur:
        sentences.append(cur)
    return sentences


def gold_spans(sentence):
    """{(first_token, last_token_exclusive, TYPE)} from IOB2 tags."""
    spans, start, typ = set(), None, None
    for i, (_, tag) in enumerate(sentence + [("", "O")]):
        if start is not None and not (tag.startswith("I-") and tag[2:] == typ):
            spans.add((start, i, typ))
            start = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, typ = i, tag[2:]
    return {s for s in spans if s[2] in TYPES}


def token_starts(sentence):
    starts, pos = [], 0
    for tok, _ in sentence:
        starts.append(pos)
        pos += len(tok) + 1
    return starts


def predicted_spans(sentence, entities):
    starts = token_starts(sentence)
    ends = [s + len(t) for s, (t, _) in zip(starts, sentence)]
    spans = set()
    for e in entities:
        typ = TYPE_MAP.get(e["type"])
        if typ is None:
            continue
        first = max(i for i, s in enumerate(starts) if s <= e["start"])
        last = min(i for i, end in enumerate(ends) if end >= e["end"])
        spans.add((first, last + 1, typ))
    return spans


def prf(tp, n_pred, n_gold):
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def overlap_tp(gold, pred):
    """One-to-one matches of same-type spans sharing a token (greedy in text order)."""
    used, tp = set(), 0
    for g in sorted(gold):
        for p in sorted(pred):
            if p in used or p[2] != g[2] or p[0] >= g[1] or g[0] >= p[1]:
                continue
            used.add(p)
            tp += 1
            break
    return tp


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cli", default=os.environ.get("ALAM_CLI",
                                                    os.path.join(ROOT, "build/release/alam")))
    ap.add_argument("--split", default=DEFAULT_SPLIT)
    args = ap.parse_args()
    if not os.path.exists(args.split):
        print("ANERcorp split not found:", args.split, file=sys.stderr)
        return 77
    sentences = read_sentences(args.split)
    with tempfile.TemporaryDirectory() as tmp:
        inp = os.path.join(tmp, "anercorp.jsonl")
        with open(inp, "w", encoding="utf-8") as f:
            for i, s in enumerate(sentences):
                f.write(json.dumps({"id": str(i), "text": " ".join(t for t, _ in s)},
                                   ensure_ascii=False) + "\n")
        out = subprocess.run([args.cli, "extract", "-q", inp], capture_output=True, text=True,
                             check=True).stdout
    records = [json.loads(l) for l in out.splitlines()]
    assert len(records) == len(sentences), "a sentence was dropped"
    counts = {t: [0, 0, 0, 0] for t in TYPES}  # strict tp, overlap tp, pred, gold
    for s, rec in zip(sentences, records):
        gold, pred = gold_spans(s), predicted_spans(s, rec["entities"])
        for t in TYPES:
            g = {x for x in gold if x[2] == t}
            p = {x for x in pred if x[2] == t}
            counts[t][0] += len(g & p)
            counts[t][1] += overlap_tp(g, p)
            counts[t][2] += len(p)
            counts[t][3] += len(g)
    print(f"ANERcorp CAMeL test split: {len(sentences)} sentences")
    print("type  gold  pred   strict P/R/F1        overlap P/R/F1")
    for t in TYPES:
        stp, otp, n_pred, n_gold = counts[t]
        sp, sr, sf = prf(stp, n_pred, n_gold)
        op, orr, of = prf(otp, n_pred, n_gold)
        print(f"{t:<5} {n_gold:>4} {n_pred:>5}   {sp:.3f} {sr:.3f} {sf:.3f}    "
              f"{op:.3f} {orr:.3f} {of:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
