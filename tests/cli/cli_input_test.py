#!/usr/bin/env python3
"""End-to-end checks of what `alam extract` reads: gzip, xz, bzip2 and zstd inputs (known by
their bytes, streamed, truncation and corruption reported), --encoding, dotted field paths,
--date-field warnings, and records whose id is not UTF-8."""
import bz2, csv, gzip, io, json, lzma, os, resource, shutil, subprocess, sys, tempfile

CLI = os.environ["ALAM_CLI"]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what, file=sys.stderr)


def run(args, stdin=None):
    p = subprocess.run([CLI, "extract", *args], input=stdin, capture_output=True)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def records(out):
    return [json.loads(l) for l in out.splitlines()]


def zstd(data):
    return subprocess.run(["zstd", "-q", "-c"], input=data, capture_output=True, check=True).stdout


COMPRESSORS = {"gzip": (".gz", gzip.compress), "xz": (".xz", lzma.compress),
               "bzip2": (".bz2", bz2.compress), "zstd": (".zst", zstd)}

DOCS = [{"id": "a", "text": "قوات سوريا الديمقراطية في دير الزور"},
        {"id": "b", "text": "لا شيء هنا"},
        {"id": "c", "text": "قصف على الرقة وحلب"}]
JSONL = "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in DOCS).encode()

with tempfile.TemporaryDirectory() as d:
    def put(name, data):
        path = os.path.join(d, name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    plain = put("in.jsonl", JSONL)
    rc, want, err = run(["-q", plain])
    check(rc == 0 and len(records(want)) == 3, f"plain JSON Lines: rc={rc} {err}")

    for fmt, (ext, compress) in COMPRESSORS.items():
        packed = compress(JSONL)
        rc, out, err = run(["-q", put("in.jsonl" + ext, packed)])
        check(rc == 0 and out == want, f"{fmt}: same records as the plain file: rc={rc} {err}")
        # Known by its bytes, not its name: a .jsonl that is compressed, and standard input.
        rc, out, err = run(["-q", put(fmt + "-named.jsonl", packed)])
        check(rc == 0 and out == want, f"{fmt} under a plain name: rc={rc} {err}")
        rc, out, err = run(["-q", "--input-format", "jsonl", "-"], stdin=packed)
        check(rc == 0 and out == want, f"{fmt} on standard input: rc={rc} {err}")
        # Two streams one after the other (pigz, pbzip2, cat a.xz b.xz) are one input.
        half = JSONL.index(b"\n") + 1
        rc, out, err = run(["-q", put("cat.jsonl" + ext, compress(JSONL[:half]) + compress(JSONL[half:]))])
        check(rc == 0 and out == want, f"{fmt}: concatenated streams read whole: rc={rc} {err}")
        # A plain-text document compressed.
        rc, out, err = run(["-q", put("doc.txt" + ext, compress(DOCS[0]["text"].encode()))])
        check(rc == 0 and records(out)[0]["doc"] == "doc.txt" + ext and records(out)[0]["entities"],
              f"{fmt}: a compressed text document: {out[:200]} {err}")
        # Truncated: never a silent loss; the path and the format are named, exit 1.
        cut = put("cut.jsonl" + ext, packed[: len(packed) - 9])
        rc, out, err = run(["-q", cut])
        errors = [r.get("error", "") for r in records(out) if "error" in r]
        check(rc == 1 and len(errors) == 1 and cut in errors[0] and fmt in errors[0]
              and ("truncated" in errors[0] or "corrupt" in errors[0]) and cut in err,
              f"{fmt}: truncated file is an error naming it: rc={rc} {errors} {err}")
        # Corrupt in the middle.
        bad = bytearray(packed)
        for i in range(len(bad) // 3, len(bad) // 3 + 12):
            bad[i] ^= 0x5A
        rc, out, err = run(["-q", put("bad.jsonl" + ext, bytes(bad))])
        errors = [r.get("error", "") for r in records(out) if "error" in r]
        check(rc == 1 and len(errors) == 1 and fmt in errors[0],
              f"{fmt}: corrupt data is an error naming the format: rc={rc} {errors}")

    zipped = os.path.join(d, "in.zip")
    shutil.make_archive(zipped[:-4], "zip", d, "in.jsonl")
    rc, out, err = run(["-q", zipped])
    check(rc == 1 and "zip archive" in records(out)[0].get("error", ""), f"zip: {out} {err}")

    # Streamed: memory does not grow with a compressed input's size (64 MB of records, a few
    # hundred kB of zstd).
    line = (json.dumps({"id": "x", "text": "abc " * 60}) + "\n").encode()
    big = put("big.jsonl.zst", zstd(line * (64_000_000 // len(line))))
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    rc_small, _, _ = run(["-q", "--threads", "1", "-o", os.devnull, plain])
    small_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    rc_big, _, err = run(["-q", "--threads", "1", "-o", os.devnull, big])
    big_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # (A sanitizer build keeps freed memory in quarantine: there only the exit code counts.)
    bounded = os.environ.get("ALAM_SANITIZED") == "ON" or big_rss - max(small_rss, before) < 32_000
    check(rc_big == 0 and bounded,
          f"64 MB of zstd input read in bounded memory: rc={rc_big} {small_rss} kB then {big_rss} kB {err}")

    # --encoding: Windows-1256 bytes converted to UTF-8 first; offsets are the UTF-8 text's.
    cp = put("cp.jsonl", "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in DOCS).encode("cp1256"))
    for name in ("cp1256", "windows-1256", "CP1256"):
        rc, out, err = run(["-q", "--encoding", name, cp])
        check(rc == 0 and out == want, f"--encoding {name}: the UTF-8 file's records: rc={rc} {err}")
    rc, out, err = run(["-q", "--encoding", "cp1256", put("cp.txt.xz", lzma.compress(DOCS[2]["text"].encode("cp1256")))])
    r = records(out)[0] if out else {}
    check(rc == 0 and [DOCS[2]["text"][e["start"]:e["end"]] for e in r.get("entities", [])] ==
          [e["text"] for e in r.get("entities", [])] and r.get("entities"),
          f"cp1256 text, xz-compressed: offsets slice the converted text: {out} {err}")
    # Without it: one error naming the file and the encoding to give, not one per record.
    rc, out, err = run(["-q", cp])
    check(rc == 1 and len(records(out)) == 1 and cp in records(out)[0].get("error", "")
          and "--encoding cp1256" in records(out)[0]["error"],
          f"cp1256 without --encoding: one error suggesting it: {out} {err}")
    rc, out, err = run(["-q", "--repair", cp])
    check(rc == 1 and "--encoding cp1256" in out, f"--repair does not hide a cp1256 input: {out}")
    iso = put("iso.txt", "حلب".encode("iso-8859-6") + b" \xa1")  # 0xA1: no character in ISO-8859-6
    rc, out, err = run(["-q", "--encoding", "iso-8859-6", iso])
    check(rc == 1 and "0xA1" in records(out)[0].get("error", "") and "iso-8859-6" in records(out)[0]["error"],
          f"a byte without a character in the encoding is named: {out}")
    rc, out, err = run(["-q", "--encoding", "cp1256", plain])
    check(rc == 1 and "is UTF-8" in out and "without --encoding" in out and len(records(out)) == 1,
          f"a UTF-8 input read as cp1256 is an error, not mojibake: {out[:300]}")
    rc, out, err = run(["-q", "--encoding", "utf-8", plain])
    check(rc == 0 and out == want, f"--encoding utf-8 reads UTF-8: {err}")
    rc, out, err = run(["-q", "--encoding", "latin-9", plain])
    check(rc == 2 and "encoding" in err, f"an unknown encoding is a usage error: rc={rc} {err}")
    rc, out, err = run(["--help"])
    check("--encoding" in out and "offsets" in out and "--keep-field" in out and "--date-field" in out,
          "--help describes the new options")

    # Dotted paths to nested fields.
    nested = put("nested.jsonl", "".join(
        json.dumps({"meta": {"id": x["id"], "date": "2014-06-1%d" % i}, "article": {"body": x["text"]}},
                   ensure_ascii=False) + "\n" for i, x in enumerate(DOCS)).encode())
    rc, out, err = run(["-q", "--id-field", "meta.id", "--text-field", "article.body", nested])
    check(rc == 0 and out == want, f"--id-field meta.id --text-field article.body: {out[:300]} {err}")
    rc, out, err = run(["-q", "--text-field", "article.title", nested])
    check(rc == 1 and "article.title" in records(out)[0].get("error", ""),
          f"an absent path is a missing text field: {out[:300]}")

    # --keep-field and --date-field reach the records: jsonl keys after "doc" (an absent
    # field is null), csv columns after "doc".
    nested_args = ["-q", "--id-field", "meta.id", "--text-field", "article.body",
                   "--keep-field", "meta.id", "--keep-field", "meta.source", "--date-field", "meta.date"]
    rc, out, err = run(nested_args + [nested])
    recs = records(out)
    check(rc == 0 and [list(r)[:4] for r in recs] == [["doc", "meta.id", "meta.source", "date"]] * 3
          and [(r["meta.id"], r["meta.source"], r["date"]) for r in recs]
          == [("a", None, "2014-06-10"), ("b", None, "2014-06-11"), ("c", None, "2014-06-12")]
          and [r["entities"] for r in recs] == [r["entities"] for r in records(want)],
          f"kept fields and dates in the JSON Lines records: {out[:400]} {err}")
    rc, out, err = run(nested_args + ["--format", "csv", nested])
    rows = list(csv.DictReader(io.StringIO(out)))
    check(rc == 0 and len(rows) > 0 and all(r["meta.id"] == r["doc"] and r["date"].startswith("2014-06-1")
                                            and r["meta.source"] == "" for r in rows),
          f"kept fields and dates as csv columns: {out[:400]} {err}")

    # --date-field: values that are not dates give one warning with their count; -q silences it.
    dated = put("dated.jsonl", b"".join(
        json.dumps({"id": i, "text": "حلب", "date": v}).encode() + b"\n"
        for i, v in enumerate(["2014-06-10", "10/06/2014", "2014-06-10T08:00:00Z", "yesterday"])))
    rc, out, err = run(["--date-field", "date", dated])
    warnings = [l for l in err.splitlines() if "warning" in l]
    check(rc == 0 and len(warnings) == 1 and "2 value" in warnings[0] and "10/06/2014" in warnings[0],
          f"one warning for the bad dates: {err}")
    rc, out, err = run(["-q", "--date-field", "date", dated])
    check(rc == 0 and err == "", f"--quiet silences the date warning: {err!r}")

    # A record whose id is not UTF-8: an error of that record only.
    bad_id = put("bad_id.jsonl", b'{"id": "a\xff", "text": "x"}\n{"id": "b", "text": "y"}\n')
    rc, out, err = run(["-q", bad_id])
    recs = records(out)
    check(rc == 1 and len(recs) == 2 and "not valid UTF-8" in recs[0].get("error", "")
          and recs[0]["doc"] == "bad_id.jsonl:1" and "error" not in recs[1],
          f"an id that is not UTF-8 fails its record: {out}")

print(f"cli input: {len(failures)} checks failed" if failures else "cli input: all checks passed")
sys.exit(1 if failures else 0)
