#!/usr/bin/env bash
# The scale benchmark for two builds and Lucene in one run, size by size, so that the
# machine's drift over an hour touches all three alike (benchmarks/RESULTS.md, "Scale").
#   benchmarks/scale_side_by_side.sh OTHER_BUILD_DIR [SIZES...]
# OTHER_BUILD_DIR holds `wiedza` and `wiedza_bench` of the commit to compare with, e.g.
#   git worktree add /tmp/prev HEAD~1 && cmake -S /tmp/prev -B /tmp/prev/build \
#     -DCMAKE_BUILD_TYPE=RelWithDebInfo && cmake --build /tmp/prev/build -j2 --target wiedza wiedza_bench
# This checkout is built into build/ as benchmarks/scale.sh does. Prints, per size, one
# row of scale.sh for the other build, one for this one and one of benchmarks/lucene/run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] && [ -x "$1/wiedza" ] && [ -x "$1/wiedza_bench" ] \
  || { echo "usage: $0 OTHER_BUILD_DIR [SIZES...] (the directory must hold wiedza and wiedza_bench)" >&2; exit 2; }
other=$1; shift
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 50000 200000)
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j2 --target wiedza wiedza_bench >/dev/null
for n in "${sizes[@]}"; do
  echo "## $n articles, $(date +%T)"
  echo "other: $(WIEDZA_BUILD="$other" bash benchmarks/scale.sh "$n" | tail -1)"
  echo "this:  $(WIEDZA_BUILD=build bash benchmarks/scale.sh "$n" | tail -1)"
  echo "Lucene: $(bash benchmarks/lucene/run.sh "$n" | tail -1)"
done
