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
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for m in 1 10; do
  f="/tmp/gen${m}m.csv"
  /usr/bin/time -v -o "$tmp/t" nice -n 10 .venv/bin/python benchmarks/duckdb_aggregate.py "$f" --runs 1 > "$tmp/o"
  cat "$tmp/o"
  v=$(.venv/bin/python -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["duckdb"], d["load_csv_s"], d["query_best_s"])' "$tmp/o")
  read -r ver load query <<< "$v"
  res "DuckDB $ver SQL, ${m}M events: load CSV into a table" "${load} s"
  res "DuckDB $ver SQL, ${m}M events: the aggregate query (peak memory of the process)" "${query} s ($(peak "$tmp/t"))"
  /usr/bin/time -v -o "$tmp/t" nice -n 10 "$BIN" aggregate "$f" --goal "Order confirmation" > /dev/null
  res "journey-analyze aggregate, ${m}M events: read + import + aggregate (peak memory)" \
      "$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$tmp/t") ($(peak "$tmp/t"))"
done

/usr/bin/time -v -o "$tmp/t" nice -n 10 .venv/bin/python benchmarks/spark_aggregate.py /tmp/gen1m.csv > "$tmp/o"
cat "$tmp/o"
v=$(.venv/bin/python -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["spark"], d["master"], d["start_s"], d["query_s"])' "$tmp/o")
read -r ver master start query <<< "$v"
res "Spark $ver SQL ($master), 1M events: start-up" "${start} s"
res "Spark $ver SQL ($master), 1M events: read CSV + the aggregate query (peak memory, driver JVM)" "${query} s ($(peak "$tmp/t"))"
