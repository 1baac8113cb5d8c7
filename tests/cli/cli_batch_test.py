#!/usr/bin/python3
"""Batch guarantees of `alam extract` (issue 7): a JSON Lines dump with bad documents
sprinkled in — invalid JSON, a record without text, invalid UTF-8 inside a JSON string, a lone
surrogate escape, a text that is not a string, an oversized document — and a missing file
among several inputs. Every input record gets exactly one output line, in input order; the bad
ones carry "error" and their id; stderr names each of them; exit status 1. With only good
documents the exit status is 0. A .jsonl.gz gives the same output as the plain file, and the
order survives small batches and many threads.

usage: cli_batch_test.py PATH_TO_ALAM_CLI
"""
import gzip
import json
import os
import subprocess
import sys
import tempfile

CLI = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("ALAM_CLI", "alam")
MOSUL = "الموصل"
DAMASCUS = "دمشق"
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what, file=sys.stderr)


def run(args, stdin=None):
    p = subprocess.run([CLI, "extract", "--no-progress"] + args, input=stdin,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=240)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def records(stdout):
    lines = stdout.split(b"\n")
    check(lines[-1] == b"", "output ends with a newline")
    out = []
    for raw in lines[:-1]:
        try:
            out.append(json.loads(raw.decode("utf-8")))  # output must be valid UTF-8 JSON
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            check(False, "output line is not valid UTF-8 JSON: %r (%s)" % (raw[:120], e))
            out.append({})
    return out


def good(i):
    name = MOSUL if i % 2 == 0 else DAMASCUS
    return json.dumps({"id": "g%d" % i, "text": "قصف في %s اليوم رقم %d" % (name, i)},
                      ensure_ascii=False).encode("utf-8")


# (line bytes, expected doc id, is_bad)
BAD = [
    (b'{"id": "bad-json", "text": "\xd8\xa7', "dump.jsonl:{line}", True),           # truncated JSON
    (b'not json at all', "dump.jsonl:{line}", True),
    (b'{"id": "no-text", "title": "x"}', "no-text", True),                           # no text field
    (b'{"id": "bad-utf8", "text": "abc \xff\xfe ' + MOSUL.encode() + b'"}', "bad-utf8", True),
    (b'{"id": "surrogate-bytes", "text": "\xed\xa0\x80"}', "surrogate-bytes", True),
    (b'{"id": "lone-escape", "text": "\\ud800 x"}', "dump.jsonl:{line}", True),
    (b'{"id": "text-number", "text": 42}', "text-number", True),
    (b'[1, 2, 3]', "dump.jsonl:{line}", True),                                       # not an object
    (b'{"id": "big", "text": "' + b"a" * 5000 + b'"}', "big", True),                  # > --max-doc-bytes
    (b'{"id": "nul-escape", "text": "\\u0000' + MOSUL.encode() + b'"}', "nul-escape", False),
    (b'{"id": "empty", "text": ""}', "empty", False),
    (b'{"id": 77, "text": "' + DAMASCUS.encode() + b'"}', "77", False),
]


def build_dump():
    lines, expect = [], []
    for i in range(60):
        lines.append(good(i))
        expect.append(("g%d" % i, False))
        if i % 5 == 2 and BAD:
            line, doc, bad = BAD[(i // 5) % len(BAD)]
            lines.append(line)
            expect.append((doc.format(line=len(lines)), bad))
    # every bad class at least once
    for line, doc, bad in BAD:
        lines.append(line)
        expect.append((doc.format(line=len(lines)), bad))
    lines.append(b"")          # a blank line is not a record
    lines.append(b"   ")
    lines.append(good(999))    # last line without a newline
    expect.append(("g999", False))
    return b"\n".join(lines), expect


def verify(recs, expect, label):
    check(len(recs) == len(expect), "%s: %d records for %d inputs" % (label, len(recs), len(expect)))
    for k, (rec, (doc, bad)) in enumerate(zip(recs, expect)):
        check(rec.get("doc") == doc, "%s: record %d is %r, expected %r" % (label, k, rec.get("doc"), doc))
        check(("error" in rec) == bad, "%s: record %d (%s) error=%r" % (label, k, doc, rec.get("error")))
        if doc.startswith("g"):
            n = int(doc[1:])
            names = [e["text"] for e in rec.get("entities", [])]
            check(names == [MOSUL if n % 2 == 0 else DAMASCUS],
                  "%s: record %s entities %r" % (label, doc, names))
    if len(recs) == len(expect):
        return
    print("got:", [r.get("doc") for r in recs], file=sys.stderr)


with tempfile.TemporaryDirectory() as tmp:
    dump, expect = build_dump()
    plain = os.path.join(tmp, "dump.jsonl")
    with open(plain, "wb") as f:
        f.write(dump)
    gz_dir = os.path.join(tmp, "gz")
    os.mkdir(gz_dir)
    gz = os.path.join(gz_dir, "dump.jsonl.gz")
    with gzip.open(gz, "wb") as f:
        f.write(dump)
    n_bad = sum(1 for _, bad in expect if bad)

    # 1. The dump with bad records: one line each, in order, errors named, exit 1.
    base = ["--max-doc-bytes", "4000"]
    rc, out, err = run(base + [plain])
    check(rc == 1, "exit status with bad documents is %d, expected 1" % rc)
    recs = records(out)
    verify(recs, expect, "plain")
    for doc, bad in expect:
        if bad:
            check(doc in err, "stderr does not name %s" % doc)
    check(str(n_bad) in err, "stderr does not count %d failures" % n_bad)
    for rec in recs:
        for e in rec.get("entities", []):
            check(e["byte_end"] > e["byte_start"], "empty span in %s" % rec.get("doc"))

    # 2. Same result with tiny batches and many threads, and with one thread.
    for extra in (["--batch-bytes", "50", "--threads", "8"], ["--threads", "1"]):
        rc2, out2, _ = run(base + extra + [plain])
        check(rc2 == 1 and out2 == out, "output differs with %s" % extra)

    # 3. gzip input gives the same output (ids of unparseable lines name the file).
    rc3, out3, _ = run(base + [gz])
    check(rc3 == 1, "gzip exit status %d" % rc3)
    check(out3.replace(b"dump.jsonl.gz", b"dump.jsonl") == out, "gzip output differs from plain")

    # 4. Standard input.
    rc4, out4, _ = run(base + ["--input-format", "jsonl", "-"], stdin=dump)
    check(rc4 == 1 and out4.replace(b"stdin", b"dump.jsonl") == out, "stdin output differs")

    # 5. A missing file among several inputs, and a plain-text file.
    good_only = os.path.join(tmp, "good.jsonl")
    with open(good_only, "wb") as f:
        f.write(b"\n".join(good(i) for i in range(5)) + b"\n")
    text_doc = os.path.join(tmp, "article.txt")
    with open(text_doc, "wb") as f:
        f.write(("خبر من %s" % MOSUL).encode())
    bad_text = os.path.join(tmp, "broken.txt")
    with open(bad_text, "wb") as f:
        f.write(b"\xc0\xaf " + MOSUL.encode())
    missing = os.path.join(tmp, "missing.jsonl")
    rc5, out5, err5 = run([good_only, missing, text_doc, bad_text, good_only])
    recs5 = records(out5)
    docs5 = [r.get("doc") for r in recs5]
    check(docs5 == ["g0", "g1", "g2", "g3", "g4", "missing.jsonl", "article.txt", "broken.txt",
                    "g0", "g1", "g2", "g3", "g4"], "several inputs: %r" % docs5)
    if len(recs5) == 13:
        check("error" in recs5[5] and "error" in recs5[7], "missing/broken file without error")
        check("error" not in recs5[6] and [e["text"] for e in recs5[6]["entities"]] == [MOSUL],
              "plain-text document")
    check(rc5 == 1, "exit status with a missing file is %d" % rc5)
    check("missing.jsonl" in err5 and "broken.txt" in err5, "stderr does not name the failures")

    # 6. Only good documents: exit 0, nothing on stderr but no failure count.
    rc6, out6, err6 = run([good_only, text_doc])
    check(rc6 == 0, "exit status with only good documents is %d (%s)" % (rc6, err6.strip()))
    check(len(records(out6)) == 6, "good-only record count")

    # 7. --repair turns invalid UTF-8 documents into good ones.
    rc7, out7, _ = run(["--repair", bad_text])
    recs7 = records(out7)
    check(rc7 == 0 and len(recs7) == 1 and [e["text"] for e in recs7[0]["entities"]] == [MOSUL],
          "--repair: rc=%d %r" % (rc7, recs7))

    # 8. Documents above the 1 MiB chunk size are streamed by the writer while the workers go
    # on with the documents after them: every record keeps its place, with any thread count
    # and unit size, in JSON Lines and in BIO.
    sentence = "قصفت الطائرات مدينة %s اليوم. " % MOSUL
    big_text = sentence * (1600000 // len(sentence.encode()))
    mixed = os.path.join(tmp, "mixed.jsonl")
    lines = []
    for i in range(40):
        lines.append(good(i))
        if i % 13 == 5:
            lines.append(json.dumps({"id": "big%d" % i, "text": big_text},
                                    ensure_ascii=False).encode())
    with open(mixed, "wb") as f:
        f.write(b"\n".join(lines) + b"\n")
    want = [json.loads(l)["id"] for l in lines] + ["article.txt"] + ["g%d" % i for i in range(5)]
    n_big = big_text.count(MOSUL)
    outs = {}
    for fmt in ("jsonl", "bio"):
        for extra in (["--threads", "1"], ["--threads", "3", "--batch-bytes", "300"],
                      ["--threads", "2"]):
            rc8, out8, err8 = run(["--format", fmt] + extra + [mixed, text_doc, good_only])
            check(rc8 == 0, "mixed sizes %s %s: exit %d (%s)" % (fmt, extra, rc8, err8.strip()))
            outs.setdefault(fmt, out8)
            check(out8 == outs[fmt], "mixed sizes %s: output differs with %s" % (fmt, extra))
    recs8 = records(outs["jsonl"])
    check([r.get("doc") for r in recs8] == want,
          "mixed sizes: records out of order: %r" % [r.get("doc") for r in recs8][:12])
    for r in recs8:
        if str(r.get("doc", "")).startswith("big"):
            check(len(r["entities"]) == n_big, "%s: %d entities, expected %d"
                  % (r["doc"], len(r["entities"]), n_big))
    heads = [l for l in outs["bio"].decode().split("\n") if l.startswith("# doc: ")]
    check(heads == ["# doc: " + w for w in want], "mixed sizes: BIO documents out of order")

if failures:
    print("%d failures" % len(failures), file=sys.stderr)
    sys.exit(1)
print("cli batch test passed")
