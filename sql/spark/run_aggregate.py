"""Runs sql/spark/aggregate.sql as a Spark job and writes the aggregate JSON: the
spark-submit recipe of docs/scale.md ("Spark on a cluster").

    spark-submit [--master …] sql/spark/run_aggregate.py (--table DB.TABLE | --csv PATH | --parquet PATH)
        [--case-col case_id] [--activity-col activity] [--ts-col ts] [--order-col COL]
        [--goal ACTIVITY]... [--timeout-s 604800] [--top 10] --out PATH

The input's columns are renamed to `events(case_id, activity, ts[, order])` in a view; the
SQL's parameters are filled in as docs/scale.md says. `--out`: a local path is written by
the driver (client mode); a URI with a scheme (s3://, gs://, hdfs://, abfss://) is written
by Spark as a directory holding one text file (cluster mode: the driver's disk is not yours).
"""

import argparse
import re
import sys
from pathlib import Path

from pyspark.sql import SparkSession

SQL = Path(__file__).with_name("aggregate.sql")


def quote(name):
    return "`" + name.replace("`", "``") + "`"


def literal(text):
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--table")
    src.add_argument("--csv")
    src.add_argument("--parquet")
    ap.add_argument("--case-col", default="case_id")
    ap.add_argument("--activity-col", default="activity")
    ap.add_argument("--ts-col", default="ts")
    ap.add_argument("--order-col", help="orders equal timestamps inside a case (docs/scale.md, Ties)")
    ap.add_argument("--goal", action="append", default=[])
    ap.add_argument("--timeout-s", type=float, default=604800)
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("--out", required=True)
    args = ap.parse_args(argv)

    spark = SparkSession.builder.appName("journey-studio-aggregate").getOrCreate()
    try:
        if args.table:
            df = spark.table(args.table)
        elif args.csv:
            df = spark.read.csv(args.csv, header=True, inferSchema=False)
        else:
            df = spark.read.parquet(args.parquet)
        cols = [f"{quote(args.case_col)} AS case_id", f"{quote(args.activity_col)} AS activity",
                f"CAST({quote(args.ts_col)} AS TIMESTAMP) AS ts"]
        if args.order_col:
            cols.append(f"{quote(args.order_col)} AS order_col")
        df.selectExpr(*cols).createOrReplaceTempView("events")
        sql = (SQL.read_text()
               .replace("${GOALS}", ", ".join(literal(g) for g in args.goal) or "NULL")
               .replace("${TIMEOUT_S}", repr(float(args.timeout_s)))
               .replace("${TOP_K}", str(int(args.top)))
               .replace("${ORDER_COLUMN}", "order_col" if args.order_col else "NULL"))
        text = spark.sql(sql).collect()[0][0]
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", args.out):
            spark.createDataFrame([(text,)], "aggregate STRING").coalesce(1).write.mode("overwrite").text(args.out)
        else:
            Path(args.out).write_text(text)
    finally:
        spark.stop()
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
