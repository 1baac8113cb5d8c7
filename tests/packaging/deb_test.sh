#!/usr/bin/env bash
# Builds the .deb with cpack from a release build, installs it with apt-get, uses what it
# installed as a user would (the CLI on the bundled sample, Python from /, a C program built
# with pkg-config, the man page), then purges it: the machine is left as it was found.
# Needs root (CI: a fresh Debian 12); exits 77 (ctest: skipped) with a message otherwise.
# Usage: deb_test.sh <release build dir> [<source dir>]
set -euo pipefail
build=$(cd "$1" && pwd)
src=$(cd "${2:-$(dirname "$0")/../..}" && pwd)
soname=$(readlink "$build/libalam.so")  # the SONAME CMake gave the library (libalam.so.0.2)
t0=$(date +%s)
skip() { echo "deb_test: SKIPPED: $*"; exit 77; }
fail() { echo "deb_test: FAIL: $*"; exit 1; }
[ "$(id -u)" -eq 0 ] || skip "installing a .deb needs root (CI runs this as root)"
command -v dpkg-shlibdeps >/dev/null || skip "dpkg-shlibdeps missing: run bash cmake/deps.sh"
if dpkg-query -W -f='${Status}' alam 2>/dev/null | grep -q "ok installed"; then
  skip "a package alam is already installed on this machine; not touching it"
fi
[ ! -e /usr/lib/python3/dist-packages/alam ] || skip "/usr/lib/python3/dist-packages/alam exists"

work=$(mktemp -d)
installed=0
cleanup() {
  if [ "$installed" = 1 ]; then
    dpkg --purge alam >/dev/null || echo "deb_test: could not purge alam" >&2
  fi
  rm -rf "$work"
}
trap cleanup EXIT

version=$(cat "$src/VERSION")
arch=$(dpkg --print-architecture)
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work" >"$work/cpack.log" 2>&1 \
  || { cat "$work/cpack.log"; fail "cpack failed"; }
deb="$work/alam_${version}_${arch}.deb"
[ -f "$deb" ] || { ls "$work"; fail "no $deb"; }
echo "deb_test: built $(basename "$deb"), $(stat -c %s "$deb") bytes"
dpkg-deb -f "$deb" Package Version Architecture Depends Recommends Maintainer
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libicu libre2 libabsl libstdc++6 libc6 liblzma5 libbz2 libzstd1 zlib1g; do
  grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib: $depends"
done
dpkg-deb -f "$deb" Recommends | grep -qw python3 || fail "python3 is not recommended"
contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/alam ./usr/share/doc/alam/copyright ./usr/share/doc/alam/LICENSE \
         ./usr/share/doc/alam/NOTICE ./usr/share/man/man1/alam.1.gz ./usr/include/alam/alam.h \
         ./usr/lib/python3/dist-packages/alam/__init__.py \
         ./usr/lib/python3/dist-packages/alam/$soname; do
  grep -q " $f\( \|$\)" <<<"$contents" || fail "the package lacks $f"
done
grep -q "/pkgconfig/alam.pc$" <<<"$contents" || fail "the package lacks alam.pc"

DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" \
  >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; fail "apt-get install failed"; }
installed=1

# The CLI over the five sample articles: five records, each with entities.
out=$(/usr/bin/alam extract --no-progress "$src"/data/sample/*.txt)
[ "$(printf '%s\n' "$out" | grep -c '"entities": \[{')" -eq 5 ] \
  || fail "/usr/bin/alam extract did not print 5 records with entities"
man -w alam >/dev/null 2>&1 || [ -f /usr/share/man/man1/alam.1.gz ] || fail "no man page"

# Python from /, with nothing pointing it at the source tree.
(cd / && env -u ALAM_LIBRARY -u PYTHONPATH /usr/bin/python3 -c '
import alam
with alam.Extractor() as ex:
    ids = [e.id for e in ex.extract("قصفت الطائرات مدينة الرقة")]
assert ids, "no entity"
print("deb_test: python: alam", alam.library_version(), "from", alam.load_library(), ids)
')
(cd / && env -u ALAM_LIBRARY -u PYTHONPATH /usr/bin/python3 -m alam --no-cli \
   "$src/data/sample/$(ls "$src/data/sample" | head -1)" | grep -q '"entities": \[{') \
  || fail "python3 -m alam printed no entities"

# A C program built with pkg-config against the installed headers and library.
# shellcheck disable=SC2046
(cd "$work" && cc -std=c11 -Wall -Werror -o use_c "$src/tests/packaging/use_c.c" \
   $(pkg-config --cflags --libs alam) && ./use_c)

dpkg --purge alam >/dev/null
installed=0
left=$(ls -d /usr/lib/python3/dist-packages/alam /usr/include/alam /usr/share/doc/alam \
       2>/dev/null || true)
[ -z "$left" ] || fail "left behind after purge: $left"
echo "deb_test: OK in $(( $(date +%s) - t0 )) s"
