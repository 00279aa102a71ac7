#!/usr/bin/env bash
# Load test of the HTTP API on loopback with wrk (Debian package): throughput and
# p50/p99 latency at 1, 8 and 64 connections for /api/search, /api/suggest and the
# resident portal's server-rendered /szukaj?q=… ("page").
#   benchmarks/load.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
work=$(mktemp -d)
cmake -S . -B build >/dev/null && cmake --build build -j2 --target wiedza >/dev/null
build/wiedza index corpus --db "$work/db" >/dev/null
python3 benchmarks/make_paths.py corpus/queries/dev.jsonl search >"$work/search.txt"
python3 benchmarks/make_paths.py corpus/queries/dev.jsonl suggest >"$work/suggest.txt"
python3 benchmarks/make_paths.py corpus/queries/dev.jsonl page >"$work/page.txt"
port=18931
build/wiedza serve --db "$work/db" --port $port --threads 8 >/dev/null 2>"$work/server.log" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done

echo "== $(nproc) cores, server --threads 8, wrk -t2, ${seconds}s per run"
for endpoint in ${WIEDZA_LOAD_ENDPOINTS:-search suggest page}; do
  for c in 1 8 64; do
    t=$(( c < 2 ? 1 : 2 ))
    out=$(WRK_PATHS="$work/$endpoint.txt" wrk -t$t -c$c -d${seconds}s --latency -s benchmarks/wrk_paths.lua \
          "http://127.0.0.1:$port")
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p50=$(echo "$out" | awk '$1=="50%" {print $2}')
    p99=$(echo "$out" | awk '$1=="99%" {print $2}')
    errors=$(echo "$out" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')
    printf "%-8s %3d connections: %8s req/s  p50 %8s  p99 %8s %s\n" "$endpoint" "$c" "$rps" "$p50" "$p99" "$errors"
  done
done
