#!/usr/bin/env bash
# The replicated set-up measured on this machine (scripts/cluster.sh: primary, two
# replicas on xapian-replicate, HAProxy): how long an edit takes to be searchable on
# every replica, and searches per second through the load balancer with two replicas,
# with one, and against one server directly. Every search runs whole (replicas started
# with --cache-results 0), cycling through the dev queries; wrk -t2, 8 connections.
#   benchmarks/replication.sh [SECONDS] [EDITS]
# Results go to benchmarks/RESULTS.md ("Replicas") by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
edits=${2:-60}
work=$(mktemp -d)
cmake -S . -B build >/dev/null && cmake --build build -j2 --target wiedza >/dev/null
export WIEDZA_BASE_PORT=19080 WIEDZA_REPLICA_ARGS="--cache-results 0"
trap 'bash scripts/cluster.sh stop "$work/cluster" >/dev/null 2>&1; rm -rf "$work"' EXIT
bash scripts/cluster.sh start "$work/cluster"
# shellcheck disable=SC1091
source "$work/cluster/cluster.env"
python3 benchmarks/make_paths.py corpus/queries/dev.jsonl search | sed 's/$/\&record=false/' >"$work/search.txt"

echo "== $(nproc) cores; replication lag, edit on the primary -> found on every replica"
python3 benchmarks/replication_lag.py "$work/cluster" "$edits"

measure() {
  local label=$1 url=$2
  local out
  out=$(WRK_PATHS="$work/search.txt" wrk -t2 -c8 -d"${seconds}s" --latency -s benchmarks/wrk_paths.lua "$url")
  printf "%-28s %8s req/s   p50 %8s   p99 %8s\n" "$label" \
    "$(awk '/Requests\/sec/ { print $2 }' <<<"$out")" "$(awk '$1 == "50%" { print $2 }' <<<"$out")" \
    "$(awk '$1 == "99%" { print $2 }' <<<"$out")"
}
echo "== searches through HAProxy, wrk -t2 -c8, ${seconds}s each"
curl -fsS -o /dev/null "$LB/healthz"
measure "one server, direct" "$REPLICA_1"
measure "load balancer, 2 replicas" "$LB"
kill "$(cat "$work/cluster/run/replica2.pid")"
sleep 2  # HAProxy's checks (500 ms, fall 2) take it out
measure "load balancer, 1 replica" "$LB"
bash scripts/cluster.sh start "$work/cluster" >/dev/null
sleep 2  # and two good checks put it back
measure "load balancer, 2 replicas again" "$LB"
measure "one server, direct, again" "$REPLICA_1"
