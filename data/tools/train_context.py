#!/usr/bin/env python3
"""Trains alam's context model: writes data/context_model.tsv (GENERATED; compiled into the
library by the build like the gazetteer).

    /usr/bin/python3 data/tools/train_context.py build/release/alam [--ref-docs-every K] [--out F]

What it learns: whether an alias that is also an ordinary word (gazetteer/ambiguous.tsv) names
an entity where it stands, from the words and trigger classes around it. The features are made
by the library itself (src/context/context_model.cc), read here from `alam extract
--keep-ungated --explain-all`, so training and inference cannot drift apart.

The examples (every candidate of an ambiguous alias the extractor reports):
  * labelled war news (data/training/context_labels.tsv), judged from the text: a name of the
    candidate's type and entry = 1, a word, a part of a longer name or another entity = 0;
    sample `none`, 1,600 candidates without gating evidence (27 names), sample `cue`, the 265
    candidates whose only support was a cue (84 names); weighted LABEL_WEIGHT;
  * the other candidates in war news (the three `*_war_subset.jsonl` files of ../shared/corpora,
    without the documents of tests/eval: neither the tuning nor the test part nor the look-alike
    set): one with gating evidence (a trigger word before it, a close relative named nearby,
    quotes, a cue that gates, a name of its type joined to it by و) is a name (distant
    supervision); one without is taken as a word
    (positive-unlabelled: the labelled sample says 98% of them are); one with only a weak cue is
    left out (a third of those are names), and so is one the document keeps because it names the
    same alias after a trigger word elsewhere (evidence `document`, the resolver's
    ConfirmByDocument: mostly names, تنظيم القاعدة … قدرة القاعدة);
  * reference news (non-war categories of the ANT corpora and non-war SaudiNewsNet articles,
    as data/tools/ambiguity.py tells them apart; every k-th document), labelled the same way.
The gold of tests/eval is not trained on: its tuning part was used to check the thresholds, its
test part and the look-alike set are only scored.
The gating evidence is never learned (the distant labels are made from it: the features that
make it up are masked in those examples); the resolver keeps a candidate with evidence as before
(ContextModel::Keep), one with a weak cue when its score reaches @keep_cue, one with neither
when it reaches @keep. Without a cue only the aliases listed as `r:` rows are read at all:
those with a training candidate within READ_MARGIN of @keep (157 of 1,385 in the last run);
the context of the others never lifted them near it. A labelled candidate the resolver now drops
before the model (36 adjectives such as الصحية، التونسية since the noun-phrase checks) is
reported and left out.

The thresholds: five-fold cross-validation over the labelled candidates (each fold's model
trained on everything else) prints, per sample and threshold, how many held-out candidates are
kept and how many of them are names. Run of 2026-12-05 (data/context_model.tsv holds its
weights; a rerun with the joined evidence and without the 36 dropped adjectives gave `none` 27
names of 1,564, 5 keeps 5 (4 names), `cue` 3 keeps 78 (69), the same evaluation figures and 4 decisions changed on the war subsets — القائم and مأرب lost, الدولة
"the state" dropped, القاعدة gained — but put رئيس بلدية القائم at 3.997, under @keep_doc.
Chosen again on the rerun's scores the way it was first (document-confirmed candidates over the
war subsets: 4 or more 24, two of them الدولة "the state"; 3.5 to 4 ten, six right — القائم,
مأرب, مديرا, القاعدة twice, الدولة for IS once), @keep_doc stays 4 and القائم and مأرب are lost,
so the rerun's weights were not committed; the labelled sample needs such cases first):
  * `none` (27 names of 1,600): 3 keeps 13 (6 names), 4 keeps 9 (5), 5 keeps 5 (3); below 5 the
    additions are half wrong or worse, so @keep = 5: the model adds a name only where it is
    nearly sure. On the war subsets it then adds 34 names, 31 right (al-Qaeda 26, Tiyas air
    base, the Guardian, Congress, Abyan; wrong: الدولة "the state" twice, القاعدة "the base").
  * `cue` (84 names of 265): 2 keeps 89 (72 names), 3 keeps 77 (68), 4 keeps 70 (64); F1 is
    highest at 3 (P 0.88, R 0.81), so @keep_cue = 3. Before, every such candidate was kept
    (P 0.32). On the war subsets 175 names go: 23 of 25 sampled were wrong (الغرب "the West",
    ضمان, بدأ, أصبح …; two right: الخبر Khobar in a list, الجزيرة in Anbar).
On the tuning part strict F1 goes from 0.942 (model off) to 0.943.
  * `@keep_doc` (a candidate without evidence whose entry the segment names elsewhere with
    evidence or an unambiguous alias; src/resolve/resolver.cc ConfirmByDocument): of the
    labelled candidates 38 are such (15 names, 18 words, 5 parts); every name but two scores
    2.8 or more, every word 0.3 or less. Over the war subsets (all candidates, 2026-12-05) the
    score sorts them so: 2 or more 86 (36 of them الدولة "the state", nearly all wrong), 3 or
    more 51 (15 الدولة), 4 or more 27 (3 الدولة; القاعدة 17, القائم, الحديدة, أحواز …), so
    @keep_doc = 4.
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
KEEP_CUE = 3.0  # the score a candidate with only a cue must reach (see the docstring)
KEEP_DOC = 4.0  # the score a candidate without evidence must reach when the document names its
                # entry elsewhere with evidence (see the docstring)
LABELS = os.path.join(ROOT, "data", "training", "context_labels.tsv")
LABEL_WEIGHT = 10.0  # a labelled candidate counts as this many distant ones
READ_MARGIN = 2.0    # an alias's context is read when a training candidate came this near @keep
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
        "placed": ("w+1:", "aw+1:", "s+1:", "t+1:", "cl:", "cue:"),
        "joined": ("w-1:", "aw-1:", "s-1:", "t-1:", "w+1:", "aw+1:", "s+1:", "t+1:", "cl:")}
# The evidence that makes a distant label "name"; a cue does not (labelled: a third right).
GATING = {"trigger", "relative", "placed", "quoted", "joined"}


def masked(feats, evidence):
    drop = tuple(p for kind in evidence for p in MASK.get(kind, ()))
    return [f for f in feats if not f.startswith(drop)]


def read_labels(path):
    """{(doc, byte_start): (1 if a name of the candidate's type and entry else 0, sample)}."""
    out = {}
    with open(path, encoding="utf-8") as f:
        rows = [l.rstrip("\n").split("\t") for l in f if not l.startswith("#")]
    head = rows[0]
    for r in rows[1:]:
        d = dict(zip(head, r))
        out[(d["doc"], int(d["byte_start"]))] = (int(
            d["label"] == "name" and d["type"] == d["candidate_type"] and d["same_entity"] != "no"),
            d["sample"])
    return out


def fit(X, y, w):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    df = Counter(f for feats in X for f in set(feats))
    rows = [{f: 1 for f in feats if df[f] >= MIN_COUNT} for feats in X]
    vec = DictVectorizer()
    M = vec.fit_transform(rows)
    model = LogisticRegression(C=C, solver="liblinear", class_weight="balanced", max_iter=2000)
    model.fit(M, y, sample_weight=w)
    weights = {n: float(c) for n, c in zip(vec.get_feature_names_out(), model.coef_[0])
               if abs(c) >= MIN_WEIGHT}
    return float(model.intercept_[0]), weights, M.shape[1], model.score(M, y, sample_weight=w)


def score(bias, weights, feats):
    return bias + sum(weights.get(f, 0.0) for f in feats)


def cross_validate(X, y, w, labelled, folds=5):
    """Held-out scores of the labelled examples: each fold's model is trained on every other
    example (the distant ones and the other folds)."""
    held = []
    for k in range(folds):
        out = [i for i in labelled if i % folds == k]
        out_set = set(out)
        keep = [i for i in range(len(X)) if i not in out_set]
        bias, weights, _, _ = fit([X[i] for i in keep], [y[i] for i in keep], [w[i] for i in keep])
        held += [(i, (score(bias, weights, X[i]), y[i])) for i in out]
    return held


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("cli")
    ap.add_argument("--ref-docs-every", type=int, default=4, help="take every k-th reference document")
    ap.add_argument("--out", default=os.path.join(ROOT, "data", "context_model.tsv"))
    ap.add_argument("--keep", type=float, default=KEEP)
    ap.add_argument("--keep-cue", type=float, default=KEEP_CUE)
    args = ap.parse_args()

    excluded = eval_keys()
    ex_texts = corpus_texts.load(sorted(k for k in excluded))
    excluded_bodies = {body_key(t.split("\n\n", 1)[-1]) for t in ex_texts.values()}
    excluded_bodies |= {body_key(t) for t in ex_texts.values()}
    labels = read_labels(LABELS)
    X, y, w, labelled, sample = [], [], [], [], {}
    counts = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        sizes = {
            "war": run(args.cli, war_docs(excluded), os.path.join(tmp, "war.jsonl")),
            "reference": run(args.cli, reference_docs(args.ref_docs_every, excluded_bodies),
                             os.path.join(tmp, "ref.jsonl")),
        }
        for part in ("war", "reference"):
            for doc, e, evidence, feats in candidates(os.path.join(tmp, part.replace("erence", "") + ".jsonl")):
                key = (doc, e["byte_start"])
                if part == "war" and key in labels:
                    label, sample[len(X)] = labels.pop(key)
                    part_label, weight = "labelled-" + sample[len(X)], LABEL_WEIGHT
                    labelled.append(len(X))
                    X.append(feats)
                elif evidence and not evidence & GATING:
                    continue  # a cue or the document alone: no distant label
                else:
                    part_label, label, weight = part, 1 if evidence else 0, 1.0
                    X.append(masked(feats, evidence))
                y.append(label)
                w.append(weight)
                counts[(part_label, label)] += 1
    if labels:
        # A labelled word the resolver now drops before the model (an adjective after a noun,
        # الصحية، التونسية: Context::NounPhrase, AdjectiveReading) is no longer a candidate.
        print("%d labelled candidates no longer reach the model (dropped before it): %s"
              % (len(labels), sorted(labels)[:5]), file=sys.stderr)
    held = cross_validate(X, y, w, labelled)
    tables = {}
    for kind in ("none", "cue"):
        part = [(s, l) for i, (s, l) in held if sample[i] == kind]
        rows = []
        for t in range(-6, 7):
            kept = [l for s, l in part if s >= t]
            rows.append((t, len(kept), sum(kept)))
        tables[kind] = (sum(l for _, l in part), len(part), rows)
        print("held-out labelled candidates, sample %s (%d names of %d): threshold kept names"
              % (kind, tables[kind][0], tables[kind][1]))
        for t, k, n in rows:
            print("  %+d %d %d" % (t, k, n))
    bias, weights, nfeat, acc = fit(X, y, w)
    # The aliases whose context is read (ContextModel::Reads): those with a training candidate
    # scoring within READ_MARGIN of @keep. The other aliases never came near it.
    best = {}
    for f in X:
        a = next((x for x in f if x.startswith("a:")), None)
        if a is not None:
            best[a] = max(best.get(a, -1e9), score(bias, weights, f))
    read = sorted(a[2:] for a, b in best.items() if b >= args.keep - READ_MARGIN)
    print("aliases read: %d of %d" % (len(read), len(best)))
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# GENERATED by data/tools/train_context.py — do not edit by hand; see its docstring\n")
        f.write("# and data/SOURCES.md (\"Context model\") for the training data and its licences.\n")
        f.write("# documents: war %d, reference %d\n" % (sizes["war"], sizes["reference"]))
        f.write("# examples (name/word): labelled without evidence %d/%d and with a cue %d/%d (weight %g),\n"
                "# war %d/%d, reference %d/%d\n" % (
            counts[("labelled-none", 1)], counts[("labelled-none", 0)], counts[("labelled-cue", 1)],
            counts[("labelled-cue", 0)], LABEL_WEIGHT, counts[("war", 1)], counts[("war", 0)],
            counts[("reference", 1)], counts[("reference", 0)]))
        f.write("# features %d (seen >= %d times), kept %d (|weight| >= %g); C=%g; training accuracy %.3f\n" % (
            nfeat, MIN_COUNT, len(weights), MIN_WEIGHT, C, acc))
        for kind, t in (("none", args.keep), ("cue", args.keep_cue)):
            names, n, rows = tables[kind]
            kept = [r for r in rows if r[0] == round(t)]
            if kept:
                f.write("# held-out labelled candidates (%s) at %g: %d kept, %d of them names (of %d in %d)\n"
                        % (kind, t, kept[0][1], kept[0][2], names, n))
        f.write("feature\tweight\n")
        f.write("@bias\t%.4f\n@keep\t%.4f\n@keep_cue\t%.4f\n@keep_doc\t%.4f\n"
                % (bias, args.keep, args.keep_cue, KEEP_DOC))
        for a in read:
            f.write("r:%s\t1\n" % a)
        for n in sorted(weights):
            f.write("%s\t%.4f\n" % (n, weights[n]))
    print("examples %s; features %d, kept %d; training accuracy %.3f" % (
        dict(counts), nfeat, len(weights), acc))


if __name__ == "__main__":
    main()
