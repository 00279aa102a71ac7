#!/usr/bin/env bash
# Runs every benchmark and prints the numbers that go into benchmarks/RESULTS.md.
#   benchmarks/run.sh [N]     N = size of the replicated corpus (default 50000)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-50000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j2 --target wiedza_bench wiedza_edit_bench >/dev/null

echo "== machine"; nproc; grep -m1 "model name" /proc/cpuinfo || true; free -g | head -2
echo "== bundled corpus: indexing"
build/wiedza_bench index corpus --db "$work/db"
echo "== bundled corpus: query latency (dev queries)"
build/wiedza_bench query --db "$work/db" corpus/queries/dev.jsonl --rounds 5

echo "== bundled corpus: suggestion latency"
build/wiedza_bench suggest --db "$work/db" corpus/queries/dev.jsonl --rounds 5

echo "== bundled corpus: edits through the server (PUT -> visible; search idle vs during reindex)"
build/wiedza_edit_bench corpus 2>/dev/null

echo "== replicated corpus ($n articles): indexing"
python3 benchmarks/replicate_corpus.py corpus "$work/big" "$n"
build/wiedza_bench index "$work/big" --db "$work/bigdb"
echo "== replicated corpus: query latency"
build/wiedza_bench query --db "$work/bigdb" corpus/queries/dev.jsonl --rounds 2
echo "== replicated corpus: suggestion latency"
build/wiedza_bench suggest --db "$work/bigdb" corpus/queries/dev.jsonl --rounds 2
