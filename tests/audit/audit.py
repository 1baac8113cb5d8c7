#!/usr/bin/python3
"""Precision audit of alam's output over the three war subsets.

Usage (from the repository root; standard library only):

  /usr/bin/python3 tests/audit/audit.py sample [--cli PATH] [--out FILE] [--n 300]
                                              [--seed 20261123] [--keep-verdicts FILE]
      Runs the CLI (PATH, else $ALAM_CLI, else build/release/alam) with its default
      options (embedded gazetteer, rules on) over the war subsets, pools every entity,
      ranks each one by sha1("SEED|corpus|doc|byte_start|byte_end|type|id") and takes the
      N smallest (a stable pseudo-random sample: an entity the code still outputs keeps
      its rank whatever else changes, so re-runs share most rows) and writes them as a TSV
      (columns below, `verdict` and `note` left empty, unless --keep-verdicts names an
      earlier filled TSV whose verdicts are carried over for identical rows; it may be
      given more than once).  Prints
      the totals: documents, entities per type, per source (alias / rule:...), and the
      net number of entities the rules add (a second run with --no-rules).
      With --source-prefix rule: --n 100 --out tests/audit/rules-audit.tsv it draws the
      supplementary sample of rule-made entities only.  --dump FILE writes the whole pool
      as JSON Lines (for counting an alias+id over the whole output).

  /usr/bin/python3 tests/audit/audit.py summarize [FILE]
      Reads the verdict-filled TSV (default tests/audit/precision-audit.tsv) and prints
      precision by type, by source (alias vs rule) and overall.

Verdicts: correct, wrong-link, wrong-type, partial, not-entity.
Precision = (correct + wrong-link) / all;  strict = correct / all.
"""
import argparse
import collections
import hashlib
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPORA = "/work/shared/corpora"
# (short name, path, id field, text fields)
SUBSETS = [
    ("saudinewsnet", CORPORA + "/saudinewsnet/saudinewsnet_war_subset.jsonl",
     "_source_line", ["title", "content"]),
    ("ant-multisource", CORPORA + "/ant-multisource/antcorpus_multisource_war_subset.jsonl",
     "docno", ["title", "text"]),
    ("ant-v1.1", CORPORA + "/ant-v1.1/antcorpus_v1.1_war_subset.jsonl",
     "docno", ["title", "text"]),
]
COLUMNS = ["n", "corpus", "doc", "start", "end", "text", "type", "subtype", "id", "name_en",
           "source", "score", "context", "verdict", "note"]
VERDICTS = ["correct", "wrong-link", "wrong-type", "partial", "not-entity"]
CONTEXT = 60
DEFAULT_TSV = os.path.join(ROOT, "tests", "audit", "precision-audit.tsv")


def clean(s):
    return " ".join(str(s).replace("\t", " ").replace("\r", " ").replace("\n", " ").split(" "))


def join_text(rec, fields):
    # Mirrors the CLI: present, non-empty fields joined with a blank line between them.
    parts = []
    for f in fields:
        v = rec.get(f)
        if isinstance(v, str) and v != "":
            parts.append(v)
    return "\n\n".join(parts)


def run_cli(cli, path, id_field, fields, extra=()):
    cmd = [cli, "extract", "--id-field", id_field] + list(extra)
    for f in fields:
        cmd += ["--text-field", f]
    cmd.append(path)
    with tempfile.TemporaryFile() as out:
        rc = subprocess.call(cmd, stdout=out)
        if rc not in (0, 1):
            sys.exit("audit.py: %s exited with %d" % (" ".join(cmd), rc))
        out.seek(0)
        return [json.loads(line) for line in out.read().decode("utf-8").splitlines() if line.strip()]


def cmd_sample(args):
    cli = args.cli or os.environ.get("ALAM_CLI") or os.path.join(ROOT, "build", "release", "alam")
    pool = []
    docs = collections.Counter()
    failed = 0
    mismatched = 0
    for name, path, id_field, fields in SUBSETS:
        texts = {}
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rec = json.loads(line)
                    texts[str(rec.get(id_field))] = join_text(rec, fields)
        for res in run_cli(cli, path, id_field, fields):
            docs[name] += 1
            if "error" in res:
                failed += 1
                continue
            doc = str(res.get("doc"))
            text = texts.get(doc, "")
            for e in res.get("entities", []):
                s, t = e["start"], e["end"]
                if text[s:t] != e["text"]:
                    mismatched += 1
                ctx = (clean(text[max(0, s - CONTEXT):s]) + "⟦" + clean(text[s:t]) + "⟧" +
                       clean(text[t:t + CONTEXT]))
                pool.append({
                    "corpus": name, "doc": doc, "start": s, "end": t,
                    "byte_start": e.get("byte_start", ""), "byte_end": e.get("byte_end", ""),
                    "text": clean(e["text"]),
                    "type": e.get("type", ""), "subtype": e.get("subtype", ""),
                    "id": e.get("id", ""), "name_en": clean(e.get("name_en", "")),
                    "source": e.get("source", ""), "score": e.get("score", ""),
                    "context": ctx, "verdict": "", "note": ""})

    by_type = collections.Counter(e["type"] for e in pool)
    by_source = collections.Counter(e["source"] for e in pool)
    rules = sum(c for s, c in by_source.items() if s.startswith("rule:"))
    print("documents processed: %d (%s); failed: %d" % (
        sum(docs.values()), ", ".join("%s %d" % kv for kv in docs.items()), failed))
    print("entities: %d (alias %d, rules %d = %.1f%%)" % (
        len(pool), len(pool) - rules, rules, 100.0 * rules / max(1, len(pool))))
    if mismatched:
        print("WARNING: %d entities whose text does not match the joined text" % mismatched)
    print("per type:")
    for k, v in by_type.most_common():
        r = sum(1 for e in pool if e["type"] == k and e["source"].startswith("rule:"))
        print("  %-13s %7d  (rules %d)" % (k, v, r))
    print("per source:")
    for k, v in by_source.most_common():
        print("  %-40s %7d" % (k, v))
    if not args.skip_no_rules:
        # Net effect of the rules: the same run with --no-rules.
        plain = collections.Counter()
        for name, path, id_field, fields in SUBSETS:
            for res in run_cli(cli, path, id_field, fields, ["--no-rules"]):
                for e in res.get("entities", []):
                    plain[e.get("type", "")] += 1
        print("with --no-rules: %d entities; rules add %+d net (%s)" % (
            sum(plain.values()), len(pool) - sum(plain.values()),
            ", ".join("%s %+d" % (t, by_type[t] - plain[t])
                      for t in sorted(set(by_type) | set(plain)))))

    if args.dump:
        # The whole pooled output, one entity a line, for counting an alias+id everywhere.
        with open(args.dump, "w", encoding="utf-8") as fh:
            for e in pool:
                fh.write(json.dumps(e, ensure_ascii=False) + "\n")
        print("wrote the whole pool (%d entities) to %s" % (len(pool), args.dump))

    if args.source_prefix:
        pool = [e for e in pool if e["source"].startswith(args.source_prefix)]
        print("pool restricted to source %s*: %d entities" % (args.source_prefix, len(pool)))
    # Stable sample: rank by a salted hash of the entity's identity, keep the N smallest,
    # list them in pool order (corpus, document, offset).
    write_sample(args.out, draw(pool, args.n, args.seed), args.keep_verdicts or [])


def draw(pool, n, seed):
    """The n entities of `pool` with the smallest rank_key, in pool order."""
    ranked = sorted(range(len(pool)), key=lambda i: (rank_key(seed, pool[i]), i))
    return [pool[i] for i in sorted(ranked[:min(n, len(pool))])]


def write_sample(path, sample, keep_verdicts):
    """Writes `sample` as a TSV of COLUMNS, numbered from 1, carrying over the verdicts and
    notes of identical rows (corpus, doc, start, end, type, id) of the `keep_verdicts` TSVs."""
    old = {}
    for p in keep_verdicts:
        for r in read_tsv(p):
            if r.get("verdict") in VERDICTS:
                old.setdefault((r["corpus"], r["doc"], r["start"], r["end"], r["type"], r["id"]), r)
    kept = 0
    for r in sample:
        o = old.get((r["corpus"], r["doc"], str(r["start"]), str(r["end"]), r["type"], r["id"]))
        r["verdict"], r["note"] = (o.get("verdict", ""), o.get("note", "")) if o else ("", "")
        kept += o is not None
    if keep_verdicts:
        print("verdicts carried over: %d of %d" % (kept, len(sample)))
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\t".join(COLUMNS) + "\n")
        for n, r in enumerate(sample, 1):
            r["n"] = n
            fh.write("\t".join(clean(r[c]) for c in COLUMNS) + "\n")
    print("wrote %d rows to %s" % (len(sample), path))


def rank_key(seed, e):
    # sha1 of "SEED|corpus|doc|byte_start|byte_end|type|id" (UTF-8 byte offsets).
    key = "|".join(str(x) for x in (seed, e["corpus"], e["doc"], e["byte_start"],
                                      e["byte_end"], e["type"], e["id"]))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()


def read_tsv(path):
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    head = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        if not line.strip():
            continue
        cells = line.split("\t")
        cells += [""] * (len(head) - len(cells))
        rows.append(dict(zip(head, cells)))
    return rows


def wilson(k, n, z=1.96):
    if not n:
        return (0.0, 0.0)
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / d
    return (max(0.0, c - h), min(1.0, c + h))


def table(title, groups):
    print("%-36s %5s %7s %9s %9s %9s %9s %9s %13s %7s" % (
        title, "n", "correct", "wrong-lnk", "wrong-typ", "partial", "not-ent", "precision",
        "95% CI", "strict"))
    for key, rows in groups:
        if not rows:
            continue
        c = collections.Counter(r["verdict"] for r in rows)
        n = len(rows)
        ok = c["correct"] + c["wrong-link"]
        lo, hi = wilson(ok, n)
        print("%-36s %5d %7d %9d %9d %9d %9d %9s %13s %7s" % (
            key, n, c["correct"], c["wrong-link"], c["wrong-type"], c["partial"], c["not-entity"],
            "%.3f" % (ok / n) if n else "-", "%.2f-%.2f" % (lo, hi) if n else "-",
            "%.3f" % (c["correct"] / n) if n else "-"))


def cmd_summarize(args):
    rows = read_tsv(args.file)
    bad = [r for r in rows if r.get("verdict") not in VERDICTS]
    if bad:
        print("WARNING: %d rows without a valid verdict (n = %s); they are left out" % (
            len(bad), ", ".join(r.get("n", "?") for r in bad[:20])))
    rows = [r for r in rows if r.get("verdict") in VERDICTS]
    types = sorted(set(r["type"] for r in rows))
    table("type", [(t, [r for r in rows if r["type"] == t]) for t in types] + [("ALL", rows)])
    print()
    table("source", [
        ("alias", [r for r in rows if not r["source"].startswith("rule:")]),
        ("rule:*", [r for r in rows if r["source"].startswith("rule:")])] +
        [(s, [r for r in rows if r["source"] == s])
         for s in sorted(set(r["source"] for r in rows if r["source"].startswith("rule:")))])
    print()
    table("corpus", [(c, [r for r in rows if r["corpus"] == c])
                     for c in sorted(set(r["corpus"] for r in rows))])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd")
    s = sub.add_parser("sample", help="run the CLI and draw the sample")
    s.add_argument("--cli", help="path of the alam CLI (default $ALAM_CLI or build/release/alam)")
    s.add_argument("--out", default=os.path.join(ROOT, "tests", "audit", "sample.tsv"))
    s.add_argument("--n", type=int, default=300)
    s.add_argument("--seed", type=int, default=20261123,
                   help="salt of the ranking hash")
    s.add_argument("--source-prefix", help="draw only from entities whose source starts with this "
                   "(e.g. rule: for the supplementary rule audit)")
    s.add_argument("--skip-no-rules", action="store_true",
                   help="skip the comparison run with --no-rules")
    s.add_argument("--dump", help="also write every pooled entity (before --source-prefix) "
                   "as JSON Lines to this file")
    s.add_argument("--keep-verdicts", action="append",
                   help="carry verdicts over from an earlier filled TSV (repeatable)")
    m = sub.add_parser("summarize", help="precision from the verdict-filled TSV")
    m.add_argument("file", nargs="?", default=DEFAULT_TSV)
    args = ap.parse_args()
    if args.cmd == "sample":
        cmd_sample(args)
    elif args.cmd == "summarize":
        cmd_summarize(args)
    else:
        ap.print_help()
        sys.exit(2)


if __name__ == "__main__":
    main()
