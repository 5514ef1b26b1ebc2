"""Times sql/spark/aggregate.sql in a local Spark session on a generated event log
(benchmarks/README.md, "Warehouse SQL"). Not a test: it prints figures for the README.

    .venv/bin/python benchmarks/spark_aggregate.py /tmp/gen1m.csv [--master local[2]] [--out AGG.json]

Figures: the session's start-up (JVM, once per job), and the query on the CSV (wall time, the
JVM's CPU time over all threads, and the JVM's peak resident memory) — Spark
reads the file as part of the query, as a job on a cluster reads its table. The goal is the
generator's "Order confirmation", τ = 7 days, top 10 variants, no order column. Spark's
defaults otherwise (whole-stage code generation, adaptive execution), with the shuffle
partitions set to 4 × the cores of a local master.
"""

import argparse
import json
import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("log")
    ap.add_argument("--master", default=f"local[{os.cpu_count()}]")
    ap.add_argument("--driver-memory", default="2g")
    ap.add_argument("--out", help="also write the aggregate JSON here")
    args = ap.parse_args()
    sql = (ROOT / "sql" / "spark" / "aggregate.sql").read_text()
    sql = (sql.replace("${ORDER_COLUMN}", "NULL").replace("${GOALS}", "'Order confirmation'")
           .replace("${TIMEOUT_S}", "604800").replace("${TOP_K}", "10"))
    t0 = time.perf_counter()
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master(args.master)
        .appName("journey-aggregate-bench")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.memory", args.driver_memory)
        .config("spark.sql.shuffle.partitions", str(4 * (os.cpu_count() or 1)))
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    start = time.perf_counter() - t0
    # The JVM does the work: its CPU time (all threads) and peak memory, read from the JVM
    # itself and from /proc (it is not a child that GNU time would see).
    jvm_pid = spark._jvm.java.lang.ProcessHandle.current().pid()

    def jvm_cpu_s():
        fields = open(f"/proc/{jvm_pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime

    try:
        cpu0 = jvm_cpu_s()
        t0 = time.perf_counter()
        df = spark.read.csv(args.log, header=True, schema="case_id STRING, activity STRING, timestamp TIMESTAMP, channel STRING")
        df.selectExpr("case_id", "activity", "timestamp AS ts").createOrReplaceTempView("events")
        out = spark.sql(sql).collect()[0][0]
        query = time.perf_counter() - t0
        cpu = jvm_cpu_s() - cpu0
        version = spark.version
        hwm = next((line.split()[1] for line in open(f"/proc/{jvm_pid}/status") if line.startswith("VmHWM")), "0")
    finally:
        spark.stop()
    agg = json.loads(out)
    if args.out:
        Path(args.out).write_text(out)
    print(json.dumps({
        "log": args.log, "events": agg["events"], "cases": agg["cases"], "spark": version, "master": args.master,
        "start_s": round(start, 3), "query_s": round(query, 3), "query_jvm_cpu_s": round(cpu, 3),
        "jvm_peak_mb": round(int(hwm) / 1024), "aggregate_bytes": len(out),
    }))


if __name__ == "__main__":
    main()
