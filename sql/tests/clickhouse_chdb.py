"""Runs sql/clickhouse/aggregate.sql on a CSV event log with chdb (ClickHouse embedded in
Python) and prints the aggregate JSON. Used by test_warehouse_sql.py only when the
environment variable CHDB_PYTHON names a Python that has `chdb` installed (it is ~900 MB
with its dependencies, so scripts/setup.sh does not install it):

    python clickhouse_chdb.py LOG.csv GOALS_SQL TIMEOUT_S TOP_K
"""

import sys
from pathlib import Path

from chdb import session

ROOT = Path(__file__).resolve().parents[2]


def main():
    log, goals, timeout_s, top_k = sys.argv[1:5]
    s = session.Session()
    s.query("CREATE DATABASE IF NOT EXISTS db ENGINE = Atomic")
    path = log.replace("'", "\\'")
    s.query(
        "CREATE VIEW db.events AS SELECT case_id, activity, parseDateTime64BestEffort(timestamp, 3, 'UTC') AS ts "
        f"FROM file('{path}', CSVWithNames, 'case_id String, activity String, timestamp String, channel String')"
    )
    sql = (ROOT / "sql" / "clickhouse" / "aggregate.sql").read_text()
    sql = sql.replace("${ORDER_COLUMN}", "NULL").replace("${GOALS}", goals).replace("${TIMEOUT_S}", timeout_s).replace("${TOP_K}", top_k)
    sql = sql.replace("FROM events", "FROM db.events")
    print(s.query(sql, "TabSeparatedRaw").data())


if __name__ == "__main__":
    main()
