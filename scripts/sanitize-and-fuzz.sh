#!/usr/bin/env bash
# The sanitizer and fuzzing jobs of .ci/run (docs/operations.md, "Sanitizers and
# fuzzing"): builds everything with clang, AddressSanitizer (leaks included) and
# UndefinedBehaviorSanitizer in build-sanitize, runs every non-browser test under them,
# then each libFuzzer target for a bounded time from its seeds in tests/fuzz/seeds.
#   scripts/sanitize-and-fuzz.sh [SECONDS_PER_FUZZER]   (default 60)
# Needs clang and libclang-rt-14-dev (scripts/install-deps.sh installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}

CXX=clang++ cmake -S . -B build-sanitize -DWIEDZA_FUZZ=ON -DWIEDZA_TESTS=ON -DWIEDZA_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build build-sanitize -j2

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir build-sanitize -j2 -LE browser --output-on-failure

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for target in query corpus_files http_request; do
  mkdir -p "$work/$target"
  cp tests/fuzz/seeds/$target/* "$work/$target/"  # the seeds in the repository stay as they are
  echo "fuzzing $target for ${seconds}s"
  # An HTTP input may take 2 s plus its /healthz check (tests/fuzz/http_request_fuzzer.cc).
  timeout=10; [ "$target" = http_request ] && timeout=90
  if ! (cd "$work" && "$OLDPWD/build-sanitize/tests/fuzz/${target}_fuzzer" -max_total_time="$seconds" \
        -timeout=$timeout -rss_limit_mb=2048 -print_final_stats=1 "$work/$target" >"$work/$target.log" 2>&1); then
    grep -av '^{"' "$work/$target.log" | tail -n 60
    echo "fuzzer $target found a problem; the input is in the log above (Base64) — add it to tests/fuzz/seeds/$target" >&2
    exit 1
  fi
  grep -a -E "^stat::number_of_executed_units|^Done" "$work/$target.log" | sed "s/^/  $target: /"
  slow=$(grep -ac "^slow /healthz" "$work/$target.log" || true)
  [ "$slow" -eq 0 ] || echo "  $target: $slow slow /healthz answers: $(grep -a "^slow /healthz" "$work/$target.log" | sort -t: -k2 -n | tail -n 3 | tr '\n' ' ')"
done
