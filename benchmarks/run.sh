#!/usr/bin/env bash
# Every benchmark in one command (after the README's set-up): builds the release site, runs
# the size / cold-load, editor, storage and 1M-event analytics benchmarks in headless
# Chromium, the warehouse SQL (DuckDB, Spark local, benchmarks/warehouse_bench.sh), and prints
# one table of the figures. Record them in benchmarks/README.md with
# the machine and the date. RUNS=… changes the analytics runs (default 3).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh

out="$(mktemp)"
trap 'rm -f "$out"' EXIT
run() { printf '\n===== %s =====\n' "$1"; shift; "$@" | tee -a "$out"; }

printf '\n===== release build =====\n'
rm -rf dist
trunk build --release --offline --dist dist

# The 1M-event log comes from the native CLI (same generator as the tests, seed 42).
cargo build --release -p journey-core --bin journey-analyze
if [ ! -s /tmp/gen1m.csv ]; then
  target/release/journey-analyze generate --events 1000000 --seed 42 > /tmp/gen1m.csv
fi

run "sizes and cold load" node benchmarks/load_bench.mjs
run "editor (300 touchpoints)" node benchmarks/editor_bench.mjs
run "local storage (300 touchpoints)" node benchmarks/storage_bench.mjs
run "analytics in the browser (1M events)" node benchmarks/browser_bench.mjs /tmp/gen1m.csv --runs "${RUNS:-3}"
run "analytics in the browser (1M events, a 3 s pause at the mapping step)" node benchmarks/browser_bench.mjs /tmp/gen1m.csv --runs "${RUNS:-3}" --think 3000
# 5,000,000 events (about 240 MB) in the tab: made on the fly into a temporary file (never
# committed), imported once; the run fails unless the progress line and exactly 5,000,000
# events are shown. Here rather than in the e2e suite: on this 2-core machine one run can
# take longer than an e2e test may.
gen5m="$(mktemp --suffix=.csv)"
target/release/journey-analyze generate --events 5000000 --seed 42 > "$gen5m"
export BENCH_TIMEOUT_MS=300000
run "analytics in the browser (5M events, checked)" node benchmarks/browser_bench.mjs "$gen5m" --runs 1 --expect-events 5000000
unset BENCH_TIMEOUT_MS
rm -f "$gen5m"
run "warehouse SQL: DuckDB 1M and 10M, Spark local 1M, the CLI" bash benchmarks/warehouse_bench.sh
# Issue 27's figures natively with the worker's profile: GA4 1M with sessions, xlsx 100k, join.
cargo build --profile release-worker -p journey-core --bin journey-analyze --example sources_bench
run "own data in: GA4 1M, xlsx 100k, join 200k + 50k (native, worker profile)" target/release-worker/examples/sources_bench
run "own data in: GA4 1M with sessions in the tab (release site)" node benchmarks/ga4_tab_bench.mjs --runs "${RUNS:-3}"
# pm4py 2.7 on the same 1M file when a Python with pm4py is given (PM4PY_PYTHON=…/bin/python).
if [ -n "${PM4PY_PYTHON:-}" ]; then
  run "pm4py 2.7 against journey-analyze (1M)" "$PM4PY_PYTHON" benchmarks/pm4py_compare.py /tmp/gen1m.csv target/release-worker/journey-analyze
fi

printf '\n===== figures (%s, %s, %s cores, load average %s) =====\n' \
  "$(date -u +%Y-%m-%d)" "$(uname -m)" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '| %-80s | %s\n|---|---|\n' 'figure' 'value |'
grep -P '^RESULT\t' "$out" | while IFS=$'\t' read -r _ figure value; do
  printf '| %-80s | %s |\n' "$figure" "$value"
done
