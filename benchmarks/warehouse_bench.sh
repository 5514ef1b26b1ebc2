#!/usr/bin/env bash
# The warehouse SQL next to the native CLI on generated logs of 1M and 10M events
# (benchmarks/README.md, "Warehouse SQL"): DuckDB (load the CSV into a table, then the query;
# peak memory of the whole process), Spark in local mode on 1M (start-up and query), and
# `journey-analyze aggregate` on the same files. Prints RESULT lines for run.sh's table.
# Not a test; heavy (the 10M file is 485 MB): run it once, niced, on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=target/release/journey-analyze
[ -x "$BIN" ] || cargo build --release -p journey-core --bin journey-analyze
for n in 1000000 10000000; do
  f="/tmp/gen$((n / 1000000))m.csv"
  [ -s "$f" ] || "$BIN" generate --events "$n" --seed 42 > "$f"
done

res() { printf 'RESULT\t%s\t%s\n' "$1" "$2"; }
# Peak resident memory of a command, from GNU time (KB → MB).
peak() { awk -F': ' '/Maximum resident set size/ { printf "%.0f MB", $2 / 1024 }' "$1"; }
# CPU seconds (user + system, all threads and children) of a command, from GNU time.
cpu() { awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.1f s CPU", u + s }' "$1"; }
res "load average at the start" "$(cut -d' ' -f1-3 /proc/loadavg)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# DuckDB on its own settings (it takes up to 80 % of the machine's memory, and more memory
# when there is more), then 10M once more under `memory_limit` (docs/scale.md, "DuckDB:
# memory"): what a warehouse with a 2 GB budget sees.
duck() { # <millions> [memory limit]
  local m=$1 lim=${2:-} f="/tmp/gen${1}m.csv" how=""
  /usr/bin/time -v -o "$tmp/t" nice -n 10 .venv/bin/python benchmarks/duckdb_aggregate.py "$f" --runs 1 ${lim:+--memory-limit "$lim"} > "$tmp/o"
  cat "$tmp/o"
  v=$(.venv/bin/python -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["duckdb"], d["load_csv_s"], d["query_best_s"], d["query_cpu_s"])' "$tmp/o")
  read -r ver load query qcpu <<< "$v"
  [ -n "$lim" ] && how=", memory_limit $lim"
  res "DuckDB $ver SQL, ${m}M events${how}: load CSV into a table" "${load} s"
  res "DuckDB $ver SQL, ${m}M events${how}: the aggregate query (its CPU time; peak memory of the process)" "${query} s (${qcpu} s CPU; $(peak "$tmp/t"))"
}
duck 10 1.5GB
for m in 1 10; do
  f="/tmp/gen${m}m.csv"
  duck "$m"
  /usr/bin/time -v -o "$tmp/t" nice -n 10 "$BIN" aggregate "$f" --goal "Order confirmation" > /dev/null
  res "journey-analyze aggregate, ${m}M events: read + import + aggregate (peak memory)" \
      "$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$tmp/t") ($(cpu "$tmp/t"); $(peak "$tmp/t"))"
done

/usr/bin/time -v -o "$tmp/t" nice -n 10 .venv/bin/python benchmarks/spark_aggregate.py /tmp/gen1m.csv > "$tmp/o"
cat "$tmp/o"
v=$(.venv/bin/python -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["spark"], d["master"], d["start_s"], d["query_s"], d["query_jvm_cpu_s"], d["jvm_peak_mb"])' "$tmp/o")
read -r ver master start query qcpu mb <<< "$v"
res "Spark $ver SQL ($master), 1M events: start-up" "${start} s"
res "Spark $ver SQL ($master), 1M events: read CSV + the aggregate query (JVM CPU time; JVM peak memory)" "${query} s (${qcpu} s CPU; ${mb} MB)"
