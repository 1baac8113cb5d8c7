#!/usr/bin/env python3
"""Rebuilds the texts of the wider evaluation set from ../shared/corpora.

The corpora's licences do not allow their texts in this repository, so the gold files
(`gold-*.jsonl`) hold only document keys, offsets and labels; this module maps a key
back to its text. A key is `<corpus>:<_source_line>`; the text is the title, a blank
line, then the body (the CLI's `--text-field title --text-field text` join), and its
SHA-256 is checked against the one recorded with the gold.

    corpus_texts.py select N > articles.tsv     # the one-time, seeded draw
    corpus_texts.py dump articles.tsv OUT.jsonl # the texts, as `alam extract` reads them
    corpus_texts.py dump-gold GOLD.jsonl OUT.jsonl  # the texts of the documents a gold file names
"""
import hashlib
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("ALAM_SHARED", os.path.join(HERE, "..", "..", "..", "shared"))
CORPORA = {
    "ant1": ("ant-v1.1/antcorpus_v1.1_war_subset.jsonl", "title", "text", "src", "time"),
    "antm": ("ant-multisource/antcorpus_multisource_war_subset.jsonl", "title", "text", "src", "time"),
    "snn": ("saudinewsnet/saudinewsnet_war_subset.jsonl", "title", "content", "source", "date_extracted"),
}
WAR = re.compile("داعش|الدولة الإسلامية|دير الزور|الرقة|الموصل|حلب|إدلب|الأنبار|الفلوجة|"
                 "الحشد|قسد|النصرة|تحرير الشام|الجيش الحر|حزب الله|التحالف|الأسد|العبادي|"
                 "كركوك|تكريت|درعا|حمص|حماة|الغوطة|عفرين|منبج|كوباني|عين العرب")


def text_of(corpus, record):
    _, title_field, body_field, _, _ = CORPORA[corpus]
    title = (record.get(title_field) or "").strip()
    body = record.get(body_field) or ""
    return title + "\n\n" + body if title else body


def records(corpus):
    path = os.path.join(SHARED, "corpora", CORPORA[corpus][0])
    with open(path, encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def sha(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load(keys):
    """{key: text} for `<corpus>:<_source_line>` keys; raises KeyError for a missing one."""
    wanted = {}
    for key in keys:
        corpus, line = key.split(":")
        wanted.setdefault(corpus, set()).add(int(line))
    out = {}
    for corpus, lines in wanted.items():
        for r in records(corpus):
            if r["_source_line"] in lines:
                out[f"{corpus}:{r['_source_line']}"] = text_of(corpus, r)
    missing = [k for k in keys if k not in out]
    if missing:
        raise KeyError(f"not in ../shared/corpora: {', '.join(missing)}")
    return out


def select(n, seed=20261205):
    """Draws n articles: 40% SaudiNewsNet, 40% ANT multi-source, 20% ANT v1.1, one per
    outlet in turn, 1,200-6,000 characters, at least six war-keyword hits, no near-copies."""
    rng = random.Random(seed)
    share = {"snn": round(n * 0.4), "antm": round(n * 0.4)}
    share["ant1"] = n - share["snn"] - share["antm"]
    chosen = []
    for corpus, k in share.items():
        by_outlet = {}
        seen = set()
        for r in records(corpus):
            t = text_of(corpus, r)
            if not 1200 <= len(t) <= 6000 or len(WAR.findall(t)) < 6:
                continue
            head = t[:200]
            if head in seen:
                continue
            seen.add(head)
            by_outlet.setdefault(r[CORPORA[corpus][3]], []).append(r)
        outlets = sorted(by_outlet)
        for rows in by_outlet.values():
            rng.shuffle(rows)
        i = 0
        while k > 0 and any(by_outlet.values()):
            rows = by_outlet[outlets[i % len(outlets)]]
            i += 1
            if rows:
                r = rows.pop()
                chosen.append((corpus, r))
                k -= 1
    return chosen


def main(argv):
    if len(argv) >= 2 and argv[1] == "select":
        print("key\toutlet\tdate\tchars\tsha256")
        for corpus, r in select(int(argv[2])):
            t = text_of(corpus, r)
            _, _, _, outlet_f, date_f = CORPORA[corpus]
            print(f"{corpus}:{r['_source_line']}\t{r.get(outlet_f, '')}\t{r.get(date_f, '')}\t{len(t)}\t{sha(t)}")
    elif len(argv) == 4 and argv[1] == "dump":
        rows = [l.rstrip("\n").split("\t") for l in open(argv[2], encoding="utf-8")][1:]
        texts = load([r[0] for r in rows])
        with open(argv[3], "w", encoding="utf-8") as f:
            for r in rows:
                if sha(texts[r[0]]) != r[4]:
                    sys.exit(f"{r[0]}: text differs from the one annotated (sha256)")
                f.write(json.dumps({"id": r[0], "text": texts[r[0]]}, ensure_ascii=False) + "\n")
    elif len(argv) == 4 and argv[1] == "dump-gold":
        rows = [json.loads(l) for l in open(argv[2], encoding="utf-8")]
        keys = list(dict.fromkeys(r["doc"] for r in rows))
        hashes = {r["doc"]: r["sha256"] for r in rows}
        texts = load(keys)
        with open(argv[3], "w", encoding="utf-8") as f:
            for k in keys:
                if sha(texts[k]) != hashes[k]:
                    sys.exit(f"{k}: text differs from the one annotated (sha256)")
                f.write(json.dumps({"id": k, "text": texts[k]}, ensure_ascii=False) + "\n")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
