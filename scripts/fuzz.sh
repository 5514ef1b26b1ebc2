#!/usr/bin/env bash
# Fuzzing the readers of outside data (fuzz/README.md). Needs cargo-fuzz and a nightly
# toolchain (scripts/setup.sh installs cargo-fuzz and checks for nightly).
#
#   bash scripts/fuzz.sh smoke              every target briefly on its seed corpus (test.sh)
#   bash scripts/fuzz.sh run TARGET SECONDS one long run; the work corpus lives outside the
#                                           repo (FUZZ_WORK, default /tmp/journey-fuzz) and the
#                                           libFuzzer log in FUZZ_WORK/logs/
#   bash scripts/fuzz.sh list               the targets
#
# Builds without a sanitizer (the core has no `unsafe`; panics and overflow checks are what
# we hunt), with debug assertions, so an arithmetic overflow is a crash, and without
# comparison tracing: with it, building the csv crate's parser tables dominated every run
# of the CSV targets (260 instead of 1600 inputs/s for event_log, fuzz/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

TARGETS=(map_json backup_json touchpoint_csv mermaid share_link event_log survey_csv roundtrip)
FUZZ=(cargo +nightly fuzz)
FLAGS=(--sanitizer none --debug-assertions --no-trace-compares)
WORK="${FUZZ_WORK:-/tmp/journey-fuzz}"

# One smoke run: target $1 (shown as $2) on corpus $3, $4 inputs of at most $5 bytes; a
# crash prints libFuzzer's log and stops the script.
smoke_one() {
  local t=$1 label=$2 corpus=$3 runs=$4 max_len=$5 tmp
  printf '[fuzz] %-15s ' "$label"
  tmp=$(mktemp -d)
  if ! "${FUZZ[@]}" run "${FLAGS[@]}" "$t" "$tmp" "$corpus" -- \
      -runs="$runs" -max_len="$max_len" -seed=1 >"$tmp/log" 2>&1; then
    cat "$tmp/log"
    echo "[fuzz] $label found a crash (input in fuzz/artifacts/$t/)" >&2
    exit 1
  fi
  grep -o 'Done [0-9]* runs in [0-9]* second(s)' "$tmp/log" || echo done
  rm -rf "$tmp"
}

case "${1:-smoke}" in
  list)
    printf '%s\n' "${TARGETS[@]}"
    ;;
  smoke)
    # One build for all targets, then a few thousand inputs each: seeds and their mutations.
    "${FUZZ[@]}" build "${FLAGS[@]}"
    for t in "${TARGETS[@]}"; do
      smoke_one "$t" "$t" "fuzz/corpus/$t" 5000 1024
    done
    # The large shapes (fuzz/corpus-large: many distinct activities, very long fields,
    # thousands of columns) need a larger input limit: fewer runs, mutated at full size.
    for dir in fuzz/corpus-large/*/; do
      t=$(basename "$dir")
      smoke_one "$t" "$t (large)" "$dir" 300 131072
    done
    ;;
  run)
    t="${2:?target}"; secs="${3:?seconds}"
    mkdir -p "$WORK/$t" "$WORK/logs"
    log="$WORK/logs/$t-$(date -u +%Y%m%dT%H%M%S).log"
    "${FUZZ[@]}" run "${FLAGS[@]}" "$t" "$WORK/$t" "fuzz/corpus/$t" -- \
      -max_total_time="$secs" -max_len=1024 -print_final_stats=1 >"$log" 2>&1 || true
    echo "$log"
    grep -E 'Done [0-9]+ runs|stat::number_of_executed_units|SUMMARY|panicked' "$log" || tail -5 "$log"
    ;;
  *)
    echo "usage: $0 smoke | run TARGET SECONDS | list" >&2
    exit 2
    ;;
esac
