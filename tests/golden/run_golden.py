#!/usr/bin/env python3
"""Golden test: the CLI over ../shared/dev-articles, scored by ../shared/eval/score.py.

Fails when the overlap micro F1 drops below 0.95 or the strict micro F1 below 0.85, or when
any emitted span does not slice the original text to exactly its `text` (in code points and
in bytes). The CLI binary comes from $ALAM_CLI.
"""
import json, os, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.environ.get("ALAM_SHARED_DIR", os.path.join(os.path.dirname(ROOT), "shared"))
MIN_OVERLAP_F1, MIN_STRICT_F1 = 0.95, 0.85


def main():
    cli = os.environ["ALAM_CLI"]
    arts = os.path.join(SHARED, "dev-articles")
    files = sorted(os.path.join(arts, f) for f in os.listdir(arts) if f.endswith(".txt"))
    assert len(files) == 5, files
    out = subprocess.run([cli, "extract", "--threads", "2", *files], check=True,
                         capture_output=True).stdout.decode("utf-8")
    records = [json.loads(l) for l in out.splitlines()]
    assert [r["doc"] for r in records] == [os.path.basename(f) for f in files], "order or names"
    bad = 0
    for path, rec in zip(files, records):
        raw = open(path, "rb").read()
        text = raw.decode("utf-8")
        for e in rec["entities"]:
            if text[e["start"]:e["end"]] != e["text"] or \
               raw[e["byte_start"]:e["byte_end"]].decode("utf-8") != e["text"]:
                print(f"span mismatch in {rec['doc']}: {e}", file=sys.stderr)
                bad += 1
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        f.write(out)
        pred = f.name
    try:
        scored = subprocess.run([sys.executable, os.path.join(SHARED, "eval", "score.py"),
                                 os.path.join(SHARED, "eval", "dev-gold.jsonl"), pred, "--json"],
                                check=True, capture_output=True, text=True).stdout
    finally:
        os.unlink(pred)
    fig = json.loads(scored)
    o, s = fig["overlap"]["micro"], fig["strict"]["micro"]
    print(f"overlap micro P={o['p']:.3f} R={o['r']:.3f} F1={o['f1']:.3f}; "
          f"strict micro P={s['p']:.3f} R={s['r']:.3f} F1={s['f1']:.3f}")
    ok = bad == 0 and o["f1"] >= MIN_OVERLAP_F1 and s["f1"] >= MIN_STRICT_F1
    if not ok:
        print(f"FAILED: {bad} span mismatches; bars overlap>={MIN_OVERLAP_F1} strict>={MIN_STRICT_F1}",
              file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
