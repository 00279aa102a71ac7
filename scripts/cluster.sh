#!/usr/bin/env bash
# A primary, read replicas and HAProxy on one machine, on loopback ports, for trying the
# replicated set-up and for its tests (docs/operations.md, "Replicas").
#
#   bash scripts/cluster.sh start DIR    set up DIR if new, then start whatever is not running
#   bash scripts/cluster.sh stop DIR     stop everything (SIGTERM, then SIGKILL after 10 s)
#   bash scripts/cluster.sh status DIR   one line per process
#
# Started in this order, each waited for before the next:
#   1. the primary index (wiedza index of the corpus, first start only)
#   2. primary    wiedza serve with editing, keeping changesets       WIEDZA_BASE_PORT+1
#   3. replserver xapian-replicate-server, serving the primary's db   WIEDZA_BASE_PORT+10
#   4. per replica n: a first full copy (xapian-replicate --one-shot), then
#      replica<n>-sync  xapian-replicate, pulling every second
#      replica<n>       wiedza serve --replica-of the primary          WIEDZA_BASE_PORT+1+n
#   5. haproxy    deploy/haproxy.cfg                                   WIEDZA_BASE_PORT
#                 (its statistics page on WIEDZA_BASE_PORT+9)
#
# Environment: WIEDZA_BIN (build/wiedza), WIEDZA_CORPUS (corpus/), WIEDZA_BASE_PORT
# (18080), WIEDZA_REPLICAS (2; HAProxy's file names two), WIEDZA_REPLICA_ARGS (more
# `wiedza serve` flags for the replicas, e.g. "--cache-results 0" in benchmarks/). DIR/cluster.env lists the
# addresses and the editor's token; DIR/logs has every process's output, DIR/run its pid.
# Needs xapian-tools, haproxy and curl (bash scripts/install-deps.sh --tests).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
usage() { echo "usage: bash scripts/cluster.sh start|stop|status DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
command=$1
dir=$(mkdir -p "$2" && cd "$2" && pwd)

bin=${WIEDZA_BIN:-$repo/build/wiedza}
corpus=${WIEDZA_CORPUS:-$repo/corpus}
base=${WIEDZA_BASE_PORT:-18080}
replicas=${WIEDZA_REPLICAS:-2}
lb_port=$base
primary_port=$((base + 1))
stats_port=$((base + 9))
repl_port=$((base + 10))
replica_port() { echo $((base + 1 + $1)); }

run=$dir/run
logs=$dir/logs
mkdir -p "$run" "$logs"

die() { echo "cluster.sh: $*" >&2; exit 1; }

pid_of() { cat "$run/$1.pid" 2>/dev/null || true; }
# Alive and not a zombie: a killed process whose parent (init, in a container maybe
# not reaping) has not collected it yet is gone for our purposes.
running() {
  local pid state
  pid=$(pid_of "$1")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  state=$(awk '{ print $3 }' "/proc/$pid/stat" 2>/dev/null || echo Z)
  [ "$state" != Z ]
}

# Starts a process in its own session (so a test's SIGKILL of it reaches nothing else),
# output to DIR/logs/NAME.log.
launch() {
  local name=$1
  shift
  setsid "$@" >>"$logs/$name.log" 2>&1 </dev/null &
  echo $! >"$run/$name.pid"
}

# Waits up to $2 seconds (default 30) for a URL to answer 200.
wait_http() {
  local url=$1 limit=${2:-30} name=$3
  local deadline=$((SECONDS + limit))
  until curl -fsS -o /dev/null --max-time 1 "$url" 2>/dev/null; do
    running "$name" || die "$name exited while starting; see $logs/$name.log: $(tail -n 3 "$logs/$name.log")"
    [ $SECONDS -lt $deadline ] || die "$name did not answer $url within ${limit}s; see $logs/$name.log"
    sleep 0.1
  done
}

wait_port() {
  local port=$1 name=$2
  local deadline=$((SECONDS + 30))
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    running "$name" || die "$name exited while starting; see $logs/$name.log"
    [ $SECONDS -lt $deadline ] || die "$name is not listening on $port after 30s; see $logs/$name.log"
    sleep 0.1
  done
}

new_token() { head -c 24 /dev/urandom | base64 | tr -d '/+=\n'; }

# Tokens: the editor's, and one per replica for forwarding analytics to the primary.
set_up_tokens() {
  [ -f "$dir/tokens" ] && return
  (
    umask 077
    {
      echo "# editors and the replicas' analytics forwarding (docs/operations.md, Replicas)"
      echo "editor $(new_token)"
      for n in $(seq 1 "$replicas"); do echo "replica$n $(new_token)"; done
    } >"$dir/tokens"
    for n in $(seq 1 "$replicas"); do
      mkdir -p "$dir/replica$n"
      grep "^replica$n " "$dir/tokens" >"$dir/replica$n/forward-token"
    done
  )
}

write_env() {
  {
    echo "LB=http://127.0.0.1:$lb_port"
    echo "PRIMARY=http://127.0.0.1:$primary_port"
    for n in $(seq 1 "$replicas"); do echo "REPLICA_$n=http://127.0.0.1:$(replica_port "$n")"; done
    echo "REPLICATION_PORT=$repl_port"
    echo "STATS=http://127.0.0.1:$stats_port"
    echo "EDITOR_TOKEN=$(awk '$1 == "editor" { print $2 }' "$dir/tokens")"
  } >"$dir/cluster.env"
  chmod 600 "$dir/cluster.env"
}

start_primary() {
  mkdir -p "$dir/primary"
  if [ ! -d "$dir/primary/corpus" ]; then cp -r "$corpus" "$dir/primary/corpus"; fi
  if [ ! -d "$dir/primary/db" ]; then
    XAPIAN_MAX_CHANGESETS=100 "$bin" index "$dir/primary/corpus" --db "$dir/primary/db" --progress never \
      >>"$logs/index.log" 2>&1 || die "indexing failed; see $logs/index.log"
  fi
  running primary && return
  launch primary "$bin" serve --db "$dir/primary/db" --port "$primary_port" --tokens "$dir/tokens" \
    --corpus "$dir/primary/corpus" --changesets 100
  wait_http "http://127.0.0.1:$primary_port/healthz" 30 primary
}

start_replication_server() {
  running replserver && return
  launch replserver xapian-replicate-server --interface 127.0.0.1 --port "$repl_port" "$dir/primary"
  wait_port "$repl_port" replserver
}

start_replica() {
  local n=$1 name="replica$1"
  local db="$dir/$name/db"
  mkdir -p "$dir/$name"
  if [ ! -f "$db/XAPIANDB" ]; then
    xapian-replicate --host 127.0.0.1 --port "$repl_port" --master db --one-shot "$db" \
      >>"$logs/$name-sync.log" 2>&1 || die "the first copy for $name failed; see $logs/$name-sync.log"
  fi
  # --reader-time 0: changesets are applied as they come; a search that meets one retries
  # on the new revision (search/searcher.cc), so edits in a burst are not spaced a second apart.
  running "$name-sync" ||
    launch "$name-sync" xapian-replicate --host 127.0.0.1 --port "$repl_port" --master db --interval 1 \
      --reader-time 0 --timeout 10 "$db"
  running "$name" && return
  launch "$name" "$bin" serve --db "$db" --port "$(replica_port "$n")" --replica-of "http://127.0.0.1:$primary_port" \
    --node-id "$n" --forward-token "$dir/$name/forward-token" ${WIEDZA_REPLICA_ARGS:-}
  wait_http "http://127.0.0.1:$(replica_port "$n")/healthz" 30 "$name"
}

start_haproxy() {
  running haproxy && return
  WIEDZA_LB_BIND="127.0.0.1:$lb_port" WIEDZA_PRIMARY="127.0.0.1:$primary_port" \
    WIEDZA_REPLICA_1="127.0.0.1:$(replica_port 1)" WIEDZA_REPLICA_2="127.0.0.1:$(replica_port 2)" \
    WIEDZA_LB_STATS="127.0.0.1:$stats_port" WIEDZA_ERRORS="$repo/deploy/errors" \
    launch haproxy haproxy -db -f "$repo/deploy/haproxy.cfg"
  wait_http "http://127.0.0.1:$lb_port/healthz" 30 haproxy
}

stop_all() {
  local names=(haproxy)
  for n in $(seq 1 "$replicas"); do names+=("replica$n" "replica$n-sync"); done
  names+=(replserver primary)
  for name in "${names[@]}"; do
    running "$name" && kill -TERM "$(pid_of "$name")" 2>/dev/null || true
  done
  local deadline=$((SECONDS + 10))
  for name in "${names[@]}"; do
    while running "$name" && [ $SECONDS -lt $deadline ]; do sleep 0.1; done
    running "$name" && kill -KILL "$(pid_of "$name")" 2>/dev/null || true
    rm -f "$run/$name.pid"
  done
}

case "$command" in
  start)
    [ -x "$bin" ] || die "no wiedza binary at $bin (cmake --build build --target wiedza, or set WIEDZA_BIN)"
    for tool in xapian-replicate xapian-replicate-server haproxy curl; do
      command -v "$tool" >/dev/null || die "$tool is not installed (bash scripts/install-deps.sh --tests)"
    done
    [ "$replicas" -ge 1 ] && [ "$replicas" -le 2 ] || die "WIEDZA_REPLICAS must be 1 or 2 (deploy/haproxy.cfg names two)"
    set_up_tokens
    write_env
    start_primary
    start_replication_server
    for n in $(seq 1 "$replicas"); do start_replica "$n"; done
    start_haproxy
    echo "Wiedza cluster in $dir: load balancer http://127.0.0.1:$lb_port/ (statistics http://127.0.0.1:$stats_port/)"
    ;;
  stop) stop_all ;;
  status)
    for name in primary replserver $(for n in $(seq 1 "$replicas"); do echo "replica$n-sync replica$n"; done) haproxy; do
      if running "$name"; then echo "$name running (pid $(pid_of "$name"))"; else echo "$name stopped"; fi
    done
    ;;
  *) usage ;;
esac
