#!/usr/bin/env bash
# Runs every test (Quick start, second command; CI runs it through .ci/run):
#   0. no import circle between files or folders of src/ and core/src (scripts/import_cycles.py,
#      with its own fixture tests), first because it takes a second,
#   1. native tests of the pure core (cargo test), a short smoke run of every fuzz target
#      (scripts/fuzz.sh smoke, fuzz/README.md), then the warehouse SQL in DuckDB and
#      Spark compared with the core and the DuckDB twins of sql/presets/ on generated nested
#      GA4 / Matomo samples (Python, .venv made by setup.sh),
#   2. browser tests of the app crate (wasm-bindgen-test in headless Chromium),
#   3. the release build (trunk, wasm-opt), then the gzip size of its first load (every file
#      fetched until the library is shown, in Chromium) and of each module loaded on demand,
#   4. end-to-end tests (Playwright) against that release build served locally —
#      Trunk can report success for a site that does not start; only Chromium proves it.
set -euo pipefail
cd "$(dirname "$0")/.."
# A full disk fails the run somewhere in the middle (pip, cargo or a test's generated log), with a
# message that does not say why: say it first. The whole run needs about 12 GB (target/ ~6 GB,
# .venv ~0.6 GB, the e2e tests' generated logs, removed after each file).
free_kb=$(df -Pk . | awk 'NR == 2 { print $4 }')
if [ "${free_kb:-0}" -lt $((12 * 1024 * 1024)) ]; then
  printf '[test] warning: only %s MB free on this disk; the run needs about 12 GB\n' "$((free_kb / 1024))" >&2
fi
bash scripts/setup.sh
source scripts/env.sh

step() { printf '\n===== %s =====\n' "$*"; }

step "import circles (scripts/import_cycles.py and its tests)"
python3 scripts/test_import_cycles.py
python3 scripts/import_cycles.py

step "native tests (journey-core)"
cargo test -p journey-core

step "fuzz smoke run (cargo fuzz, nightly)"
nice -n 5 bash scripts/fuzz.sh smoke

step "warehouse SQL (DuckDB and Spark against journey-analyze; the presets' DuckDB twins, sql/tests)"
cargo build -p journey-core --bin journey-analyze
JOURNEY_ANALYZE=target/debug/journey-analyze .venv/bin/python -m unittest discover -s sql/tests -v
step "warehouse SQL on the current DuckDB release (.venv-duckdb-next, DuckDB only)"
JOURNEY_ANALYZE=target/debug/journey-analyze JOURNEY_SQL_ENGINES=duckdb .venv-duckdb-next/bin/python -m unittest discover -s sql/tests -v

step "browser tests (wasm-bindgen-test, headless Chromium)"
cargo test -p journey-studio --target wasm32-unknown-unknown --lib --tests

step "release build (trunk)"
rm -rf dist
trunk build --release --offline --dist dist
node benchmarks/load_bench.mjs --sizes

step "end-to-end tests (Playwright, Debian chromium, release build)"
(cd e2e && npm test)
