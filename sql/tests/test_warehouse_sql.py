"""The warehouse SQL against `journey-analyze aggregate` on the same generated log.

Runs sql/duckdb/aggregate.sql in DuckDB and sql/spark/aggregate.sql in one local Spark
session on a log made by `journey-analyze generate`, and checks that both give the same
aggregate as the raw-log path: DFG counts, activity counts, case count, variant counts,
start/end activity counts and drop-offs exactly; quantiles within the tolerance each file
declares (docs/scale.md): exact ones to floating-point rounding, approximate ones within
rank_error * n + 1 ranks of the exact linear-interpolation rank, checked against the
log's own sorted durations computed here. Each SQL result must also be accepted by the
app's parser (`journey-analyze aggregate-report`).

Ties (WarehouseSqlTies): a generated Sepsis-like log (sepsis_like.py: most cases have
different activities at one timestamp, rows shuffled, an `event_id` column counting the
rows) gives the same aggregate from the app, DuckDB and Spark when the SQL is given
`event_id` as ORDER_COLUMN; without it the SQL says the ties were ordered by name and
how many cases had them (known by construction).

Run by scripts/test.sh as `.venv/bin/python -m unittest discover -s sql/tests -v`;
JOURNEY_ANALYZE names the binary (default target/debug/journey-analyze). With CHDB_PYTHON
naming a Python that has the `chdb` package, sql/clickhouse/aggregate.sql is compared too
(not in the test command: see docs/scale.md).
"""

import bisect
import csv
import sys
import json
import math
import os
import subprocess
import tempfile
import unittest
from collections import defaultdict
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = os.environ.get("JOURNEY_ANALYZE", str(ROOT / "target" / "debug" / "journey-analyze"))
EVENTS = 30_000
SEED = 11
# One goal and a short timeout, so that both outcomes occur often in a generated log
# (its cases span a few days; with the default week nobody would have left yet).
GOALS = ["Order confirmation"]
TIMEOUT_S = 3600
TOP_K = 8
# Which engines run: the test command runs all (DuckDB 1.5.6 and Spark in .venv), then
# DuckDB alone in .venv-duckdb-next (the current DuckDB release, no Spark there).
ENGINES = [e for e in os.environ.get("JOURNEY_SQL_ENGINES", "duckdb,spark").split(",") if e]
LEVELS = {"p25": 0.25, "p50": 0.5, "p75": 0.75, "p90": 0.9, "p95": 0.95}
STAT_FIELDS = ["count", "sum", "min", "max", *LEVELS]


def sql_text(engine, goal_names=GOALS, order_column="NULL"):
    text = (ROOT / "sql" / engine / "aggregate.sql").read_text()
    goals = ", ".join("'" + g.replace("'", "''") + "'" for g in goal_names) or "NULL"
    return (text.replace("${GOALS}", goals).replace("${TIMEOUT_S}", str(TIMEOUT_S)).replace("${TOP_K}", str(TOP_K))
            .replace("${ORDER_COLUMN}", order_column))


def run_duckdb(log_path, goal_names=GOALS, order_column="NULL", columns=None):
    """The DuckDB query on a CSV. With order_column "row_no", the file's row order as
    docs/scale.md ("Ties") says: a table loaded from the CSV keeps it in `rowid`."""
    import duckdb

    con = duckdb.connect()
    path = str(log_path).replace("'", "''")
    columns = columns or "{'case_id': 'VARCHAR', 'activity': 'VARCHAR', 'timestamp': 'TIMESTAMPTZ', 'channel': 'VARCHAR'}"
    con.execute(f"CREATE TABLE log AS SELECT * FROM read_csv('{path}', header = true, columns = {columns})")
    con.execute("CREATE VIEW events AS SELECT *, timestamp AS ts, rowid AS row_no FROM log")
    return json.loads(con.execute(sql_text("duckdb", goal_names, order_column)).fetchone()[0])


_spark = None


def spark_session():
    """One local Spark session for the whole run (its start-up is the slow part)."""
    global _spark
    if _spark is None:
        from pyspark.sql import SparkSession

        _spark = (
            SparkSession.builder.master("local[2]")
            .appName("journey-aggregate-test")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            # A small log: one shuffle partition, no adaptive re-planning and no whole-stage
            # code generation keep the many small stages of the query cheap.
            .config("spark.sql.shuffle.partitions", "1")
            .config("spark.sql.adaptive.enabled", "false")
            .config("spark.sql.codegen.wholeStage", "false")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.driver.memory", "1g")
            .getOrCreate()
        )
        _spark.sparkContext.setLogLevel("ERROR")
    return _spark


def tearDownModule():
    global _spark
    if _spark is not None:
        _spark.stop()
        _spark = None


def run_spark(log_path, goal_names=GOALS, order_column="NULL", schema=None):
    spark = spark_session()
    schema = schema or "case_id STRING, activity STRING, timestamp TIMESTAMP, channel STRING"
    df = spark.read.csv(str(log_path), header=True, schema=schema)
    df.selectExpr("*", "timestamp AS ts").createOrReplaceTempView("events")
    return json.loads(spark.sql(sql_text("spark", goal_names, order_column)).collect()[0][0])


def run_clickhouse(log_path):
    """ClickHouse through chdb in another interpreter (CHDB_PYTHON), or None."""
    python = os.environ.get("CHDB_PYTHON")
    if not python:
        return None
    goals = ", ".join("'" + g.replace("'", "''") + "'" for g in GOALS) or "NULL"
    script = Path(__file__).with_name("clickhouse_chdb.py")
    out = subprocess.run([python, str(script), str(log_path), goals, str(TIMEOUT_S), str(TOP_K)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def sorted_durations(log_path, order=None):
    """Per stats block of the aggregate, the sorted durations in seconds, from the CSV.
    Equal timestamps are ordered by the column `order` (a number), else by activity."""
    cases = defaultdict(list)
    with open(log_path, newline="") as f:
        for row in csv.DictReader(f):
            t = int(datetime.fromisoformat(row["timestamp"].replace("Z", "+00:00")).timestamp() * 1000)
            cases[row["case_id"]].append((t, int(row[order]) if order else 0, row["activity"]))
    out = defaultdict(list)
    for events in cases.values():
        events.sort()
        out[("throughput",)].append((events[-1][0] - events[0][0]) / 1000)
        for (t0, _, a), (t1, _, b) in zip(events, events[1:]):
            out[("edge", a, b)].append((t1 - t0) / 1000)
            out[("next", a)].append((t1 - t0) / 1000)
    return {k: sorted(v) for k, v in out.items()}


def cli_aggregate(log_path, goal_names, columns=()):
    args = [BIN, "aggregate", str(log_path), "--timeout-s", str(TIMEOUT_S), "--top", str(TOP_K), *columns]
    for g in goal_names:
        args += ["--goal", g]
    return json.loads(subprocess.run(args, capture_output=True, text=True, check=True).stdout)


def by_key(items, *keys):
    return {tuple(i[k] for k in keys): i for i in items}


def assert_counts_equal(tc, got, exp):
    """Every count of two aggregates is equal (the producer and the tie order aside)."""
    for field in ["format", "version", "goal_activities", "top_k", "cases", "events", "first_event_ms",
                  "last_event_ms", "cases_reaching_goal", "cases_with_rework"]:
        tc.assertEqual(got[field], exp[field], field)
    tc.assertEqual(got["ties"]["cases_with_ties"], exp["ties"]["cases_with_ties"])
    tc.assertEqual(got["timeout_s"], exp["timeout_s"])
    acts_exp, acts_got = by_key(exp["activities"], "activity"), by_key(got["activities"], "activity")
    tc.assertEqual(acts_got.keys(), acts_exp.keys())
    for k, a in acts_exp.items():
        for field in ["events", "cases", "start_cases", "end_cases", "dropped_cases", "cases_with_repeat"]:
            tc.assertEqual(acts_got[k][field], a[field], f"{k} {field}")
        tc.assertEqual(acts_got[k]["time_to_next_s"]["count"], a["time_to_next_s"]["count"], k)
    edges_exp, edges_got = by_key(exp["edges"], "from", "to"), by_key(got["edges"], "from", "to")
    tc.assertEqual(edges_got.keys(), edges_exp.keys())
    for k, e in edges_exp.items():
        tc.assertEqual((edges_got[k]["count"], edges_got[k]["cases"]), (e["count"], e["cases"]), k)
        tc.assertEqual(edges_got[k]["waiting_s"]["count"], e["count"], k)
    v_exp, v_got = exp["variants"], got["variants"]
    tc.assertEqual(v_got["distinct"], v_exp["distinct"])
    tc.assertEqual(v_got["top_cases"], v_exp["top_cases"])
    # Same variants with the same counts, in the documented order.
    top = lambda v: [(x["activities"], x["cases"]) for x in v["top"]]
    tc.assertEqual(sorted(top(v_got), key=lambda x: (-x[1], x[0])), top(v_exp))


def stats_blocks(agg):
    yield ("throughput",), agg["throughput_s"]
    for a in agg["activities"]:
        yield ("next", a["activity"]), a["time_to_next_s"]
    for e in agg["edges"]:
        yield ("edge", e["from"], e["to"]), e["waiting_s"]


def assert_durations_within(tc, got, exp_agg, sorted_values):
    """Sums, extremes and quantiles: exact ones to rounding, approximate ones within the
    declared rank tolerance of the log's own sorted durations."""
    expected = dict(stats_blocks(exp_agg))
    q = got["quantiles"]
    for key, s in stats_blocks(got):
        exp = expected[key]
        tc.assertEqual(s["count"], exp["count"], key)
        if exp["count"] == 0:
            tc.assertTrue(all(s.get(f) is None for f in ["min", "max", *LEVELS]), key)
            continue
        tc.assertTrue(math.isclose(s["sum"], exp["sum"], rel_tol=1e-12), (key, s["sum"], exp["sum"]))
        tc.assertEqual((s["min"], s["max"]), (exp["min"], exp["max"]), key)
        values = sorted_values[key]
        tc.assertEqual(len(values), exp["count"], key)
        for name, p in LEVELS.items():
            if q["method"] == "exact":
                tc.assertTrue(math.isclose(s[name], exp[name], rel_tol=1e-9, abs_tol=1e-9), (key, name, s[name], exp[name]))
            else:
                n = len(values)
                slack = q["rank_error"] * n + 1
                lo = values[max(0, math.floor(p * (n - 1) - slack))]
                hi = values[min(n - 1, math.ceil(p * (n - 1) + slack))]
                tc.assertTrue(lo <= s[name] <= hi, (key, name, s[name], lo, hi))
                # The value is one of the durations (a sketch returns a sample).
                i = bisect.bisect_left(values, s[name])
                tc.assertTrue(i < n and values[i] == s[name], (key, name, s[name]))


class WarehouseSql(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        tmp = Path(cls.tmp.name)
        cls.log = tmp / "log.csv"
        with open(cls.log, "w") as f:
            subprocess.run([BIN, "generate", "--events", str(EVENTS), "--seed", str(SEED)], stdout=f, check=True)
        cls.expected = cli_aggregate(cls.log, GOALS)
        runners = {"duckdb": run_duckdb, "spark": run_spark}
        cls.results = {e: runners[e](cls.log) for e in ENGINES}
        clickhouse = run_clickhouse(cls.log)
        if clickhouse is not None:
            cls.results["clickhouse"] = clickhouse
        cls.sorted = sorted_durations(cls.log)
        for engine, agg in cls.results.items():
            (tmp / f"{engine}.json").write_text(json.dumps(agg))

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_the_log_has_both_outcomes(self):
        # Guards the parameters: a test where nobody dropped off would prove little.
        exp = self.expected
        dropped = sum(a["dropped_cases"] for a in exp["activities"])
        self.assertGreater(dropped, 100)
        self.assertGreater(exp["cases_reaching_goal"], 100)
        self.assertEqual(exp["events"], EVENTS)

    def test_counts_equal_the_raw_log_path(self):
        for engine, got in self.results.items():
            with self.subTest(engine=engine):
                assert_counts_equal(self, got, self.expected)

    def test_durations_within_the_declared_tolerance(self):
        for engine, got in self.results.items():
            with self.subTest(engine=engine, method=got["quantiles"]["method"]):
                assert_durations_within(self, got, self.expected, self.sorted)

    def test_ties_are_reported(self):
        # The generated shop log has seconds-resolution times and no same-time events
        # of different activities in a case; the SQL says it ordered by name (no order
        # column), the app by file row, both with 0 cases where that mattered.
        self.assertEqual(self.expected["ties"], {"order": "file_row", "cases_with_ties": 0})
        for engine, got in self.results.items():
            with self.subTest(engine=engine):
                self.assertEqual(got["ties"], {"order": "activity_name", "cases_with_ties": 0})

    def test_the_engines_ran(self):
        # Guards JOURNEY_SQL_ENGINES: a typo must not leave nothing compared.
        self.assertTrue(ENGINES and set(ENGINES) <= {"duckdb", "spark"}, ENGINES)
        self.assertEqual(sorted(self.results.keys() - {"clickhouse"}), sorted(ENGINES))
        if "duckdb" in self.results:
            import duckdb

            print(f"\n  duckdb {duckdb.__version__}: {self.results['duckdb']['producer']}", file=sys.stderr)

    def test_without_a_goal_the_log_knows_nobody_drops_off(self):
        # DuckDB only (Spark's start-up is paid once, above): no goal, and a goal name that
        # no event has, give no drop-off in both paths.
        for goals in [[], ["Refund"]]:
            with self.subTest(goals=goals):
                got, exp = run_duckdb(self.log, goals), cli_aggregate(self.log, goals)
                self.assertEqual(got["goal_activities"], exp["goal_activities"])
                self.assertEqual(got["cases_reaching_goal"], 0)
                self.assertEqual(exp["cases_reaching_goal"], 0)
                self.assertEqual([a["dropped_cases"] for a in got["activities"]], [0] * len(got["activities"]))
                self.assertEqual(sorted((a["activity"], a["dropped_cases"]) for a in exp["activities"]),
                                 sorted((a["activity"], a["dropped_cases"]) for a in got["activities"]))

    def test_the_app_reads_every_engine_output(self):
        for engine in self.results:
            with self.subTest(engine=engine):
                path = Path(self.tmp.name) / f"{engine}.json"
                out = subprocess.run([BIN, "aggregate-report", str(path)], capture_output=True, text=True)
                self.assertEqual(out.returncode, 0, out.stderr)
                report = json.loads(out.stdout)
                self.assertEqual(report["cases"], self.expected["cases"])
                self.assertEqual(report["drop_off"]["dropped"], sum(a["dropped_cases"] for a in self.expected["activities"]))


sys.path.insert(0, str(Path(__file__).parent))
import sepsis_like  # noqa: E402  (the generator next to this file)

TIES_COLUMNS_DUCKDB = "{'event_id': 'BIGINT', 'case_id': 'VARCHAR', 'activity': 'VARCHAR', 'timestamp': 'TIMESTAMPTZ'}"
TIES_SCHEMA_SPARK = "event_id BIGINT, case_id STRING, activity STRING, timestamp TIMESTAMP"
TIES_GOALS = ["Release A", "Release B"]


class WarehouseSqlTies(unittest.TestCase):
    """Equal timestamps inside cases, as in the Sepsis log: the order column makes the SQL
    agree with the app exactly; without it the result says what it did and how often."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.log = Path(cls.tmp.name) / "sepsis_like.csv"
        cls.cases_with_ties = sepsis_like.write(cls.log, n_cases=400, seed=7)
        cls.expected = cli_aggregate(cls.log, TIES_GOALS, ["--case", "case_id", "--activity", "activity", "--time", "timestamp"])
        cls.ordered, cls.by_name = {}, {}
        for engine in ENGINES:
            # DuckDB takes the file's row order from the loaded table (docs/scale.md), Spark
            # the export's event_id column.
            if engine == "duckdb":
                run, order = (lambda o: run_duckdb(cls.log, TIES_GOALS, o, TIES_COLUMNS_DUCKDB)), "row_no"
            else:
                run, order = (lambda o: run_spark(cls.log, TIES_GOALS, o, TIES_SCHEMA_SPARK)), "event_id"
            cls.ordered[engine] = run(order)
            cls.by_name[engine] = run("NULL")
        cls.sorted = sorted_durations(cls.log, order="event_id")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_the_log_is_full_of_ties(self):
        # Guards the generator: most cases have ties, and they change the answer.
        self.assertGreater(self.cases_with_ties, 300)
        self.assertEqual(self.expected["ties"], {"order": "file_row", "cases_with_ties": self.cases_with_ties})
        for engine, got in self.by_name.items():
            with self.subTest(engine=engine):
                self.assertNotEqual(got["variants"]["distinct"], self.expected["variants"]["distinct"])

    def test_with_the_order_column_the_sql_equals_the_app(self):
        for engine, got in self.ordered.items():
            with self.subTest(engine=engine):
                self.assertEqual(got["ties"], {"order": "order_column", "cases_with_ties": self.cases_with_ties})
                assert_counts_equal(self, got, self.expected)
                assert_durations_within(self, got, self.expected, self.sorted)
                if got["quantiles"]["method"] == "exact":
                    # Everything but the producer and the tie order's name is the same file.
                    strip = lambda a: {k: v for k, v in a.items() if k not in ("producer", "ties")}
                    exp = json.loads(json.dumps(strip(self.expected)))
                    self.assertEqual(normalised(strip(got)), normalised(exp))

    def test_without_it_the_result_says_ties_were_ordered_by_name(self):
        for engine, got in self.by_name.items():
            with self.subTest(engine=engine):
                self.assertEqual(got["ties"], {"order": "activity_name", "cases_with_ties": self.cases_with_ties})
                # The app reads it (version 2) and keeps what it says.
                path = Path(self.tmp.name) / f"{engine}-by-name.json"
                path.write_text(json.dumps(got))
                out = subprocess.run([BIN, "aggregate-report", str(path)], capture_output=True, text=True)
                self.assertEqual(out.returncode, 0, out.stderr)


def normalised(agg):
    """Arrays in one order and numbers rounded to 1e-9 relative, for a whole-file compare."""
    def norm(v):
        if isinstance(v, float):
            return float(f"{v:.9g}")
        if isinstance(v, dict):
            return {k: norm(x) for k, x in v.items()}
        if isinstance(v, list):
            return [norm(x) for x in v]
        return v
    a = norm(agg)
    a["activities"].sort(key=lambda x: x["activity"])
    a["edges"].sort(key=lambda x: (x["from"], x["to"]))
    return a


if __name__ == "__main__":
    unittest.main()
