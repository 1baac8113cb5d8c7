#!/usr/bin/env bash
# Installs the build tree into a fresh prefix (cmake --install --prefix) and uses it as a
# user would: the CLI on the bundled sample, pkg-config builds of a C and a C++ program, the
# man page, and the Python package (with its link to the library) imported from /.
# Needs no root. Usage: install_test.sh <build dir> [<source dir>]
set -euo pipefail
build=$(cd "$1" && pwd)
src=$(cd "${2:-$(dirname "$0")/../..}" && pwd)
soname=$(readlink "$build/libalam.so")  # the SONAME CMake gave the library (libalam.so.0.2)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"
cmake --install "$build" --prefix "$prefix" >/dev/null

fail() { echo "FAIL: $*"; exit 1; }
pc=$(find "$prefix" -name alam.pc -path '*/pkgconfig/*' | head -1)
[ -n "$pc" ] || fail "no alam.pc under $prefix"
libdir=$(dirname "$(dirname "${pc#"$prefix"/}")")  # lib, or lib/<multiarch>

# The library with its SONAME links, the CLI and its man page, the licence files.
for f in "$libdir/libalam.so" "$libdir/$soname" bin/alam share/man/man1/alam.1.gz \
         share/doc/alam/LICENSE share/doc/alam/NOTICE share/doc/alam/copyright \
         include/alam/alam.h include/alam/version.h "$libdir/cmake/alam/alamConfig.cmake"; do
  [ -e "$prefix/$f" ] || fail "$f is not installed"
done
[ -L "$prefix/$libdir/libalam.so" ] && [ -L "$prefix/$libdir/$soname" ] \
  || fail "libalam.so and $soname are not symbolic links"
cmp -s "$src/LICENSE" "$prefix/share/doc/alam/LICENSE" || fail "LICENSE differs"
gzip -dc "$prefix/share/man/man1/alam.1.gz" | grep -q "^\.SH EXIT STATUS" || fail "man page"
if command -v groff >/dev/null; then
  warnings=$(gzip -dc "$prefix/share/man/man1/alam.1.gz" | groff -man -Tutf8 -ww -z 2>&1 || true)
  [ -z "$warnings" ] || fail "groff warns about alam.1: $warnings"
fi
gzip -dc "$prefix/share/man/man1/alam.1.gz" | grep -qF "$prefix/$libdir/$soname" \
  || fail "the man page does not name the installed library"

# The CLI finds its library through its RUNPATH: 5 records, each with entities.
out=$("$prefix/bin/alam" extract --no-progress "$src"/data/sample/*.txt)
[ "$(printf '%s\n' "$out" | grep -c '"entities": \[{')" -eq 5 ] \
  || fail "alam extract did not print 5 records with entities"

# pkg-config: the prefix written at install time, C and C++ programs built and run.
export PKG_CONFIG_PATH="$prefix/$libdir/pkgconfig"
[ "$(pkg-config --variable=prefix alam)" = "$prefix" ] || fail "alam.pc prefix"
[ "$(pkg-config --modversion alam)" = "$(cat "$src/VERSION")" ] || fail "alam.pc version"
# shellcheck disable=SC2046
cc -std=c11 -Wall -Werror -o "$work/use_c" "$src/tests/packaging/use_c.c" \
   $(pkg-config --cflags --libs alam)
LD_LIBRARY_PATH="$prefix/$libdir" "$work/use_c"
# shellcheck disable=SC2046
c++ -std=c++17 -Wall -Werror -o "$work/use_cpp" "$src/tests/packaging/use_cpp.cc" \
    $(pkg-config --cflags --libs alam-cpp)
LD_LIBRARY_PATH="$prefix/$libdir" "$work/use_cpp"

# Python: the package and its link to the library, from /, with nothing else to help it.
py="$prefix/lib/python3/dist-packages"
[ -L "$py/alam/$soname" ] || fail "no link to the library in the Python package"
(cd / && env -u ALAM_LIBRARY PYTHONPATH="$py" PYTHONDONTWRITEBYTECODE=1 /usr/bin/python3 -c '
import os, sys, alam
path = alam.load_library()
assert os.path.dirname(path) == os.path.join(sys.argv[1], "alam"), path
with alam.Extractor() as ex:
    assert [e.id for e in ex.extract("قصفت الطائرات مدينة الرقة")], "no entity"
print("python: alam", alam.library_version(), "from", path)
' "$py")
echo "install_test: OK ($prefix)"
