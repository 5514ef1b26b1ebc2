"""Times sql/duckdb/aggregate.sql on a generated event log (benchmarks/README.md,
"Warehouse SQL"). Not a test: it prints figures for the README.

    .venv/bin/python benchmarks/duckdb_aggregate.py /tmp/gen1m.csv [--runs 3] [--threads N] [--memory-limit 1.5GB] [--out AGG.json]

Two figures: loading the CSV into a DuckDB table (what a warehouse has done long before),
and the query on that table (what a warehouse user waits for), best and median of the
runs, and the query's CPU time over all threads (on a shared, loaded machine the wall time
is inflated; CPU time / threads is what the query takes on idle cores). `--memory-limit`
sets DuckDB's `memory_limit` before anything is loaded (docs/scale.md, "DuckDB: memory");
without it DuckDB may use up to 80 % of the machine's memory, and uses more when it can. The goal is the generator's "Order confirmation", τ = 7 days, top 10 variants.
"""

import argparse
import json
import os
import resource
import statistics
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("log")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--memory-limit", help="DuckDB memory_limit, e.g. 1.5GB (default: DuckDB's own)")
    ap.add_argument("--out", help="also write the aggregate JSON here")
    args = ap.parse_args()
    sql = (ROOT / "sql" / "duckdb" / "aggregate.sql").read_text()
    sql = sql.replace("${ORDER_COLUMN}", "NULL").replace("${GOALS}", "'Order confirmation'").replace("${TIMEOUT_S}", "604800").replace("${TOP_K}", "10")
    con = duckdb.connect()
    con.execute(f"SET threads = {args.threads}")
    if args.memory_limit:
        con.execute("SET memory_limit = ?", [args.memory_limit])
    path = args.log.replace("'", "''")
    t0 = time.perf_counter()
    con.execute(
        f"CREATE TABLE events AS SELECT case_id, activity, timestamp AS ts FROM read_csv('{path}', header = true, "
        "columns = {'case_id': 'VARCHAR', 'activity': 'VARCHAR', 'timestamp': 'TIMESTAMPTZ', 'channel': 'VARCHAR'})"
    )
    load = time.perf_counter() - t0
    times, cpu = [], []
    for _ in range(args.runs):
        r0 = resource.getrusage(resource.RUSAGE_SELF)
        t0 = time.perf_counter()
        out = con.execute(sql).fetchone()[0]
        times.append(time.perf_counter() - t0)
        r1 = resource.getrusage(resource.RUSAGE_SELF)
        # CPU seconds of all threads: on a loaded machine, a bound that wall time is not
        cpu.append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
    agg = json.loads(out)
    if args.out:
        Path(args.out).write_text(out)
    print(json.dumps({
        "log": args.log, "events": agg["events"], "cases": agg["cases"], "duckdb": duckdb.__version__,
        "threads": args.threads, "memory_limit": con.execute("SELECT current_setting('memory_limit')").fetchone()[0],
        "load_csv_s": round(load, 3),
        "query_best_s": round(min(times), 3), "query_median_s": round(statistics.median(times), 3),
        "query_cpu_s": round(min(cpu), 3),
        "aggregate_bytes": len(out),
    }))


if __name__ == "__main__":
    main()
