#!/usr/bin/env python3
"""The html page of the five sample articles in Debian's headless Chromium: after Leaflet has
run (--virtual-time-budget), the DOM holds one highlighted element per JSON Lines entity and
one map marker per distinct place with coordinates; a screenshot of the page is saved.

    html_browser_test.py ALAM_CLI ARTIFACTS_DIR

Exit 77 (skipped) when chromium is not installed (cmake/deps.sh installs it)."""
import glob, json, os, re, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def chromium_args(chromium, profile):
    args = [chromium, "--headless", "--disable-gpu", "--disable-dev-shm-usage",
            "--no-first-run", "--no-default-browser-check", "--hide-scrollbars",
            "--user-data-dir=" + profile, "--virtual-time-budget=15000"]
    if os.geteuid() == 0:
        args.append("--no-sandbox")  # Chromium's sandbox refuses to run as root
    return args


def main():
    cli, artifacts = sys.argv[1], sys.argv[2]
    chromium = shutil.which("chromium")
    if chromium is None:
        print("SKIPPED: chromium is not installed (Debian package chromium; cmake/deps.sh "
              "installs it)")
        return 77
    sample = sorted(glob.glob(os.path.join(ROOT, "data", "sample", "*.txt")))
    jsonl = subprocess.run([cli, "extract", "-q", *sample], capture_output=True, check=True)
    records = [json.loads(l) for l in jsonl.stdout.splitlines()]
    entities = sum(len(r["entities"]) for r in records)
    places = {e["id"] for r in records for e in r["entities"] if "lat" in e}
    with tempfile.TemporaryDirectory() as d:
        page = os.path.join(d, "sample.html")
        subprocess.run([cli, "extract", "-q", "--format", "html", "-o", page, *sample], check=True)
        url = "file://" + page
        dom = subprocess.run(chromium_args(chromium, os.path.join(d, "p1")) + ["--dump-dom", url],
                             capture_output=True, text=True, timeout=120).stdout
        marks = len(re.findall(r'<mark class="ent t-', dom))
        markers = len(re.findall(r'<path[^>]*class="[^"]*\balam-marker\b', dom))
        os.makedirs(artifacts, exist_ok=True)
        png = os.path.join(artifacts, "sample_page.png")
        if os.path.exists(png):
            os.remove(png)
        subprocess.run(chromium_args(chromium, os.path.join(d, "p2")) +
                       ["--window-size=1200,900", "--screenshot=" + png, url],
                       capture_output=True, timeout=120)
    ok = True
    print(f"highlighted entities in the DOM: {marks}; JSON Lines entities: {entities}")
    print(f"map markers in the DOM: {markers}; distinct places with coordinates: {len(places)}")
    if marks != entities or entities == 0:
        print("FAIL: the highlighted entities differ from the JSON Lines entities")
        ok = False
    if markers != len(places) or not places:
        print("FAIL: the map markers differ from the places with coordinates")
        ok = False
    if os.path.exists(png) and os.path.getsize(png) > 0:
        print("screenshot of the page:", png)
    else:
        print("FAIL: chromium wrote no screenshot at", png)
        ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
