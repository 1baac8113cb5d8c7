#!/usr/bin/env python3
"""End-to-end checks of the `alam` command: input formats, output formats, order, errors."""
import gzip, json, os, subprocess, sys, tempfile, time

CLI = os.environ["ALAM_CLI"]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what, file=sys.stderr)


def run(args, stdin=None):
    p = subprocess.run([CLI, *args], input=stdin, capture_output=True)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


with tempfile.TemporaryDirectory() as d:
    docs = [{"id": "a", "title": "الرقة", "text": "قوات سوريا الديمقراطية في دير الزور"},
            {"id": 7, "text": "لا شيء هنا"},
            {"id": "c", "text": "وصل بوتين إلى دمشق"}]
    plain = os.path.join(d, "in.jsonl")
    with open(plain, "w", encoding="utf-8") as f:
        for x in docs:
            f.write(json.dumps(x, ensure_ascii=False) + "\n")
        f.write("\n")  # blank lines are not documents
    gz = os.path.join(d, "in.jsonl.gz")
    with open(plain, "rb") as f, gzip.open(gz, "wb") as g:
        g.write(f.read())

    rc, out, err = run(["extract", "--threads", "2", plain])
    recs = [json.loads(l) for l in out.splitlines()]
    check(rc == 0, f"exit 0 on good input, got {rc}: {err}")
    check([r["doc"] for r in recs] == ["a", "7", "c"], "ids in input order")
    check([e["text"] for e in recs[0]["entities"]] == ["قوات سوريا الديمقراطية", "دير الزور"],
          "entities of the text field")
    check(recs[2]["entities"][0]["id"] == "person:vladimir-putin" or recs[2]["entities"][0]["type"] == "PERSON",
          "person found")
    rc2, out2, _ = run(["extract", gz])
    check(out2 == out, "gzip input gives the same output")
    rc3, out3, _ = run(["extract", "--input-format", "jsonl", "-"], stdin=open(plain, "rb").read())
    check(out3 == out, "standard input gives the same output")

    rc, out, _ = run(["extract", "--text-field", "title", "--text-field", "text", plain])
    r0 = json.loads(out.splitlines()[0])
    check([e["text"] for e in r0["entities"]][:1] == ["الرقة"] and r0["entities"][1]["start"] == len("الرقة\n\n"),
          "title and body joined with a blank line, offsets into the joined text")

    # An entity's record: its fields in the documented order, the entry's fixed fields (written
    # once per entry and reused) after the per-mention ones: country, parent, governorate,
    # coordinates (approximate when they are the parent's), p-code, Wikidata id.
    places = os.path.join(d, "places.jsonl")
    with open(places, "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "p", "text": "اشتباكات في حي الوعر بمدينة حمص وفي منبج بريف حلب"},
                           ensure_ascii=False) + "\n")
        f.write(json.dumps({"id": "q", "text": "وصل بوتين إلى حمص"}, ensure_ascii=False) + "\n")
    rc, out, _ = run(["extract", places])
    recs = [json.loads(l) for l in out.splitlines()]
    head = ["start", "end", "byte_start", "byte_end", "text", "type", "subtype", "id", "name_ar",
            "name_en", "score", "source", "alias"]
    for r in recs:
        for e in r["entities"]:
            keys = list(e.keys())
            order = ["alternatives", "country", "parent", "governorate", "lat", "lon",
                     "approximate", "pcode", "wikidata"]
            tail = keys[len(head):]
            check(keys[:len(head)] == head and tail == [k for k in order if k in tail]
                  and ("lat" in tail) == ("lon" in tail)
                  and ("approximate" not in tail or "lat" in tail), f"record fields in order: {keys}")
    waer = recs[0]["entities"][0]
    check(waer["text"] == "الوعر" and waer["country"] == "SY" and waer["parent"].startswith("place:SY"),
          f"an entry's country and parent are written: {waer}")
    check(waer["governorate"] == "place:SY04", f"al-Waer lies in Homs governorate: {waer}")
    homs = recs[0]["entities"][1]
    check(homs["text"] == "حمص" and homs["governorate"] == "place:SY04"
          and abs(homs["lat"] - 34.73) < 0.1 and abs(homs["lon"] - 36.72) < 0.1,
          f"Homs city, with its coordinates: {homs}")
    fixed = {}
    for e in (e for r in recs for e in r["entities"] if e["id"]):
        entry = {k: e.get(k) for k in ("type", "subtype", "name_ar", "name_en", "country", "parent")}
        check(fixed.setdefault(e["id"], entry) == entry, f"an entry's fields read the same each time: {e}")
    putin = recs[1]["entities"][0]
    check(putin["name_en"] == "Vladimir Putin" and putin["country"] == "RU" and "parent" not in putin,
          f"a person's record: {putin}")
    # With --repair the writer checks each entity's text before writing it; valid text comes
    # out as the bytes written unchecked.
    rc_r, out_r, _ = run(["extract", "--repair", places])
    check(out_r == out, "--repair writes valid text as without it")
    rc_r, out_r, _ = run(["extract", "--repair", plain])
    rc_n, out_n, _ = run(["extract", plain])
    check(out_r == out_n, "--repair writes valid text as without it (2)")

    txt = os.path.join(d, "story.txt")
    with open(txt, "w", encoding="utf-8") as f:
        f.write("قصفت الطائرات مدينة حلب")
    rc, out, _ = run(["extract", txt])
    r = json.loads(out)
    check(r["doc"] == "story.txt" and r["entities"][0]["text"] == "حلب", "plain text file is one document")

    rc, out, _ = run(["extract", "--format", "bio", txt])
    lines = out.splitlines()
    check(lines[0] == "# doc: story.txt" and "حلب\tB-PLACE" in lines and "مدينة\tO" in lines, "BIO output")
    rc, out, _ = run(["extract", "--format", "bio", "-"], stdin="سيطرت قسد على والرقة".encode())
    check("و\tO" in out.splitlines() and "الرقة\tB-PLACE" in out.splitlines(), "BIO splits proclitics off")

    bad = os.path.join(d, "bad.jsonl")
    with open(bad, "wb") as f:
        f.write(b'{"id": "x1", "text": "\xd8\xad\xd9\x84\xd8\xa8"}\n')
        f.write(b'{"id": "x2", "text": "\xff\xfe"}\n')
        f.write(b'not json\n')
        f.write(b'{"id": "x4"}\n')
        f.write(b'{"id": "x5", "text": "\xd8\xad\xd9\x84\xd8\xa8"}\n')
    rc, out, err = run(["extract", bad, os.path.join(d, "missing.txt")])
    recs = [json.loads(l) for l in out.splitlines()]
    check(rc == 1, "exit 1 when a document failed")
    check([r["doc"] for r in recs] == ["x1", "x2", "bad.jsonl:3", "x4", "x5", "missing.txt"],
          f"every input record reported in order: {[r['doc'] for r in recs]}")
    check(["error" in r for r in recs] == [False, True, True, True, False, True], "errors marked")
    check("x2" in err and "invalid UTF-8" in err, "stderr names the failing document")
    rc, out, _ = run(["extract", "--repair", bad])
    check(json.loads(out.splitlines()[1]).get("error") is None, "--repair accepts invalid UTF-8")

    # The id field may be a text field too; an id that is not a string or number is an error
    # for that record, which keeps its place in the input as its name.
    ids = os.path.join(d, "ids.jsonl")
    with open(ids, "w", encoding="utf-8") as f:
        f.write('{"title": "حلب", "text": "x"}\n{"title": {"a": 1}, "text": "y"}\n{"text": "z"}\n')
    rc, out, _ = run(["extract", "--id-field", "title", "--text-field", "title", ids])
    recs = [json.loads(l) for l in out.splitlines()]
    check(recs[0]["doc"] == "حلب" and [e["text"] for e in recs[0]["entities"]] == ["حلب"],
          f"the id field read as text too: {recs[0]}")
    check([r["doc"] for r in recs[1:]] == ["ids.jsonl:2", "ids.jsonl:3"] and
          "not a string or number" in recs[1]["error"], f"ids by place: {recs[1:]}")

    # A document above the 1 MiB chunk size is extracted and written in chunks: the same
    # entities, offsets into the whole document, valid JSON and BIO.
    big = os.path.join(d, "big.txt")
    unit = "قصفت الطائرات مدينة حلب، وتقدمت قوات سوريا الديمقراطية نحو الرقة.\n"
    with open(big, "w", encoding="utf-8") as f:
        f.write(unit * 20000)
    rc, out, _ = run(["extract", big])
    r = json.loads(out)
    text = open(big, encoding="utf-8").read()
    raw = text.encode("utf-8")
    check(rc == 0 and len(r["entities"]) == 3 * 20000, f"chunked document: {len(r['entities'])} entities")
    check(all(text[e["start"]:e["end"]] == e["text"] and
              raw[e["byte_start"]:e["byte_end"]].decode() == e["text"] for e in r["entities"]),
          "chunked document: every span slices the whole text")
    rc, out, _ = run(["extract", "--format", "bio", big])
    check(rc == 0 and out.count("\tB-PLACE") == 2 * 20000 and out.count("\tB-FACTION") == 20000,
          "chunked document in BIO")
    with open(big, "ab") as f:
        f.write(b"\xff")
    rc, out, err = run(["extract", big])
    check(rc == 1 and json.loads(out).get("error", "").startswith("invalid UTF-8 at byte"),
          "chunked document with invalid UTF-8 fails as a whole")

    # extract executes itself again, once, with glibc's huge pages for its heap: the same
    # process (exec keeps the pid) ends up with the tunable added to those it was given, and
    # with the same arguments, input and output. It does not when it is given the tunable, nor
    # where the kernel offers no huge pages.
    try:
        thp = open("/sys/kernel/mm/transparent_hugepage/enabled").read()
    except OSError:
        thp = "[never]"

    def environ_of_extract(tunables, expect_change):
        """The environment of a running `alam extract` given GLIBC_TUNABLES=tunables (NULs
        read as ':': glibc before 2.39 splits the tunables it knows in place), and whether it
        then extracted the test input as before."""
        env = {k: v for k, v in os.environ.items() if k != "GLIBC_TUNABLES"}
        env["GLIBC_TUNABLES"] = tunables
        p = subprocess.Popen([CLI, "extract", "--input-format", "jsonl", "-"], env=env,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
        seen = b""
        # The process waits for its input meanwhile: up to 10 s for a change, 1 s otherwise.
        for _ in range(200 if expect_change else 20):
            try:
                seen = open(f"/proc/{p.pid}/environ", "rb").read().replace(b"\0", b":")
            except OSError:
                break
            if b"hugetlb=1" in seen:
                break
            time.sleep(0.05)
        try:
            out_p, _ = p.communicate(open(plain, "rb").read(), timeout=120)
        except subprocess.TimeoutExpired:
            p.kill()
            out_p = b""
        return seen, p.returncode == 0 and out_p.decode() == out3

    seen, same = environ_of_extract("glibc.malloc.check=0", "[never]" not in thp)
    check(same, "extract's output after its re-exec")
    if "[never]" in thp:
        check(b"GLIBC_TUNABLES=glibc.malloc.check=0:" in seen and b"hugetlb" not in seen,
              "no re-exec without huge pages")
    else:
        check(b"GLIBC_TUNABLES=glibc.malloc.check=0:glibc.malloc.hugetlb=1:" in seen,
              "re-exec with the tunable added")
    seen, same = environ_of_extract("glibc.malloc.hugetlb=0", False)
    check(same and b"GLIBC_TUNABLES=glibc.malloc.hugetlb=0:" in seen and b"hugetlb=1" not in seen,
          "extract keeps a hugetlb tunable it is given")

    rc, _, err = run(["extract", "--threads", "x"])
    check(rc == 2 and "--threads" in err, "usage error exits 2")
    rc, out, _ = run(["stats"])
    check(rc == 0 and out.startswith("entries\t"), "stats")
    table = [l.split("\t") for l in out.split("\n\n", 1)[1].splitlines()]
    check(table[0] == ["type", "subtype", "country", "entries", "aliases", "with_coordinates",
                       "approximate", "with_wikidata"], f"stats table header: {table[0]!r}")
    countries = [r for r in table[1:] if r[:2] == ["PLACE", "country"]]
    check(countries and all(r[3] == r[5] for r in countries), "stats: every country has a point")
    sy_cities = [r for r in table[1:] if r[:3] == ["PLACE", "city", "SY"]]
    check(sy_cities and int(sy_cities[0][7]) > 0, "stats: Syrian cities with Wikidata ids")

    # Command-line conventions: --version, --opt=value, --, -o FILE, per-command help.
    rc, out, _ = run(["--version"])
    check(rc == 0 and out.startswith("alam "), f"--version: {out!r}")
    rc, out, _ = run(["extract", "--help"])
    check(rc == 0 and "--text-field" in out and "-o,--output" in out, "extract --help")
    dashed = os.path.join(d, "-dashed.txt")
    with open(dashed, "w", encoding="utf-8") as f:
        f.write("معارك في الرقة")
    written = os.path.join(d, "out.jsonl")
    rc, out, err = run(["extract", "--threads=1", "-o", written, "--", dashed])
    with open(written, encoding="utf-8") as f:
        rec = json.loads(f.read())
    check(rc == 0 and out == "" and rec["doc"] == "-dashed.txt" and rec["entities"],
          f"-o FILE, --threads=1 and -- before a file named like an option: {rec}")
    check("1 documents" in err and "0 failed" in err, f"the run's summary on stderr: {err!r}")
    rc, _, err = run(["extract", "-q", "-o", written, dashed])
    check(rc == 0 and err == "", f"--quiet: no summary: {err!r}")

    # Inputs that used to give wrong results silently: a JSON array of records, .ndjson,
    # a compressed file that is not what its magic bytes say, a directory.
    arr = os.path.join(d, "arr.json")
    with open(arr, "w", encoding="utf-8") as f:
        json.dump([{"id": "a", "text": "قصف على الرقة"}, {"text": "حلب"}, 5], f, ensure_ascii=False)
    nd = os.path.join(d, "lines.ndjson")
    with open(nd, "w", encoding="utf-8") as f:
        f.write('{"id": "x", "text": "دمشق"}\n{"id": "y", "text": "حمص"}\n')
    xz = os.path.join(d, "c.xz")
    with open(xz, "wb") as f:
        f.write(b"\xfd7zXZ\x00rest")
    sub = os.path.join(d, "subdir")
    os.mkdir(sub)
    rc, out, err = run(["extract", "-q", arr, nd, xz, sub])
    recs = [json.loads(l) for l in out.splitlines()]
    check([r["doc"] for r in recs] == ["a", "arr.json:2", "arr.json:3", "x", "y", "c.xz", "subdir"],
          f"one record per array item, .ndjson read as JSON Lines: {[r['doc'] for r in recs]}")
    check(recs[0]["entities"] and recs[1]["entities"] and recs[3]["entities"],
          "the array's and the .ndjson's records are extracted")
    check(recs[2].get("error") == "not a JSON object", f"a non-object array item: {recs[2]}")
    check("truncated xz data" in recs[5].get("error", ""), f"a cut xz file named as such: {recs[5]}")
    check("is a directory" in recs[6].get("error", ""), f"a directory is an error: {recs[6]}")
    check(rc == 1 and "c.xz" in err and "subdir" in err, "the failures are named, exit 1")

    # Two inputs with one base name are named by their paths.
    for sub_dir, text in (("d1", "حلب"), ("d2", "حمص")):
        os.makedirs(os.path.join(d, sub_dir), exist_ok=True)
        with open(os.path.join(d, sub_dir, "a.txt"), "w", encoding="utf-8") as f:
            f.write(text)
    rc, out, _ = run(["extract", "-q", os.path.join(d, "d1", "a.txt"), os.path.join(d, "d2", "a.txt"), dashed])
    docs = [json.loads(l)["doc"] for l in out.splitlines()]
    check(docs == [os.path.join(d, "d1", "a.txt"), os.path.join(d, "d2", "a.txt"), "-dashed.txt"],
          f"shared base names give way to the paths: {docs}")

    # A text field the records do not have: one error naming the fields they have, not one
    # per record; the other inputs go on.
    wrong = os.path.join(d, "wrong.jsonl")
    with open(wrong, "w", encoding="utf-8") as f:
        for i in range(50):
            f.write(json.dumps({"id": i, "title": "t", "content": "حلب"}) + "\n")
    rc, out, err = run(["extract", "-q", wrong, nd])
    recs = [json.loads(l) for l in out.splitlines()]
    check(len(recs) == 3 and recs[0]["doc"] == "wrong.jsonl"
          and "its fields are: id, title, content" in recs[0].get("error", "")
          and [r["doc"] for r in recs[1:]] == ["x", "y"],
          f"one error for a text field the records lack: {out[:300]}")

print(f"cli: {len(failures)} checks failed" if failures else "cli: all checks passed")
sys.exit(1 if failures else 0)
