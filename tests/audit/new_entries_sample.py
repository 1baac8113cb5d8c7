#!/usr/bin/python3
"""Sample of entities whose id is a NEW gazetteer entry (no edit to audit.py).

New entry = an `id` of a current table data/gazetteer/*.tsv that release 0.1.0 did not
publish (data/released_ids/0.1.0.txt, the ids of 42b0c07, before the coverage work), nor
published under an older id that data/id_aliases.tsv maps to it. (Before 2026-12-05 afternoon
the base was commit d78a9cb, which left out the entries added between 42b0c07 and d78a9cb.)
Reads the
pool written by `audit.py sample --dump`, keeps entities whose id is new, ranks them with
audit.py's rank_key (sha1 of "SEED|corpus|doc|byte_start|byte_end|type|id", seed 20261123),
takes the N smallest, lists them in pool order and writes audit.py's COLUMNS.

  new_entries_sample.py --pool pool.jsonl --out new-entries-sample.tsv [--n 200]
      [--keep-verdicts TSV]...
  new_entries_sample.py --summarize new-entries-sample.tsv   (precision by table, by source)
"""
import argparse, collections, glob, json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import audit  # noqa: E402

MAIN = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BASE = "release 0.1.0"


def table_ids(text):
    head, ids = None, []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if head is None:
            head = cells
            if "id" not in head:
                return None
            continue
        cells += [""] * (len(head) - len(cells))
        ids.append(cells[head.index("id")])
    return ids


def released_ids():
    """The ids release 0.1.0 published, and the current ids data/id_aliases.tsv maps them to."""
    with open(os.path.join(MAIN, "data", "released_ids", "0.1.0.txt"), encoding="utf-8") as f:
        old = {l.strip() for l in f if l.strip() and not l.startswith("#")}
    with open(os.path.join(MAIN, "data", "id_aliases.tsv"), encoding="utf-8") as f:
        for line in f:
            cells = line.rstrip("\n").split("\t")
            if len(cells) >= 2 and cells[0] in old:
                old.add(cells[1])
    return old


def new_entries():
    """{id: table} of the entries new since release 0.1.0."""
    old, new = released_ids(), {}
    for path in sorted(glob.glob(MAIN + "/data/gazetteer/*.tsv")):
        name = os.path.basename(path)
        cur = table_ids(open(path, encoding="utf-8").read())
        for i in cur or []:
            if i not in old:
                new.setdefault(i, name)
    return new


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pool", help="the --dump of audit.py sample")
    ap.add_argument("--out")
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--seed", type=int, default=20261123)
    ap.add_argument("--summarize")
    ap.add_argument("--keep-verdicts", action="append", default=[],
                    help="carry verdicts of identical rows over from this TSV (repeatable)")
    args = ap.parse_args()
    if not args.summarize and (args.pool is None or args.out is None):
        ap.error("--pool and --out are needed to draw a sample")
    new = new_entries()
    if args.summarize:
        rows = [r for r in audit.read_tsv(args.summarize) if r.get("verdict") in audit.VERDICTS]
        tabs = sorted(set(new.get(r["id"], "?") for r in rows))
        audit.table("table", [(t, [r for r in rows if new.get(r["id"]) == t]) for t in tabs] +
                    [("ALL", rows)])
        print()
        srcs = sorted(set(r["source"] for r in rows))
        audit.table("source", [(s, [r for r in rows if r["source"] == s]) for s in srcs])
        print()
        types = sorted(set(r["type"] for r in rows))
        audit.table("type", [(t, [r for r in rows if r["type"] == t]) for t in types])
        return
    print("new entries since %s: %d (%s)" % (BASE, len(new), ", ".join(
        "%s %d" % kv for kv in sorted(collections.Counter(new.values()).items()))))
    pool = []
    with open(args.pool, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                pool.append(json.loads(line))
    pool = [e for e in pool if e["id"] in new]
    print("pooled entities with a new id: %d; distinct new ids output: %d" % (
        len(pool), len(set(e["id"] for e in pool))))
    print("by table:", dict(collections.Counter(new[e["id"]] for e in pool)))
    sample = audit.draw(pool, args.n, args.seed)
    audit.write_sample(args.out, sample, args.keep_verdicts)
    print("by table in the sample:", dict(collections.Counter(new[r["id"]] for r in sample)))


if __name__ == "__main__":
    main()
