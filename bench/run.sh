#!/usr/bin/env bash
# bench/run.sh — the end-to-end benchmark of alam (see bench/README.md).
#
# Builds the bench preset, makes a news dump of >= 200 MB of text from ../shared/corpora
# (saudinewsnet, ANT multisource, ANT v1.1: title and body of every document, as JSON Lines
# {"id", "text"}, the corpora repeated with distinct ids until the size is reached), then
# measures on it:
#   * `alam extract` with 1 and 2 threads, and with 1 thread pinned to one core (taskset: its
#     reader and writer threads share that core, so it is the one-core figure the 2-thread run
#     scales from), the fastest of 3 runs each: wall and CPU time, MB/s, documents/s,
#     entities/s, peak RSS (/usr/bin/time -v); the outputs must be identical;
#   * gazetteer compile time and resident size of a process that only builds the extractor
#     (`alam stats`);
#   * the Google Benchmark micro-benchmarks (build/bench/bench/alam_bench): memcpy ceiling,
#     normalization, matching, rules, full extraction and its thread scaling;
#   * the Python baselines on a 20 MB sample of the same dump (every 10th document) with the
#     same alias list (bench/baseline_flashtext.py: a FlashText-style trie, and pyahocorasick
#     when installed), in rounds interleaved with `alam extract` on the same sample;
#   * callgrind instruction counts per byte of `alam extract` on a 2 MB prefix, in total and
#     per stage (the stable measure: these machines have no hardware counters).
# and prints a Markdown table (also written to $WORK/results.md).
#
# Environment: ALAM_SHARED_DIR (default: ../shared beside the repository), ALAM_BENCH_WORK
# (scratch directory, default build/bench/dump; the dump is kept there and reused),
# ALAM_BENCH_DUMP_MB (default 200), ALAM_BENCH_PY_MB (Python sample, default 20),
# ALAM_BENCH_CALLGRIND_MB (default 2), ALAM_BENCH_THREADS (default "1 2"), ALAM_BENCH_REPEAT
# (runs of each `alam extract`, the fastest kept; default 3).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SHARED=${ALAM_SHARED_DIR:-$ROOT/../shared}
CORPORA=$SHARED/corpora
BUILD=$ROOT/build/bench
WORK=${ALAM_BENCH_WORK:-$BUILD/dump}
DUMP_MB=${ALAM_BENCH_DUMP_MB:-200}
PY_MB=${ALAM_BENCH_PY_MB:-20}
CG_MB=${ALAM_BENCH_CALLGRIND_MB:-2}
THREADS=${ALAM_BENCH_THREADS:-"1 2"}
PY=/usr/bin/python3
ALAM=$BUILD/alam
GBENCH=$BUILD/bench/alam_bench

log() { echo "run.sh: $*" >&2; }
die() { echo "run.sh: error: $*" >&2; exit 1; }

[ -d "$CORPORA" ] || die "no corpora at $CORPORA (set ALAM_SHARED_DIR)"
mkdir -p "$WORK"
RES=$WORK/results.env   # key=value measurements, turned into the table at the end
: > "$RES"
put() { echo "$1=$2" >> "$RES"; }

# ---- 0. Tools ----
# What building alam needs (compiler, CMake, Ninja, ICU, RE2, Abseil, Google Benchmark,
# Python), installed as the tests install it; then what only the measurements use.
bash "$ROOT/cmake/deps.sh" >&2 ||
  log "cmake/deps.sh could not install everything (run as root, or with sudo); going on with what is installed"
need=()
[ -x /usr/bin/time ] || need+=(time)
command -v valgrind >/dev/null || need+=(valgrind)
command -v taskset >/dev/null || need+=(util-linux)
"$PY" -c 'import ahocorasick' 2>/dev/null || need+=(python3-ahocorasick)
[ -f /usr/include/simdjson.h ] || need+=(libsimdjson-dev)  # alam_json_parse_bench (README: JSON reader)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    log "installing ${need[*]}"
    apt-get install -y -q "${need[@]}" >/dev/null 2>&1 ||
      { apt-get update -q >/dev/null && apt-get install -y -q "${need[@]}" >/dev/null; } ||
      log "could not install ${need[*]}; continuing without what is missing"
  else
    log "missing ${need[*]} (run as root to install them); continuing without"
  fi
fi
[ -x /usr/bin/time ] || die "/usr/bin/time (Debian package time) is required"

# ---- 1. Build ----
log "building the bench preset"
( cd "$ROOT"
  [ -f "$BUILD/build.ninja" ] || cmake --preset bench >/dev/null
  cmake --build "$BUILD" -j"$(nproc)" --target alam_cli alam_bench alam_count_normalize >/dev/null ) ||
  die "build failed (cd $ROOT && cmake --preset bench && cmake --build build/bench)"

# ---- 2. The dump ----
DUMP=$WORK/news.jsonl
META=$WORK/news.meta
if [ -f "$DUMP" ] && [ -f "$META" ] && grep -qx "target_mb=$DUMP_MB" "$META"; then
  log "reusing $DUMP"
else
  log "building a ${DUMP_MB} MB dump at $DUMP"
  "$PY" - "$CORPORA" "$DUMP" "$DUMP_MB" > "$META.tmp" <<'PYEOF'
import glob, gzip, json, os, sys, zipfile
corpora, out_path, target_mb = sys.argv[1], sys.argv[2], int(sys.argv[3])

def join(*parts):
    return "\n\n".join(p.strip() for p in parts if isinstance(p, str) and p.strip())

def saudinewsnet():
    for z in sorted(glob.glob(os.path.join(corpora, "saudinewsnet/dataset/*.zip"))):
        with zipfile.ZipFile(z) as zf:
            for name in sorted(zf.namelist()):
                if not name.endswith(".json"):
                    continue
                for i, d in enumerate(json.loads(zf.read(name))):
                    yield f"saudinewsnet/{os.path.basename(name)[:-5]}/{i}", join(d.get("title"), d.get("content"))

def ant(pattern, tag):
    for path in sorted(glob.glob(os.path.join(corpora, pattern))):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for i, line in enumerate(f):
                if line.strip():
                    d = json.loads(line)
                    yield f"{tag}/{i}/{d.get('docno', '')}", join(d.get("title"), d.get("text"))

def interleaved():
    # Round robin over the three corpora, so that any prefix samples all of them.
    gens = [saudinewsnet(), ant("ant-multisource/*.jsonl.gz", "ant-multisource"),
            ant("ant-v1.1/*.jsonl.gz", "ant-v1.1")]
    while gens:
        for g in list(gens):
            try:
                yield next(g)
            except StopIteration:
                gens.remove(g)

target = target_mb * 1_000_000
text_bytes = docs = 0
per_corpus = {}
with open(out_path + ".tmp", "w", encoding="utf-8") as out:
    rep = 0
    while text_bytes < target:
        n_before = docs
        for doc_id, text in interleaved():
            if not text:
                continue
            if rep:
                doc_id = f"{doc_id}#{rep}"
            out.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
            b = len(text.encode("utf-8"))
            text_bytes += b
            docs += 1
            if rep == 0:
                c = doc_id.split("/")[0]
                per_corpus[c] = per_corpus.get(c, 0) + b
            if text_bytes >= target:
                break
        if docs == n_before:
            sys.exit("no documents found under " + corpora)
        rep += 1
os.replace(out_path + ".tmp", out_path)
print(f"target_mb={target_mb}")
print(f"docs={docs}")
print(f"text_bytes={text_bytes}")
print(f"passes={rep}")
for c, b in sorted(per_corpus.items()):
    print(f"corpus_{c}={b}")
PYEOF
  mv "$META.tmp" "$META"
fi
cat "$META" >> "$RES"
DUMP_BYTES=$(stat -c %s "$DUMP")
put dump_bytes "$DUMP_BYTES"
TEXT_BYTES=$(grep '^text_bytes=' "$META" | cut -d= -f2)
DOCS=$(grep '^docs=' "$META" | cut -d= -f2)

# Prefixes of whole lines for the Python baselines and callgrind.
prefix() {  # prefix SRC DST MB: the first lines of SRC holding >= MB megabytes
  "$PY" - "$1" "$2" "$3" <<'PYEOF'
import sys
src, dst, mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
limit, n = int(mb * 1_000_000), 0
with open(src, "rb") as f, open(dst, "wb") as o:
    for line in f:
        o.write(line)
        n += len(line)
        if n >= limit:
            break
PYEOF
}
prefix "$DUMP" "$WORK/prefix_cg.jsonl" "$CG_MB"
: > "$WORK/empty.jsonl"

# ---- 3. Machine ----
put nproc "$(nproc)"
put cpu "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
put ram_gb "$(awk '/MemTotal/ {printf "%.1f", $2/1048576}' /proc/meminfo)"
put commit "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet HEAD -- src include data 2>/dev/null || echo '+dirty')"
put date "$(date -u +%Y-%m-%d)"
put load "$(cut -d' ' -f1-3 /proc/loadavg)"

# /usr/bin/time -v fields of a finished run: wall seconds, user, sys, max RSS kB.
timefields() {  # timefields FILE PREFIX
  awk -v p="$2" -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print p "_wall=" s }
    /User time \(seconds\)/ { print p "_user=" $2 }
    /System time \(seconds\)/ { print p "_sys=" $2 }
    /Maximum resident set size/ { print p "_rss_kb=" $2 }' "$1" >> "$RES"
}

# ---- 4. Gazetteer compile time and resident size ----
log "alam stats (compile time, resident size)"
best=""
for i in 1 2 3; do
  /usr/bin/time -v -o "$WORK/time_stats.txt" "$ALAM" stats > "$WORK/stats.txt"
  s=$(awk -F'\t' '$1 == "compile_seconds" {print $2}' "$WORK/stats.txt")
  if [ -z "$best" ] || awk -v a="$s" -v b="$best" 'BEGIN {exit !(a < b)}'; then best=$s; fi
done
put compile_seconds "$best"
timefields "$WORK/time_stats.txt" stats
awk -F'\t' '$1 ~ /^(entries|aliases|ambiguous_aliases|rules|triggers)$/ {print "gaz_" $1 "=" $2}' \
  "$WORK/stats.txt" >> "$RES"
/usr/bin/time -v -o "$WORK/time_stats0.txt" "$ALAM" stats --no-embedded > /dev/null
timefields "$WORK/time_stats0.txt" stats_empty

# ---- 5. alam extract over the dump ----
# Each thread count runs REPEAT times, the counts interleaved so that a slow minute of a
# shared machine hits them alike; the fastest run of each is kept (its /usr/bin/time -v
# record), and every run's output must be byte-identical to the first.
REPEAT=${ALAM_BENCH_REPEAT:-3}
# "1c": --threads 1 pinned to the first CPU this process may use.
CPU0=$(taskset -pc $$ | sed 's/.*: //' | cut -d, -f1 | cut -d- -f1)
[ -n "$CPU0" ] || die "taskset -pc $$ named no CPU to pin the one-core run to"
RUNS="1c $THREADS"
first_t=1c
wall_of() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$1"; }
for rep in $(seq "$REPEAT"); do
  for t in $RUNS; do
    pin=(); n=$t
    if [ "$t" = 1c ]; then pin=(taskset -c "$CPU0"); n=1; fi
    log "alam extract --threads $n ${pin[*]} over $((DUMP_BYTES / 1000000)) MB (run $rep of $REPEAT)"
    sync
    [ "$rep" = 1 ] && put "load_extract$t" "$(cut -d' ' -f1 /proc/loadavg)"
    /usr/bin/time -v -o "$WORK/time_run.txt" "${pin[@]}" \
      "$ALAM" extract "$DUMP" --threads "$n" --no-progress > "$WORK/out.jsonl" ||
      die "alam extract --threads $n ${pin[*]} failed (see $WORK/time_run.txt)"
    if [ "$rep" = 1 ] && [ "$t" = "$first_t" ]; then
      put out_docs "$(wc -l < "$WORK/out.jsonl")"
      put out_entities "$(grep -o '"byte_start":' "$WORK/out.jsonl" | wc -l)"
      put out_bytes "$(stat -c %s "$WORK/out.jsonl")"
      mv "$WORK/out.jsonl" "$WORK/out_first.jsonl"
    else
      cmp -s "$WORK/out.jsonl" "$WORK/out_first.jsonl" ||
        die "alam extract ($t, run $rep) wrote a different output from the pinned one-core run"
    fi
    if [ ! -f "$WORK/time_extract$t.txt" ] || [ "$rep" = 1 ] ||
       awk -v a="$(wall_of "$WORK/time_run.txt")" -v b="$(wall_of "$WORK/time_extract$t.txt")" \
         'BEGIN {exit !(a < b)}'; then
      cp "$WORK/time_run.txt" "$WORK/time_extract$t.txt"
    fi
  done
done
for t in $RUNS; do timefields "$WORK/time_extract$t.txt" "extract$t"; done
rm -f "$WORK/out.jsonl" "$WORK/out_first.jsonl" "$WORK/time_run.txt"
put threads_list "$THREADS"
put extract_repeat "$REPEAT"

# Reading the dump from the page cache: the I/O ceiling of the same bytes.
s0=$(date +%s.%N); cat "$DUMP" > /dev/null; s1=$(date +%s.%N)
put cat_seconds "$(awk -v a="$s0" -v b="$s1" 'BEGIN {print b - a}')"

# ---- 6. Google Benchmark ----
log "Google Benchmark micro-benchmarks"
"$GBENCH" --benchmark_out="$WORK/gbench.json" --benchmark_out_format=json \
  > "$WORK/gbench.txt" 2>&1 || die "alam_bench failed (see $WORK/gbench.txt)"

# ---- 7. Python baselines ----
# Three rounds, each the Python baselines and then `alam extract --threads 1` on the same
# prefix file: the ratio to the baselines is taken between runs minutes apart at most, so that
# the machine's drift (its speed changes by a fifth within the hour) does not enter it. The
# fastest round of each is kept.
# The input: every STRIDE-th document of the dump, up to PY_MB of text, so that the sample
# holds all three corpora in their proportions.
STRIDE=$(( DUMP_BYTES / (PY_MB * 1000000) )); [ "$STRIDE" -ge 1 ] || STRIDE=1
PY_COPIES=4
log "Python baselines and alam on a ${PY_MB} MB sample (every ${STRIDE}th document; 3 rounds)"
: > "$WORK/python.err"
for rep in 1 2 3; do
  "$PY" "$ROOT/bench/baseline_flashtext.py" --gazetteer-dir "$ROOT/data/gazetteer" \
    --dump "$DUMP" --max-bytes "$((PY_MB * 1000000))" --stride "$STRIDE" \
    --write-prefix "$WORK/py_prefix.jsonl" \
    > "$WORK/python$rep.tsv" 2>> "$WORK/python.err" ||
    die "baseline_flashtext.py failed (see $WORK/python.err)"
  # alam on the sample and on the sample PY_COPIES times over: the difference is the cost of
  # PY_COPIES - 1 passes over the sample's bytes without the start-up (building the extractor,
  # the first touch of its memory), as the baselines' own set-up (building their tries) is not
  # timed either. Several passes, because /usr/bin/time counts CPU time in hundredths of a
  # second: one pass over 20 MB differs by about 0.15 s, a 7% step.
  for _ in $(seq "$PY_COPIES"); do cat "$WORK/py_prefix.jsonl"; done > "$WORK/py_prefix2.jsonl"
  /usr/bin/time -v -o "$WORK/time_py_prefix$rep.txt" \
    "$ALAM" extract "$WORK/py_prefix.jsonl" --threads 1 --no-progress > /dev/null ||
    die "alam extract on the Python sample failed"
  /usr/bin/time -v -o "$WORK/time_py_double$rep.txt" \
    "$ALAM" extract "$WORK/py_prefix2.jsonl" --threads 1 --no-progress > /dev/null ||
    die "alam extract on the Python sample failed"
  # The library alone on the same texts, held in memory as the baselines hold theirs (they
  # time neither reading nor JSON decoding): Extractor::Extract with rules on, CPU time.
  ALAM_BENCH_SAMPLE="$WORK/py_prefix.jsonl" "$GBENCH" --benchmark_filter='^BM_Rules_News/rules:1/' \
    --benchmark_format=json > "$WORK/py_lib$rep.json" 2>> "$WORK/python.err" ||
    die "alam_bench on the Python sample failed (see $WORK/python.err)"
done
put py_lib_mbs "$("$PY" -c '
import json, sys
print(max(b["bytes_per_second"] for f in sys.argv[1:] for b in json.load(open(f))["benchmarks"]) / 1e6)
' "$WORK"/py_lib[123].json)"
# Per engine, the round with the most MB per CPU-second.
sort -t$'\t' -k1,1 -k2,2gr "$WORK"/python[123].tsv | awk -F'\t' '!seen[$1]++' > "$WORK/python.tsv"
awk -F'\t' '{print "py_" $1 "_cpu_mbs=" $2; print "py_" $1 "_wall_mbs=" $3; print "py_bytes=" $5}' \
  "$WORK/python.tsv" >> "$RES"
put py_aliases "$(sed -n 's/^# \([0-9]*\) aliases.*/\1/p' "$WORK/python.err" | head -1)"
cpu_of() { awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {print u + s}' "$1"; }
least() {  # least FILE-PREFIX FIELD-FUNCTION: the smallest value over the three rounds
  for rep in 1 2 3; do "$2" "$1$rep.txt"; done | sort -g | head -1
}
put py_prefix_alam_cpu "$(least "$WORK/time_py_prefix" cpu_of)"
put py_prefix_alam_wall "$(least "$WORK/time_py_prefix" wall_of)"
put py_double_alam_cpu "$(least "$WORK/time_py_double" cpu_of)"
put py_double_alam_wall "$(least "$WORK/time_py_double" wall_of)"
put py_stride "$STRIDE"
put py_copies "$PY_COPIES"
rm -f "$WORK"/python[123].tsv "$WORK"/py_lib[123].json "$WORK/py_prefix.jsonl" "$WORK/py_prefix2.jsonl"

# ---- 8. callgrind ----
# Three runs of `alam extract --threads 1`: on the prefix (total), on a one-word document
# (start-up: gazetteer compile, lazily built tables, CLI set-up; subtracted from the total),
# and on the prefix again collecting only inside Extractor::Extract (the library's hot spots).
if command -v valgrind >/dev/null; then
  log "callgrind on a ${CG_MB} MB prefix"
  echo '{"id": "0", "text": "دمشق"}' > "$WORK/tiny.jsonl"
  cg() {  # cg NAME INPUT [valgrind options]
    local name=$1 input=$2
    shift 2
    # The tunable set: `alam extract` does not run itself again (see alam_main.cc), which
    # would leave valgrind (that does not follow an exec) with the start of the run only.
    GLIBC_TUNABLES=glibc.malloc.hugetlb=0 \
    valgrind --tool=callgrind --callgrind-out-file="$WORK/callgrind.$name.out" "$@" \
      "$ALAM" extract "$input" --threads 1 --no-progress > /dev/null 2> "$WORK/callgrind.$name.log"
    callgrind_annotate --inclusive=yes --threshold=100 "$WORK/callgrind.$name.out" \
      > "$WORK/callgrind.$name.txt" 2>/dev/null
    callgrind_annotate --threshold=100 "$WORK/callgrind.$name.out" \
      > "$WORK/callgrind.$name.self.txt" 2>/dev/null
  }
  cg startup "$WORK/tiny.jsonl"
  cg extract "$WORK/prefix_cg.jsonl"
  cg library "$WORK/prefix_cg.jsonl" --collect-atstart=no \
    '--toggle-collect=alam::Extractor::Extract(*Scratch*'
  total() { awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1; exit}' "$1"; }
  put cg_startup_ir "$(total "$WORK/callgrind.startup.txt")"
  put cg_total_ir "$(total "$WORK/callgrind.extract.txt")"
  put cg_library_ir "$(total "$WORK/callgrind.library.txt")"
  put cg_text_bytes "$("$PY" -c '
import json, sys
print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1], encoding="utf-8") if l.strip()))' \
    "$WORK/prefix_cg.jsonl")"
  # Inclusive Ir of each stage inside Extract: the first function whose name matches.
  stage() {  # stage KEY REGEX
    v=$(awk -v re="$2" '$0 ~ re {gsub(",", "", $1); print $1; exit}' "$WORK/callgrind.library.txt")
    put "cg_$1_ir" "${v:-0}"
  }
  stage normalize ':alam::internal::NormalizeAndTokenize\\('
  stage match ':alam::internal::MatchGazetteer\\('
  stage rules ':alam::internal::RuleSet::Match\\('
  stage resolve ':alam::internal::Resolve\\('
  # alam::Normalize alone (with its offset map): 3 passes minus 1 (the first call also builds
  # the character table), over the bytes of 2 passes.
  for passes in 1 3; do
    valgrind --tool=callgrind --callgrind-out-file="$WORK/callgrind.normalize$passes.out" \
      --collect-atstart=no '--toggle-collect=alam::Normalize(*' \
      "$BUILD/bench/alam_count_normalize" "$WORK/prefix_cg.jsonl" "$passes" \
      > "$WORK/normalize_bytes.txt" 2> "$WORK/callgrind.normalize$passes.log"
  done
  n1=$(callgrind_annotate "$WORK/callgrind.normalize1.out" 2>/dev/null | total /dev/stdin)
  n3=$(callgrind_annotate "$WORK/callgrind.normalize3.out" 2>/dev/null | total /dev/stdin)
  put cg_normalize_only_ir "$((n3 - n1))"
  put cg_normalize_only_bytes "$((2 * $(cat "$WORK/normalize_bytes.txt")))"
else
  log "valgrind missing: no instruction counts"
fi

# ---- 9. The table ----
"$PY" - "$RES" "$WORK/gbench.json" "$WORK/results.md" <<'PYEOF'
import json, os, re, sys
res, gbench_path, md_path = sys.argv[1], sys.argv[2], sys.argv[3]
work = os.path.dirname(md_path)
R = {}
for line in open(res, encoding="utf-8"):
    if "=" in line:
        k, v = line.rstrip("\n").split("=", 1)
        R[k] = v
def f(k, d=None):
    try:
        return float(R[k])
    except (KeyError, ValueError):
        return d
G = {}
if os.path.exists(gbench_path):
    for b in json.load(open(gbench_path)).get("benchmarks", []):
        G[b["name"]] = b
def gb(prefix, key="bytes_per_second"):
    for name, b in G.items():
        if name.startswith(prefix) and key in b:
            return b[key]
    return None
def gmbs(prefix):
    v = gb(prefix)
    return None if v is None else v / 1e6
def fmt(x, p=1):
    return "n/a" if x is None else f"{x:,.{p}f}"

text, docs, ents = f("text_bytes"), f("docs"), f("out_entities", 0)
memcpy = gmbs("BM_Memcpy/")
py_ft, py_ac = f("py_flashtext_cpu_mbs"), f("py_pyahocorasick_cpu_mbs")
def ratios(mbs):
    if mbs is None:
        return ""
    out = []
    if py_ft: out.append(f"{mbs / py_ft:.1f}× FlashText-py")
    if py_ac: out.append(f"{mbs / py_ac:.1f}× pyahocorasick")
    if memcpy: out.append(f"{mbs / memcpy * 100:.2f}% of memcpy")
    return ", ".join(out)
rows = []
def row(what, value, ratio="", note=""):
    rows.append(f"| {what} | {value} | {ratio} | {note} |")

threads = R.get("threads_list", "1 2").split()
wall1 = None
wall1c = f("extract1c_wall")
if wall1c:
    cpu1c = f("extract1c_user") + f("extract1c_sys")
    row(f"`alam extract --threads 1` pinned to one core (`taskset`; its reader and writer threads "
        f"share it): MB/s by wall time (fastest of {R.get('extract_repeat', '1')})",
        f"{text / 1e6 / wall1c:.1f} MB/s", ratios(text / 1e6 / wall1c),
        f"{docs / wall1c:,.0f} docs/s, {ents / wall1c:,.0f} entities/s; {wall1c:.2f} s wall, "
        f"{cpu1c:.2f} s user+sys; load average before: {R.get('load_extract1c', '?')}")
for t in threads:
    wall, user, sys_ = f(f"extract{t}_wall"), f(f"extract{t}_user"), f(f"extract{t}_sys")
    if not wall:
        continue
    cpu = user + sys_
    if wall1 is None:
        wall1 = wall
    scale = ""
    if t != threads[0]:
        scale = f"{wall1 / wall:.2f}× 1 thread (wall)"
        if wall1c:
            scale = f"**{wall1c / wall:.2f}× one core** (wall), " + scale
    row(f"`alam extract --threads {t}`: MB/s by wall time (fastest of {R.get('extract_repeat', '1')})",
        f"{text / 1e6 / wall:.1f} MB/s",
        ratios(text / 1e6 / wall) if t == threads[0] else scale,
        f"{docs / wall:,.0f} docs/s, {ents / wall:,.0f} entities/s; {wall:.2f} s wall; "
        f"load average before: {R.get(f'load_extract{t}', '?')}")
    row(f"`alam extract --threads {t}`: MB/s per CPU-second", f"{text / 1e6 / cpu:.1f} MB/s",
        ratios(text / 1e6 / cpu) if t == threads[0] else "",
        f"{cpu:.1f} s user+sys (all threads, the CLI's reader thread included)")
    row(f"`alam extract --threads {t}`: peak RSS", f"{f(f'extract{t}_rss_kb') / 1024:.0f} MB", "", "")
row("gazetteer compile (`alam stats` compile_seconds, best of 3)", f"{f('compile_seconds'):.3f} s", "",
    f"{R.get('gaz_entries')} entries, {R.get('gaz_aliases')} aliases, {R.get('gaz_rules')} rules, "
    f"{R.get('gaz_triggers')} triggers")
rss, rss0 = f("stats_rss_kb"), f("stats_empty_rss_kb")
row("resident size with the full gazetteer (`alam stats`)", f"{rss / 1024:.1f} MB", "",
    f"{(rss - rss0) / 1024:.1f} MB more than `alam stats --no-embedded` ({rss0 / 1024:.1f} MB)")
for name, what in [("BM_Normalize/offset_map:1", "normalization + offset map (`alam::Normalize`)"),
                   ("BM_Normalize/offset_map:0", "normalization, no offset map"),
                   ("BM_Tokenize/", "tokenization (of normalized text)"),
                   ("BM_TokenizeAndMatch/", "tokenization + gazetteer matching"),
                   ("BM_MatchOnly/", "gazetteer matching alone (tokens given)"),
                   ("BM_Rules_News/rules:1", "`Extract`, rules on, news"),
                   ("BM_Rules_News/rules:0", "`Extract`, rules off, news"),
                   ("BM_Rules_NoTriggers/rules:1", "`Extract`, rules on, text without triggers"),
                   ("BM_Rules_NoTriggers/rules:0", "`Extract`, rules off, text without triggers")]:
    v = gmbs(name)
    row(f"µbench {what}", f"{fmt(v)} MB/s", ratios(v), "CPU time")
e1, e2 = gmbs("BM_Extract/min_time:1.000/real_time/threads:1"), gmbs("BM_Extract/min_time:1.000/real_time/threads:2")
row("µbench `Extract`, 1 thread", f"{fmt(e1)} MB/s", "", "wall time")
row("µbench `Extract`, 2 threads (one scratch each)", f"{fmt(e2)} MB/s",
    f"{e2 / e1:.2f}× 1 thread" if e1 and e2 else "", "wall time, both threads' bytes")
row("µbench memcpy of the same bytes (one block)", f"{fmt(memcpy, 0)} MB/s", "", "the ceiling")
cat = f("cat_seconds")
if cat:
    row("`cat dump > /dev/null` (page cache)", f"{f('dump_bytes') / 1e6 / cat:,.0f} MB/s", "", "")
cms = gb("BM_CompileGazetteer", "real_time")
row("µbench `Extractor::Create` (compile)", f"{fmt(cms, 0)} ms", "", "wall, mean")
for e, what in (("flashtext", "FlashText-style trie (pure Python)"), ("pyahocorasick", "pyahocorasick `iter_long`")):
    v = f(f"py_{e}_cpu_mbs")
    if v:
        row(f"Python baseline: {what}", f"{v:.2f} MB/s", "",
            f"CPU time ({f(f'py_{e}_wall_mbs'):.2f} by wall); matching only, no normalization; "
            f"{int(f('py_bytes', 0)) / 1e6:.0f} MB sample (every {R.get('py_stride', '1')}th document of the dump), {R.get('py_aliases')} aliases")
pc, pd, pw, pdw = (f("py_prefix_alam_cpu"), f("py_double_alam_cpu"), f("py_prefix_alam_wall"),
                   f("py_double_alam_wall"))
pb = f("py_bytes")
copies = int(f("py_copies", 2))
if pc and pd and pb and pd > pc:
    cpu_mbs = (copies - 1) * pb / 1e6 / (pd - pc)
    out = []
    if py_ft: out.append(f"**{cpu_mbs / py_ft:.1f}× FlashText-py**")
    if py_ac: out.append(f"{cpu_mbs / py_ac:.1f}× pyahocorasick")
    wall = (f" ({(copies - 1) * pb / 1e6 / (pdw - pw):.1f} MB/s by wall)"
            if pdw and pw and pdw > pw else "")
    row("`alam extract --threads 1` on the same sample, per CPU-second", f"{cpu_mbs:.1f} MB/s",
        ", ".join(out),
        f"rounds interleaved with the baselines, fastest kept; the sample {copies} times over "
        f"minus once ({pd:.2f} − {pc:.2f} s user+sys, {copies - 1} passes), so that alam's "
        f"start-up is left out as the baselines' set-up is; reading and decoding the JSON "
        f"Lines and writing the records included{wall}")
lib_mbs = f("py_lib_mbs")
if lib_mbs:
    out = []
    if py_ft: out.append(f"**{lib_mbs / py_ft:.1f}× FlashText-py**")
    if py_ac: out.append(f"{lib_mbs / py_ac:.1f}× pyahocorasick")
    row("`Extractor::Extract` on the same sample's texts in memory, per CPU-second",
        f"{lib_mbs:.1f} MB/s", ", ".join(out),
        "like for like with the baselines, which time neither reading nor JSON decoding: "
        "`BM_Rules_News/rules:1` with ALAM_BENCH_SAMPLE, one thread, rounds interleaved with "
        "theirs, fastest kept; normalization, matching, rules, resolution and offsets included")
tot, st, lib, cgb = f("cg_total_ir"), f("cg_startup_ir"), f("cg_library_ir"), f("cg_text_bytes")
hot = []
if tot and cgb:
    row("callgrind: `alam extract`, instructions/byte", f"{(tot - st) / cgb:.1f}", "",
        f"(total − start-up) / text bytes of a {cgb / 1e6:.1f} MB prefix; start-up "
        f"{st / 1e6:,.0f} M instructions")
    if lib:
        row("callgrind: inside `Extractor::Extract`", f"{lib / cgb:.1f} instr/byte",
            f"{lib / (tot - st) * 100:.0f}% of the run", "the rest: CLI input, JSON, output")
    for k, what in [("normalize", "`NormalizeAndTokenize` (normalization, offset map, tokens)"),
                    ("match", "`MatchGazetteer`"), ("rules", "`RuleSet::Match`"),
                    ("resolve", "`Resolve`")]:
        v = f(f"cg_{k}_ir")
        if v:
            row(f"callgrind: {what}", f"{v / cgb:.1f} instr/byte",
                f"{v / lib * 100:.0f}% of Extract" if lib else "", "inclusive")
    no, nb = f("cg_normalize_only_ir"), f("cg_normalize_only_bytes")
    if no and nb:
        row("callgrind: `alam::Normalize` alone, with the offset map", f"{no / nb:.1f} instr/byte",
            "", f"bench/count_normalize.cc on the same prefix, {nb / 2e6:.1f} MB × 2 passes")
    # Hot spots: self cost inside Extract.
    def short(fn):
        # Drop argument lists and template arguments: "ns::F(args)::{lambda(...)#1}" ->
        # "ns::F::{lambda}", "void std::sort<...>(...)" -> "void std::sort<…>".
        fn = fn.replace("(anonymous namespace)", "{anon}")
        out, depth = [], 0
        i = 0
        while i < len(fn):
            c = fn[i]
            if c == "(":
                d = 1
                j = i + 1
                while j < len(fn) and d:
                    d += {"(": 1, ")": -1}.get(fn[j], 0)
                    j += 1
                i = j
                continue
            if c == "<":
                if depth == 0:
                    out.append("<…>")
                depth += 1
            elif c == ">":
                depth -= 1
            elif depth == 0:
                out.append(c)
            i += 1
        s = "".join(out)
        s = re.sub(r"\{lambda#\d+\}", "{lambda}", s)
        s = re.sub(r" const$", "", s)
        return s
    path = os.path.join(work, "callgrind.library.self.txt")
    go = False
    for line in open(path, encoding="utf-8", errors="replace") if os.path.exists(path) else []:
        if "file:function" in line:
            go = True
            continue
        m = re.match(r"\s*([\d,]+) \(\s*[\d.]+%\)\s+(.*)$", line)
        if go and m and len(hot) < 15:
            ir = int(m.group(1).replace(",", ""))
            obj = re.search(r" \[([^\]]*)\]$", m.group(2))
            fn = re.sub(r" \[[^\]]*\]$", "", m.group(2))
            fn = fn.split(":", 1)[1] if fn.startswith(("???:", "./", "/")) else fn
            fn = short(fn)
            if fn.startswith("0x") and obj:  # no symbol: name the object (e.g. libre2)
                fn = f"{fn} in {os.path.basename(obj.group(1))}"
            hot.append((ir, fn))

head = (f"Machine: {R.get('nproc')} cores, {R.get('cpu')}, {R.get('ram_gb')} GB RAM; "
        f"commit {R.get('commit')}; {R.get('date')}; load average at start {R.get('load')}.\n"
        f"Dump: {f('dump_bytes') / 1e6:.0f} MB file, {text / 1e6:.0f} MB of text, {int(docs):,} documents "
        f"(saudinewsnet + ANT multisource + ANT v1.1, {R.get('passes')} pass(es)); "
        f"{int(ents):,} entities in the output. MB = 10^6 bytes of document text.\n")
table = head + "\n| measure | value | ratio | notes |\n|---|---|---|---|\n" + "\n".join(rows) + "\n"
if hot:
    table += ("\nHot spots inside `Extractor::Extract` (callgrind, self instructions):\n\n"
              "| share | instr/byte | function |\n|---|---|---|\n")
    for ir, fn in hot:
        table += f"| {ir / lib * 100:.1f}% | {ir / cgb:.2f} | `{fn}` |\n"
open(md_path, "w", encoding="utf-8").write(table)
print(table)
PYEOF
log "done; raw figures in $WORK (results.env, gbench.txt, callgrind.*.txt)"
