#!/usr/bin/env python3
"""Turns hand-marked copies of the evaluation articles into a gold file.

An annotator copies an article's text (from `corpus_texts.py dump`) and wraps each name in
`[[surface|TYPE|canonical English name]]`; TYPE is PLACE, FACTION, PERSON, ORGANIZATION or
OPERATION, with a trailing `?` for an optional span (ANNOTATION.md). Nothing else may change:
removing the marks must give back the original text byte for byte, which this script checks
before it writes offsets. The marked copies hold corpus text and stay outside the repository;
the gold file holds only keys, hashes, offsets and labels.

    marks_to_gold.py ARTICLES.jsonl MARKED_DIR OUT.jsonl
      MARKED_DIR/<key with ':' as '_'>.txt for each article that has been marked
"""
import hashlib
import json
import os
import re
import sys

MARK = re.compile(r"\[\[([^\[\]|]+)\|(PLACE|FACTION|PERSON|ORGANIZATION|OPERATION)(\??)\|([^\[\]|]*)\]\]")
TYPES = ("PLACE", "FACTION", "PERSON", "ORGANIZATION", "OPERATION")


def parse(marked, original, where):
    out, entities, pos = [], [], 0
    plain_len = 0
    for m in MARK.finditer(marked):
        chunk = marked[pos:m.start()]
        if "[[" in chunk or "]]" in chunk:
            raise ValueError(f"{where}: malformed mark near {chunk[-40:]!r}")
        out.append(chunk)
        plain_len += len(chunk)
        surface = m.group(1)
        start = plain_len
        out.append(surface)
        plain_len += len(surface)
        entities.append({"start": start, "end": plain_len, "type": m.group(2), "text": surface,
                         "canonical": m.group(4).strip(), "optional": m.group(3) == "?"})
        pos = m.end()
    tail = marked[pos:]
    if "[[" in tail or "]]" in tail:
        raise ValueError(f"{where}: malformed mark near {tail[:40]!r}")
    out.append(tail)
    plain = "".join(out)
    if plain != original:
        i = next((k for k in range(min(len(plain), len(original))) if plain[k] != original[k]),
                 min(len(plain), len(original)))
        raise ValueError(f"{where}: text without marks differs from the article at character {i}: "
                         f"{plain[max(0, i - 30):i + 30]!r} vs {original[max(0, i - 30):i + 30]!r}")
    for e in entities:
        e["byte_start"] = len(original[:e["start"]].encode("utf-8"))
        e["byte_end"] = e["byte_start"] + len(e["text"].encode("utf-8"))
        if e["text"] != e["text"].strip():
            raise ValueError(f"{where}: span {e['text']!r} starts or ends with white space")
    return entities


def main(argv):
    if len(argv) != 4:
        sys.exit(__doc__)
    articles = [json.loads(l) for l in open(argv[1], encoding="utf-8")]
    n_docs = n_ents = 0
    errors = []
    with open(argv[3], "w", encoding="utf-8") as out:
        for a in articles:
            path = os.path.join(argv[2], a["id"].replace(":", "_") + ".txt")
            if not os.path.exists(path):
                continue
            with open(path, encoding="utf-8") as f:
                marked = f.read()
            try:
                entities = parse(marked, a["text"], path)
            except ValueError as e:
                errors.append(str(e))
                continue
            out.write(json.dumps({"doc": a["id"],
                                  "sha256": hashlib.sha256(a["text"].encode("utf-8")).hexdigest(),
                                  "entities": entities}, ensure_ascii=False) + "\n")
            n_docs += 1
            n_ents += len(entities)
    for e in errors:
        print(e, file=sys.stderr)
    print(f"{n_docs} documents, {n_ents} entities written; {len(errors)} with errors", file=sys.stderr)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main(sys.argv)
