#!/usr/bin/env bash
# Every test of alam, on a fresh Debian 12 machine: installs the dependencies, then
#   1. Release build: unit, golden (dev-article score and exact sample output), CLI,
#      install-tree consumer, exported symbols, function length, fuzz-corpus replays and the
#      C ABI argument tests (ctest);
#   2. the Python package's tests and the data tables' id tests (pytest) against the release build;
#   3. the whole suite again under AddressSanitizer + UndefinedBehaviorSanitizer;
#   4. the threading tests under ThreadSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
bash cmake/deps.sh
jobs=$(nproc)

echo "== release"
cmake --preset release >/dev/null
cmake --build --preset release -j "$jobs"
ctest --preset release -j "$jobs"

echo "== python"
/usr/bin/python3 -m pytest bindings/python tests/data -q -p no:cacheprovider

echo "== asan+ubsan"
cmake --preset debug-asan >/dev/null
cmake --build --preset debug-asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --preset debug-asan -j "$jobs"

echo "== tsan (threading tests)"
cmake --preset tsan >/dev/null
cmake --build --preset tsan -j "$jobs" --target alam_thread_tests alam_cli
TSAN_OPTIONS=halt_on_error=1 ctest --preset tsan -j "$jobs"
echo "all test suites passed"
