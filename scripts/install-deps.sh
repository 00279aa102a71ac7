#!/usr/bin/env bash
# Installs the Debian 12 packages Wiedza needs. Idempotent: packages that are already
# installed are left alone, and apt is not touched at all when nothing is missing.
#
#   bash scripts/install-deps.sh           what serving needs: build and run build/wiedza
#   bash scripts/install-deps.sh --tests   that plus what the tests and benchmarks add
#
# The split keeps a first `wiedza serve` to a couple of hundred packages: the browser,
# Node.js and the test libraries are most of the download. docs/dependencies.md says why
# each package is here.
set -euo pipefail

usage() { echo "usage: bash scripts/install-deps.sh [--tests]" >&2; exit 2; }
tests=false
case "${1:-}" in
  "") ;;
  --tests) tests=true ;;
  *) usage ;;
esac
[ $# -le 1 ] || usage

# Building the `wiedza` binary (cmake --build build --target wiedza) and running it.
packages=(
  build-essential cmake pkg-config
  libxapian-dev libicu-dev libhunspell-dev hunspell-pl
  libcpp-httplib-dev nlohmann-json3-dev libcli11-dev libsqlite3-dev
)

if $tests; then
  # ctest: GoogleTest, the browser tests (Chromium over WebDriver; certificates for npm,
  # which installs axe-core at build time), clang for the sanitizer and fuzzing build
  # (scripts/sanitize-and-fuzz.sh), the benchmarks' tools, git for clones, and the
  # replicated set-up's parts (scripts/cluster.sh: xapian-replicate, HAProxy).
  packages+=(
    libgtest-dev libgmock-dev libbenchmark-dev
    clang libclang-rt-14-dev
    chromium chromium-driver fonts-dejavu-core
    ca-certificates git python3 curl wrk
    xapian-tools haproxy
  )
  # Node.js and npm install axe-core (accessibility checks in the browser tests). A Node.js
  # from elsewhere (NodeSource bundles npm and conflicts with Debian's npm package) is used
  # as it is.
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    packages+=(nodejs npm)
  fi
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing packages: ${missing[*]}; run this script as root" >&2
  exit 1
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
