#!/usr/bin/python3
"""A precision sample on text from other domains: the rule-made PERSON entities alam finds in
the ANT multi-source documents of the categories sport, economy, technology and culture that the
war subset does not hold (about 19,600 documents), drawn like audit.py sample.

Runs the CLI over the whole corpus file (gzip, read as it is), keeps the documents of those
categories outside the war subset, pools their entities of `--type` whose source starts with
`--source-prefix` (by default rule-made PERSON), ranks them with audit.py's rank_key (seed
20261206) and writes the N smallest with audit.py's columns, carrying over the verdicts of
identical rows from --keep-verdicts. `--count-local` also prints how many PLACE entities of
subtype village, town, neighbourhood or sub-district an alias made (the look-alike words of other
domains that issue 17 names).

  /usr/bin/python3 tests/audit/other_domains_sample.py --out other-domains-sample.tsv \
      --keep-verdicts tests/audit/other-domains-person-audit.tsv [--n 100] [--count-local]
  /usr/bin/python3 tests/audit/audit.py summarize tests/audit/other-domains-person-audit.tsv
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import audit  # noqa: E402  (CORPORA, ROOT, clean, join_text, draw, write_sample, CONTEXT)

CORPUS = audit.CORPORA + "/ant-multisource/antcorpus_multisource_v2.1.jsonl.gz"
WAR_SUBSET = audit.CORPORA + "/ant-multisource/antcorpus_multisource_war_subset.jsonl"
CATEGORIES = {"sport", "economy", "technology", "culture"}
FIELDS = ["title", "text"]
LOCAL = {"village", "town", "neighbourhood", "subdistrict"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=20261206)
    ap.add_argument("--type", default="PERSON")
    ap.add_argument("--source-prefix", default="rule:")
    ap.add_argument("--keep-verdicts", action="append", default=[])
    ap.add_argument("--count-local", action="store_true")
    ap.add_argument("--cli", default=None)
    args = ap.parse_args()
    cli = args.cli or os.environ.get("ALAM_CLI") or os.path.join(audit.ROOT, "build", "release",
                                                                 "alam")
    war = set()
    with open(WAR_SUBSET, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                war.add(json.loads(line).get("docno"))
    import gzip
    texts = {}
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            if rec.get("cat") in CATEGORIES and rec.get("docno") not in war:
                texts[str(rec.get("docno"))] = audit.join_text(rec, FIELDS)
    cmd = [cli, "extract", "--id-field", "docno", "-q"]
    for f in FIELDS:
        cmd += ["--text-field", f]
    cmd.append(CORPUS)
    pool, local, failed = [], 0, 0
    with tempfile.TemporaryFile() as out:
        rc = subprocess.call(cmd, stdout=out)
        if rc not in (0, 1):
            sys.exit("other_domains_sample.py: %s exited with %d" % (" ".join(cmd), rc))
        out.seek(0)
        for line in out:
            res = json.loads(line)
            doc = str(res.get("doc"))
            if doc not in texts:
                continue
            if "error" in res:
                failed += 1
                continue
            text = texts[doc]
            for e in res.get("entities", []):
                if e.get("type") == "PLACE" and e.get("source") == "alias" and \
                        e.get("subtype") in LOCAL:
                    local += 1
                if e.get("type") != args.type or not e.get("source", "").startswith(
                        args.source_prefix):
                    continue
                s, t = e["start"], e["end"]
                ctx = (audit.clean(text[max(0, s - audit.CONTEXT):s]) + "⟦" +
                       audit.clean(text[s:t]) + "⟧" + audit.clean(text[t:t + audit.CONTEXT]))
                pool.append({
                    "corpus": "ant-multisource", "doc": doc, "start": s, "end": t,
                    "byte_start": e.get("byte_start", ""), "byte_end": e.get("byte_end", ""),
                    "text": audit.clean(e["text"]), "type": e.get("type", ""),
                    "subtype": e.get("subtype", ""), "id": e.get("id", ""),
                    "name_en": audit.clean(e.get("name_en", "")), "source": e.get("source", ""),
                    "score": e.get("score", ""), "context": ctx, "verdict": "", "note": ""})
    print("documents: %d (failed %d); pool: %d %s entities from %s" % (
        len(texts), failed, len(pool), args.type, args.source_prefix or "any source"))
    if args.count_local:
        print("PLACE entities of a village, town, neighbourhood or sub-district by alias: %d" % local)
    audit.write_sample(args.out, audit.draw(pool, args.n, args.seed), args.keep_verdicts)


if __name__ == "__main__":
    main()
