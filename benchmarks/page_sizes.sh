#!/usr/bin/env bash
# Weight of the resident portal's pages and the widget: raw bytes and gzip -9 bytes of
# each response (what a phone downloads; the server itself compresses with gzip or
# brotli when the browser accepts it).
#   benchmarks/page_sizes.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
cmake -S . -B build >/dev/null && cmake --build build -j2 --target wiedza >/dev/null
build/wiedza index corpus --db "$work/db" >/dev/null
port=18932
build/wiedza serve --db "$work/db" --port $port --threads 2 >/dev/null 2>"$work/server.log" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done

printf "| %-50s | %9s | %11s |\n|---|---|---|\n" "response" "raw bytes" "gzip -9 bytes"
for path in "/szukaj" "/szukaj?q=zgubiony%20dowod%20osobisty" "/szukaj?q=xqzwv" \
            "/artykul/dowod-osobisty-utrata" "/static/portal.css" "/static/combobox.js" "/static/portal.js" \
            "/widget.js"; do
  curl -s "http://127.0.0.1:$port$path" >"$work/body"
  printf "| %-50s | %9d | %11d |\n" "\`$path\`" "$(wc -c <"$work/body")" "$(gzip -9 -c "$work/body" | wc -c)"
done
