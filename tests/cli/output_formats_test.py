#!/usr/bin/env python3
"""The output formats of `alam extract --format` (csv, tsv, geojson, html, counts) against the
JSON Lines records of the same documents: the same bytes from the CLI on 1 and 2 threads and
from Python (Extractor.write_records), csv/tsv read back by the csv module and pandas, geojson
checked against RFC 7946 and the gazetteer (Extractor.entry), counts recomputed here from the
jsonl entities and the parent chain, html parsed (entities, text, escaping).

Environment: ALAM_CLI (the alam program), ALAM_LIBRARY (libalam.so for the Python binding)."""
import collections, csv, glob, html.parser, io, json, os, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "bindings", "python"))
import alam  # noqa: E402
import pandas as pd  # noqa: E402

CLI = os.environ["ALAM_CLI"]
COLUMNS = ["doc", "date", "start", "end", "byte_start", "byte_end", "text", "type", "subtype",
           "id", "name_ar", "name_en", "country", "governorate", "parent", "lat", "lon",
           "approximate", "pcode", "wikidata", "score", "source", "error"]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what, file=sys.stderr)


def run(args):
    p = subprocess.run([CLI, "extract", "-q", *args], capture_output=True)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def expected_rows(records):
    """The csv/tsv rows the jsonl records stand for, every value as text."""
    rows = []
    for r in records:
        if "error" in r:
            rows.append({c: "" for c in COLUMNS} | {"doc": r["doc"], "error": r["error"]})
            continue
        for e in r["entities"]:
            row = {c: "" for c in COLUMNS} | {"doc": r["doc"]}
            for c in COLUMNS[2:-1]:
                v = e.get(c)
                if c in ("lat", "lon") and v is not None:
                    v = "%.5f" % v
                elif c == "score":
                    v = "%.2f" % v
                elif c == "approximate":
                    v = "true" if v else ""
                row[c] = "" if v is None else str(v)
            rows.append(row)
    return rows


def unescape_tsv(cell):
    out, i = [], 0
    while i < len(cell):
        if cell[i] == "\\" and i + 1 < len(cell):
            out.append({"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}[cell[i + 1]])
            i += 2
        else:
            out.append(cell[i])
            i += 1
    return "".join(out)


def check_tables(outputs, records, what, failed_doc=True):
    want = expected_rows(records)
    check(any(r["error"] for r in want) == failed_doc, what + ": a failed document or not")
    text = outputs["csv"].decode("utf-8")
    got = list(csv.DictReader(io.StringIO(text, newline="")))
    check(list(got[0].keys()) == COLUMNS if got else False, what + ": csv header")
    check(got == want, what + ": csv rows (csv module) equal the jsonl entities")
    frame = pd.read_csv(io.StringIO(text, newline=""), dtype=str, keep_default_na=False)
    check(frame.to_dict("records") == want, what + ": csv rows (pandas) equal the jsonl entities")
    frame = pd.read_csv(io.StringIO(outputs["tsv"].decode("utf-8")), sep="\t", dtype=str,
                        keep_default_na=False, quoting=csv.QUOTE_NONE)
    got = [{k: unescape_tsv(v) for k, v in r.items()} for r in frame.to_dict("records")]
    check(got == want, what + ": tsv rows (pandas, unescaped) equal the jsonl entities")


def check_geojson(ex, data, records, what):
    g = json.loads(data)
    check(g["type"] == "FeatureCollection" and isinstance(g["features"], list), what + ": type")
    mentions, docs, without = collections.Counter(), collections.defaultdict(list), set()
    for r in records:
        for e in r["entities"]:
            if "lat" in e:
                mentions[e["id"]] += 1
                if r["doc"] not in docs[e["id"]]:
                    docs[e["id"]].append(r["doc"])
            elif e["type"] == "PLACE":
                without.add(e["id"] or "text:" + e["text"])
    check([f["properties"]["id"] for f in g["features"]] == list(mentions),
          what + ": one feature per distinct place with coordinates, in order of first mention")
    check(g["places_without_coordinates"] == len(without), what + ": places without coordinates")
    for f in g["features"]:
        p, geom = f["properties"], f["geometry"]
        entry = ex.entry(p["id"])
        check(f["type"] == "Feature" and geom["type"] == "Point" and len(geom["coordinates"]) == 2,
              what + ": a Point feature " + p["id"])
        check(geom["coordinates"] == [entry["lon"], entry["lat"]],
              what + ": [lon, lat] of " + p["id"] + " equal its entry's")
        check(-180 <= entry["lon"] <= 180 and -90 <= entry["lat"] <= 90, what + ": in range")
        check(p["mentions"] == mentions[p["id"]] and p["docs"] == docs[p["id"]],
              what + ": mentions and docs of " + p["id"])
        check(p["name_en"] == entry["name_en"] and p["approximate"] == entry["coordinates_approximate"],
              what + ": properties of " + p["id"])


def check_counts(ex, data, records, what):
    own, total, ndocs = collections.Counter(), collections.Counter(), collections.defaultdict(set)
    for r in records:
        for e in r["entities"]:
            key = (e["type"], e["id"], "" if e["id"] else e["text"])
            own[key] += 1
            chain, parent = [key], ex.entry(e["id"])["parent"] if e["id"] else ""
            while parent and len(chain) < 9:
                up = ex.entry(parent)
                chain.append((up["type"], up["id"], ""))
                parent = up["parent"]
            for k in chain:
                total[k] += 1
                ndocs[k].add(r["doc"])
    want = [["", t, i, n, own[(t, i, n)], total[(t, i, n)], len(ndocs[(t, i, n)])]
            for (t, i, n) in sorted(total)]
    lines = data.decode("utf-8").splitlines()
    check(lines[0].split("\t") == ["date", "type", "id", "subtype", "name_ar", "name_en",
                                   "governorate", "mentions", "mentions_with_contained",
                                   "documents"], what + ": counts header")
    got = []
    for line in lines[1:]:
        c = line.split("\t")
        got.append([c[0], c[1], c[2], c[4] if not c[2] else "", int(c[7]), int(c[8]), int(c[9])])
    check(got == want, what + ": counts equal those derived from the jsonl and the parent chain")
    check(any(g[4] == 0 and g[5] > 0 for g in got), what + ": an ancestor counted by roll-up")


class Page(html.parser.HTMLParser):
    """The tags of a page, its highlighted entities and the text of each document."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.marks, self.texts, self.depth = collections.Counter(), [], [], 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags[tag] += 1
        if self.depth:
            self.depth += tag != "br"
        if tag == "div" and a.get("class") == "text":
            self.depth = 1
            self.texts.append("")
        if tag == "mark" and "ent" in a.get("class", "").split():
            self.marks.append(a)

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.texts[-1] += data


def check_html(data, records, texts, what):
    page = Page()
    page.feed(data.decode("utf-8"))
    n = sum(len(r["entities"]) for r in records)
    check(len(page.marks) == n, what + f": {len(page.marks)} highlighted entities, jsonl has {n}")
    check([m.get("data-id") for m in page.marks] ==
          [e["id"] for r in records for e in r["entities"]], what + ": entity ids in order")
    good = [t for r, t in zip(records, texts) if "error" not in r]
    check(page.texts == good, what + ": each document's text, whole and unchanged")
    check(page.tags["script"] == 2 and set(page.tags) <= {
        "html", "head", "meta", "title", "style", "body", "div", "header", "h1", "ul", "li",
        "span", "article", "h2", "p", "mark", "a", "script"}, what + f": tags {dict(page.tags)}")


def outputs_of(inputs, what, ex, py_docs=None):
    outs = {}
    for fmt in ["jsonl", "csv", "tsv", "geojson", "html", "counts"]:
        rc, one, err = run(["--format", fmt, "--threads", "1", *inputs])
        rc2, two, _ = run(["--format", fmt, "--threads", "2", "--batch-bytes", "200", *inputs])
        check(rc in (0, 1) and rc == rc2, f"{what}: {fmt} exit {rc}/{rc2}: {err}")
        check(one == two, f"{what}: {fmt} bytes on 1 and 2 threads are the same")
        if py_docs is not None:
            ids, datas = py_docs
            py, _ = ex.write_records(datas, ids, format=fmt, threads=2)
            check(py == one, f"{what}: {fmt} bytes from Python equal the CLI's")
        outs[fmt] = one
    return outs


def main():
    ex = alam.Extractor()
    sample = sorted(glob.glob(os.path.join(ROOT, "data", "sample", "*.txt")))
    datas = [open(p, "rb").read() for p in sample]
    outs = outputs_of(sample, "sample", ex, ([os.path.basename(p) for p in sample], datas))
    records = [json.loads(l) for l in outs["jsonl"].splitlines()]
    check_geojson(ex, outs["geojson"], records, "sample")
    check_counts(ex, outs["counts"], records, "sample")
    check_html(outs["html"], records, [d.decode("utf-8") for d in datas], "sample")

    hostile = [{"id": 'a,"b"\n\tc\\d', "text": "قصف على حلب, \"ثم\"\tفي\nالرقة \\ <b>x</b>"},
               {"id": "<script>window.pwned=1</script>",
                "text": "<img src=x onerror=alert(1)> داعش في الموصل </div></article><script>x()</script>"},
               {"id": "empty", "text": "لا شيء"}]
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "in.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            f.write(json.dumps(hostile[0], ensure_ascii=False) + "\n")
            f.write("{not json\n")  # a record that cannot be read: an error row
            for h in hostile[1:]:
                f.write(json.dumps(h, ensure_ascii=False) + "\n")
        outs = outputs_of([path], "hostile", ex)
    records = [json.loads(l) for l in outs["jsonl"].splitlines()]
    check_tables(outs, records, "hostile")
    check_geojson(ex, outs["geojson"], records, "hostile")
    page = outs["html"].decode("utf-8")
    check("pwned" in page and "<script>window.pwned" not in page and "<img" not in page
          and "<script>x()" not in page, "hostile: document text and ids are escaped in html")
    check_html(outs["html"], records, [hostile[0]["text"], ""] + [h["text"] for h in hostile[1:]],
               "hostile")

    # A document above 1 MiB is written segment by segment by the CLI's writer thread: the
    # same bytes as the library's WriteRun (Python), whole, in every format.
    long_docs = [("before", "قصف على حلب"),
                 ("long", "\n".join(t.decode("utf-8") for t in datas) * 60),
                 ("after", "اشتباكات في الرقة")]
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "long.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for i, t in long_docs:
                f.write(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n")
        outs = outputs_of([path], "long", ex, ([i for i, _ in long_docs], [t for _, t in long_docs]))
    check(len(long_docs[1][1].encode("utf-8")) > 1 << 20, "long: the document spans segments")
    records = [json.loads(l) for l in outs["jsonl"].splitlines()]
    check_tables(outs, records, "long", failed_doc=False)
    check_html(outs["html"], records, [t for _, t in long_docs], "long")

    rc = subprocess.run([CLI, "extract", "--format", "xml"], capture_output=True).returncode
    check(rc == 2, "an unknown format is a usage error")
    if failures:
        print(f"{len(failures)} checks failed", file=sys.stderr)
        return 1
    print("output formats: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
