#!/usr/bin/env bash
# Scale benchmark: how indexing and search cost grow with the size of the base.
#   benchmarks/scale.sh [SIZES...]        default: 1000 10000 50000 200000
# For each size, a corpus is generated from the bundled one (benchmarks/generate_corpus.py,
# deterministic from its seed; the corpora are not kept), indexed from scratch, and
# measured: index wall time and articles/s, peak memory of `wiedza index`, index size per
# Xapian table (and after xapian-compact, when xapian-tools is installed), in-process query
# latency cold (page cache dropped when this machine allows it, fresh process, one round
# of the 435 dev queries) and warm (three more rounds; then again with facets, as every API
# search asks for them: all features on), and HTTP search throughput without
# the result cache at 1 and 8 connections (wrk). Results go to stdout as one table row per
# size, for benchmarks/RESULTS.md.
# WIEDZA_BUILD=dir picks another build directory (default build/). SECONDS_HTTP=5.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 50000 200000)
build=${WIEDZA_BUILD:-build}
http_seconds=${SECONDS_HTTP:-5}
work=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

if [ -z "${WIEDZA_BUILD:-}" ]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$build" -j2 --target wiedza wiedza_bench >/dev/null
fi
for tool in /usr/bin/time wrk python3 curl; do
  command -v "$tool" >/dev/null || { echo "scale.sh needs $tool (apt-get install time wrk python3 curl)" >&2; exit 1; }
done
python3 benchmarks/make_paths.py corpus/queries/dev.jsonl search >"$work/paths.txt"

drop_caches() { sync; { echo 3 >/proc/sys/vm/drop_caches; } 2>/dev/null && echo dropped || echo "not dropped"; }
latency() { awk '/search latency/ {print $7 " / " $9}'; }  # "p50 / p99" in ms

echo "== $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "| articles | index s | articles/s | peak MB | index MB | postlist / position / termlist / docdata MB | compacted MB | cold p50 / p99 ms | warm p50 / p99 ms | warm + facets p50 / p99 ms | HTTP req/s 1 / 8 conn |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for n in "${sizes[@]}"; do
  corpus="$work/corpus-$n" db="$work/db-$n"
  python3 benchmarks/generate_corpus.py corpus "$corpus" "$n"
  /usr/bin/time -f "%e %M" -o "$work/time" "$build/wiedza" index "$corpus" --db "$db" >/dev/null 2>"$work/index.log" \
    || { cat "$work/index.log" >&2; exit 1; }
  read -r secs peak_kb <"$work/time"
  rate=$(awk -v n="$n" -v s="$secs" 'BEGIN {printf "%.0f", n / s}')
  mb() { awk -v b="$(stat -c %s "$1" 2>/dev/null || echo 0)" 'BEGIN {printf "%.1f", b / 1048576}'; }
  total=$(awk -v b="$(du -sb "$db" | cut -f1)" 'BEGIN {printf "%.1f", b / 1048576}')
  tables="$(mb "$db/postlist.glass") / $(mb "$db/position.glass") / $(mb "$db/termlist.glass") / $(mb "$db/docdata.glass")"
  compacted="–"
  if command -v xapian-compact >/dev/null; then
    xapian-compact "$db" "$work/compact-$n" >/dev/null
    compacted=$(awk -v b="$(du -sb "$work/compact-$n" | cut -f1)" 'BEGIN {printf "%.1f", b / 1048576}')
    rm -rf "$work/compact-$n"
  fi
  cache_state=$(drop_caches)
  cold=$("$build/wiedza_bench" query --db "$db" corpus/queries/dev.jsonl --rounds 1 | latency)
  warm=$("$build/wiedza_bench" query --db "$db" corpus/queries/dev.jsonl --rounds 3 | latency)
  faceted=$("$build/wiedza_bench" query --db "$db" corpus/queries/dev.jsonl --rounds 3 --facets | latency)
  port=$((19300 + RANDOM % 500))
  "$build/wiedza" serve --db "$db" --port "$port" --threads 8 --cache-results 0 --state "$work/state-$n.sqlite" \
    >/dev/null 2>"$work/server.log" &
  server=$!
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
  rps=()
  for c in 1 8; do
    t=$(( c < 2 ? 1 : 2 ))
    rps+=("$(WRK_PATHS="$work/paths.txt" wrk -t$t -c$c -d"${http_seconds}s" -s benchmarks/wrk_paths.lua \
             "http://127.0.0.1:$port" | awk '/Requests\/sec/ {printf "%.0f", $2}')")
  done
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
  echo "| $n | $secs | $rate | $((peak_kb / 1024)) | $total | $tables | $compacted | $cold ($cache_state) | $warm | $faceted | ${rps[0]} / ${rps[1]} |"
  rm -rf "$corpus" "$db"
done
