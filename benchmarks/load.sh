#!/usr/bin/env bash
# Load test of the HTTP API on loopback with wrk (Debian package): throughput and
# p50/p99 latency at 1, 8 and 64 connections for /api/search, /api/suggest and the
# resident portal's server-rendered /szukaj?q=… ("page"), cycling through the 435 dev
# queries. Two servers run: the default one (result cache on) and one started with
# --cache-results 0 ("search-uncached"), where every request runs the whole search.
# The 1-connection run goes first and warms the caches, as traffic does.
#   benchmarks/load.sh [SECONDS]
# WIEDZA_BIN=path/to/wiedza runs another build (e.g. the previous commit's, built in a
# git worktree) against this tree's queries, for side-by-side numbers.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
work=$(mktemp -d)
bin=${WIEDZA_BIN:-}
if [ -z "$bin" ]; then
  cmake -S . -B build >/dev/null && cmake --build build -j2 --target wiedza >/dev/null
  bin=build/wiedza
fi
"$bin" index corpus --db "$work/db" >/dev/null
for kind in search suggest page; do
  python3 benchmarks/make_paths.py corpus/queries/dev.jsonl $kind >"$work/$kind.txt"
done
cp "$work/search.txt" "$work/search-uncached.txt"
port=18931
servers=()
trap 'kill "${servers[@]}" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
"$bin" serve --db "$work/db" --port $port --threads 8 --state "$work/a.sqlite" >/dev/null 2>"$work/server.log" &
servers+=($!)
"$bin" serve --db "$work/db" --port $((port + 1)) --threads 8 --state "$work/b.sqlite" --cache-results 0 \
  >/dev/null 2>"$work/uncached.log" &
servers+=($!)
for p in $port $((port + 1)); do
  for _ in $(seq 50); do curl -fs "http://127.0.0.1:$p/healthz" >/dev/null && break; sleep 0.1; done
done

echo "== $(nproc) cores, server --threads 8, wrk -t2, ${seconds}s per run"
for endpoint in ${WIEDZA_LOAD_ENDPOINTS:-search search-uncached suggest page}; do
  p=$([ "$endpoint" = search-uncached ] && echo $((port + 1)) || echo $port)
  for c in 1 8 64; do
    t=$(( c < 2 ? 1 : 2 ))
    out=$(WRK_PATHS="$work/$endpoint.txt" wrk -t$t -c$c -d${seconds}s --latency -s benchmarks/wrk_paths.lua \
          "http://127.0.0.1:$p")
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p50=$(echo "$out" | awk '$1=="50%" {print $2}')
    p99=$(echo "$out" | awk '$1=="99%" {print $2}')
    errors=$(echo "$out" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')
    printf "%-16s %3d connections: %8s req/s  p50 %8s  p99 %8s %s\n" "$endpoint" "$c" "$rps" "$p50" "$p99" "$errors"
  done
done
echo "== result cache (default server):"
curl -fs "http://127.0.0.1:$port/metrics" | grep '^wiedza_cache_lookups_total'
