#!/usr/bin/env bash
# Installs every Debian 12 package Wiedza needs to build, test and run. Idempotent:
# packages that are already installed are left alone, and apt is not touched at all
# when nothing is missing.
set -euo pipefail

packages=(
  ca-certificates git build-essential cmake pkg-config
  libxapian-dev libicu-dev libhunspell-dev hunspell-pl
  libcpp-httplib-dev nlohmann-json3-dev libcli11-dev libsqlite3-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang libclang-rt-14-dev
  chromium chromium-driver fonts-dejavu-core
  python3 curl wrk
)

# Node.js and npm install axe-core (accessibility checks in the browser tests). A Node.js
# from elsewhere (NodeSource bundles npm and conflicts with Debian's npm package) is used
# as it is.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  packages+=(nodejs npm)
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
