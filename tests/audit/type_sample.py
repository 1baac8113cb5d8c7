#!/usr/bin/python3
"""A precision sample of one type (PERSON by default), drawn like audit.py sample (no edit to audit.py).

Reads the pool written by `audit.py sample --dump` (every entity of the default run),
keeps type PERSON, ranks each entity with audit.py's rank_key (sha1 of
"SEED|corpus|doc|byte_start|byte_end|type|id", same seed 20261123), takes the N smallest,
lists them in pool order and writes audit.py's columns. Verdicts of identical rows
(corpus, doc, start, end, type, id) are carried over from the --keep-verdicts TSVs.

  /usr/bin/python3 tests/audit/type_sample.py --pool pool.jsonl --out person-sample.tsv \
      --keep-verdicts ... [--n 100] [--seed 20261123] [--type PERSON]
"""
import argparse
import os
import json
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import audit  # noqa: E402  (rank_key, read_tsv, clean, COLUMNS, VERDICTS)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pool", required=True, help="the --dump of audit.py sample")
    ap.add_argument("--out", required=True)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=20261123)
    ap.add_argument("--type", default="PERSON")
    ap.add_argument("--keep-verdicts", action="append", default=[])
    args = ap.parse_args()
    pool = []
    with open(args.pool, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                pool.append(json.loads(line))
    pool = [e for e in pool if e["type"] == args.type]
    print("pool restricted to type %s: %d entities" % (args.type, len(pool)))
    audit.write_sample(args.out, audit.draw(pool, args.n, args.seed), args.keep_verdicts)


if __name__ == "__main__":
    main()
