#!/usr/bin/env bash
# Installs what building, testing and benchmarking alam needs, from Debian 12's packages.
# Runs apt-get directly as root, through sudo otherwise. Safe to re-run. abigail-tools
# (abidw, abidiff) is for the C ABI check of tests/abi.
set -euo pipefail
pkgs=(cmake ninja-build g++ clang binutils pkg-config
      libicu-dev libre2-dev libabsl-dev libgtest-dev libbenchmark-dev zlib1g-dev libcli11-dev
      liblzma-dev libbz2-dev libzstd-dev xz-utils bzip2 zstd   # the CLI reads xz, bzip2, zstd
      python3 python3-pytest python3-pandas python3-dask python3-distributed python3-setuptools
      dpkg-dev file python3-pip python3-venv    # packaging (cpack, pip, venv)
      abigail-tools  # the C ABI check
      libjs-leaflet chromium)  # the html format (Leaflet inlined) and its headless-browser test
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
