#!/usr/bin/env python3
"""Golden output: the exact bytes of `alam extract data/sample/*.txt`, run from the repository
root (so the records' doc names are the files' base names), against the committed
tests/golden/sample.expected.jsonl.

On a mismatch it prints a unified diff (expected -> actual) and the command that rewrites the
file; a deliberate change of output is then committed as a reviewed diff of that file.

  ALAM_CLI=build/release/alam python3 tests/golden/golden_output.py            # check
  ALAM_CLI=build/release/alam python3 tests/golden/golden_output.py --refresh  # rewrite

The CLI binary comes from $ALAM_CLI (default build/release/alam).
"""
import difflib, glob, os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXPECTED = os.path.join("tests", "golden", "sample.expected.jsonl")
MAX_DIFF_LINES = 200


def run_cli(cli):
    # Relative paths, in the order the shell's glob gives, as the command is run from ROOT.
    files = sorted(os.path.relpath(p, ROOT)
                   for p in glob.glob(os.path.join(ROOT, "data", "sample", "*.txt")))
    if len(files) != 5:
        sys.exit(f"expected the five sample articles under data/sample/, found {files}")
    p = subprocess.run([cli, "extract", *files], cwd=ROOT, capture_output=True)
    if p.returncode != 0:
        sys.exit(f"{cli} exited {p.returncode}: {p.stderr.decode('utf-8', 'replace')}")
    return p.stdout


def main():
    cli = os.path.abspath(os.environ.get("ALAM_CLI", os.path.join(ROOT, "build", "release", "alam")))
    actual = run_cli(cli)
    path = os.path.join(ROOT, EXPECTED)
    if "--refresh" in sys.argv[1:]:
        with open(path, "wb") as f:
            f.write(actual)
        print(f"wrote {EXPECTED} ({len(actual)} bytes); review it with git diff")
        return 0
    try:
        with open(path, "rb") as f:
            expected = f.read()
    except FileNotFoundError:
        expected = b""
    if actual == expected:
        print(f"{EXPECTED}: identical ({len(actual)} bytes)")
        return 0
    # Each record is one long line; split entity objects onto lines of their own so that the
    # diff shows which entity changed rather than a whole document.
    def lines(b):
        return b.decode("utf-8", "replace").replace("}, {", "},\n{").splitlines(keepends=True)
    diff = list(difflib.unified_diff(lines(expected), lines(actual), EXPECTED, "actual output"))
    sys.stdout.writelines(diff[:MAX_DIFF_LINES])
    if len(diff) > MAX_DIFF_LINES:
        print(f"... {len(diff) - MAX_DIFF_LINES} more diff lines")
    if not diff:  # same text after the split: the difference is in bytes the split hid
        print(f"outputs differ in bytes only: {len(expected)} expected, {len(actual)} actual")
    print(f"\nFAILED: output of `alam extract data/sample/*.txt` differs from {EXPECTED}.\n"
          f"If the change is intended, refresh the file and commit its diff:\n"
          f"  cd {ROOT} && ALAM_CLI={cli} /usr/bin/python3 tests/golden/golden_output.py --refresh",
          file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
