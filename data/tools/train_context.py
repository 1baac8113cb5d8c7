#!/usr/bin/env python3
"""Trains alam's context model: writes data/context_model.tsv (GENERATED; compiled into the
library by the build like the gazetteer).

    /usr/bin/python3 data/tools/train_context.py build/release/alam [--ref-docs N] [--out F]

What it learns: whether an alias that is also an ordinary word (gazetteer/ambiguous.tsv) names
an entity where it stands, from the words and trigger classes around it. The features are made
by the library itself (src/context/context_model.cc), read here from `alam extract
--keep-ungated --explain-all`, so training and inference cannot drift apart.

The examples (every candidate of an ambiguous alias the extractor reports):
  * war news (the three `*_war_subset.jsonl` files of ../shared/corpora, without the documents
    of tests/eval: neither the tuning nor the test part nor the look-alike set): a candidate
    with gating evidence (a trigger word before it, a close relative named nearby, a cue next
    to it, quotes) is a name (distant supervision); one without evidence is taken as a word
    (positive-unlabelled learning: most of them are words, and counting them keeps an alias's
    weight from saying only "frequent in war news");
  * reference news (non-war categories of the ANT corpora and non-war SaudiNewsNet articles,
    as data/tools/ambiguity.py tells them apart; every k-th document): a candidate with
    evidence is a name, one without is an ordinary word;
The gold of tests/eval is not trained on: its tuning part chose @keep (below), its test part
and the look-alike set are only scored.
The gating evidence is never learned (the distant labels are made from it: the features that
make it up are masked in those examples); the resolver keeps a candidate with evidence as before
(ContextModel::Keep), and one without when its score reaches @keep.

@keep (KEEP) was chosen on the tuning part and on the war subsets, not on the test part or the
look-alike set: on the tuning part every value from 1 to 5 gives strict micro F1 0.942-0.943
(0.942 with the model off); on the war subsets (evaluation documents left out) the names an
earlier training run added without evidence were right 11 of 30 sampled at 2 and 19 of 25 at 4;
this run adds 25 at 5, 22 of them right (three are the word "state" or "base"): 5 it is, the
model adds names only where it is nearly sure (2026-12-05).
"""
import argparse
import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests", "eval"))
sys.path.insert(0, HERE)
import corpus_texts  # noqa: E402
import ambiguity  # noqa: E402

MIN_COUNT = 3
MIN_WEIGHT = 0.02
C = 0.5
KEEP = 5.0   # the score a candidate without evidence must reach (log-odds; see the docstring)
EXPLAIN = re.compile(r"^context [+-][0-9.]+ (?:keep|drop) \(evidence:([^)]*)\)(?:: (.*))?$")


def body_key(text):
    return hashlib.sha1(re.sub(r"\s+", " ", text).strip()[-400:].encode("utf-8")).hexdigest()


def eval_keys():
    """The documents of tests/eval (tuning and test parts, look-alike set)."""
    ev = os.path.join(ROOT, "tests", "eval")
    keys = {l.split("\t")[0] for l in open(os.path.join(ev, "articles.tsv"), encoding="utf-8")}
    keys.discard("key")
    for name in ("gold-tune.jsonl", "gold-test.jsonl", "lookalike.jsonl"):
        for l in open(os.path.join(ev, name), encoding="utf-8"):
            keys.add(json.loads(l)["doc"])
    return keys


def war_docs(excluded):
    for corpus in corpus_texts.CORPORA:
        for r in corpus_texts.records(corpus):
            key = f"{corpus}:{r['_source_line']}"
            if key not in excluded:
                yield key, corpus_texts.text_of(corpus, r)


def reference_docs(every, excluded_bodies):
    corpora = os.path.join(corpus_texts.SHARED, "corpora")
    n = 0
    for name, path in (("ant", "ant-multisource/antcorpus_multisource_v2.1.jsonl.gz"),
                       ("ant1", "ant-v1.1/antcorpus_v1.1.jsonl.gz")):
        with gzip.open(os.path.join(corpora, path), "rt", encoding="utf-8") as f:
            for i, line in enumerate(f):
                d = json.loads(line)
                if d.get("cat") not in ambiguity.REF_CATS:
                    continue
                n += 1
                text = ((d.get("title") or "") + "\n\n" + (d.get("text") or "")).strip()
                if n % every == 0 and body_key(text) not in excluded_bodies:
                    yield f"ref-{name}:{i}", text
    sn = os.path.join(corpora, "saudinewsnet", "dataset")
    for zname in sorted(os.listdir(sn)):
        with zipfile.ZipFile(os.path.join(sn, zname)) as z:
            for member in z.namelist():
                for j, d in enumerate(json.loads(z.read(member).decode("utf-8"))):
                    text = ((d.get("title") or "") + "\n\n" + (d.get("content") or "")).strip()
                    if ambiguity._is_war(text):
                        continue
                    n += 1
                    if n % every == 0 and body_key(text) not in excluded_bodies:
                        yield f"ref-snn:{zname}:{member}:{j}", text


def run(cli, docs, path):
    with open(path + ".in.jsonl", "w", encoding="utf-8") as f:
        count = 0
        for key, text in docs:
            f.write(json.dumps({"id": key, "text": text}, ensure_ascii=False) + "\n")
            count += 1
    with open(path, "wb") as out:
        subprocess.run([cli, "extract", "-q", "--keep-ungated", "--explain-all", path + ".in.jsonl"],
                       stdout=out, check=True)
    return count


def candidates(path):
    """(doc, entity, evidence, features) of every explained entity of an output file."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            for e in rec["entities"]:
                m = EXPLAIN.match(e.get("explain", ""))
                if not m:
                    continue
                evidence = set(m.group(1).split()) - {"none"}
                feats = [p.rsplit(" ", 1)[0] for p in (m.group(2) or "").split(" \u00b7 ") if p]
                yield rec["doc"], e, evidence, feats


# The features that make up each kind of gating evidence: a label made from the evidence must
# not be learned from them (else the model learns the labelling rule, not the context).
MASK = {"trigger": ("t-1:", "w-1:", "aw-1:", "s-1:"),
        "cue": ("w+1:", "aw+1:", "s+1:", "t+1:", "cl:")}


def masked(feats, evidence):
    drop = tuple(p for kind in evidence for p in MASK.get(kind, ()))
    return [f for f in feats if not f.startswith(drop)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("cli")
    ap.add_argument("--ref-docs-every", type=int, default=4, help="take every k-th reference document")
    ap.add_argument("--out", default=os.path.join(ROOT, "data", "context_model.tsv"))
    ap.add_argument("--keep", type=float, default=KEEP)
    args = ap.parse_args()
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    excluded = eval_keys()
    ex_texts = corpus_texts.load(sorted(k for k in excluded))
    excluded_bodies = {body_key(t.split("\n\n", 1)[-1]) for t in ex_texts.values()}
    excluded_bodies |= {body_key(t) for t in ex_texts.values()}
    X, y = [], []
    counts = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        sizes = {
            "war": run(args.cli, war_docs(excluded), os.path.join(tmp, "war.jsonl")),
            "reference": run(args.cli, reference_docs(args.ref_docs_every, excluded_bodies),
                             os.path.join(tmp, "ref.jsonl")),
        }
        for part in ("war", "reference"):
            for doc, e, evidence, feats in candidates(os.path.join(tmp, part.replace("erence", "") + ".jsonl")):
                if part == "war":
                    label = 1 if evidence else 0
                else:
                    label = 1 if evidence else 0
                X.append(masked(feats, evidence))
                y.append(label)
                counts[(part, label)] += 1
    df = Counter(f for feats in X for f in set(feats))
    rows = [{f: 1 for f in feats if df[f] >= MIN_COUNT} for feats in X]
    vec = DictVectorizer()
    M = vec.fit_transform(rows)
    model = LogisticRegression(C=C, solver="liblinear", class_weight="balanced", max_iter=2000)
    model.fit(M, y)
    acc = model.score(M, y)
    names = vec.get_feature_names_out()
    weights = sorted((n, float(c)) for n, c in zip(names, model.coef_[0]) if abs(c) >= MIN_WEIGHT)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# GENERATED by data/tools/train_context.py — do not edit by hand; see its docstring\n")
        f.write("# and data/SOURCES.md (\"Context model\") for the training data and its licences.\n")
        f.write("# documents: war %d, reference %d\n" % (sizes["war"], sizes["reference"]))
        f.write("# examples (name/word): war %d/%d, reference %d/%d\n" % (
            counts[("war", 1)], counts[("war", 0)], counts[("reference", 1)],
            counts[("reference", 0)]))
        f.write("# features %d (seen >= %d times), kept %d (|weight| >= %g); C=%g; training accuracy %.3f\n" % (
            len(names), MIN_COUNT, len(weights), MIN_WEIGHT, C, acc))
        f.write("feature\tweight\n")
        f.write("@bias\t%.4f\n@keep\t%.4f\n" % (model.intercept_[0], args.keep))
        for n, c in weights:
            f.write("%s\t%.4f\n" % (n, c))
    print("examples %s; features %d, kept %d; training accuracy %.3f" % (
        dict(counts), len(names), len(weights), acc))


if __name__ == "__main__":
    main()
