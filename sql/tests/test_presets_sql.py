"""The warehouse presets (sql/presets/) against answers known by construction.

The DuckDB twins of the preset queries run on samples shaped as the tools store them:
- GA4: the BigQuery export's nested rows (event_params a list of key/value records, device
  and batch fields), written here as daily Parquet files `events_YYYYMMDD.parquet` (what
  BigQuery's EXPORT DATA writes) and read through a view `ga4_events`;
- Matomo: the tables log_visit, log_link_visit_action and log_action with Matomo's columns
  (idvisitor an 8-byte BLOB, server_time UTC).
Both samples are generated below from a seeded list of sessions (visits) whose events are
known; rows are stored shuffled, with equal timestamps inside sessions (GA4 batches, Matomo
actions in one second), days / sites outside the requested range, and two GA4 users whose
sessions share one ga_session_id (GA4's id is the session's start second, unique only per
user). The query's rows must equal the expected rows exactly, in order; then the app's
importer (`journey-analyze FILE --source ga4_flat|matomo_actions --case-by record --json`)
must read the written CSV into the known events, sessions, customers, channels and
variants.

The BigQuery and MySQL originals (ga4_bigquery.sql, matomo_mysql.sql) are NOT run here
(no BigQuery project, no MySQL server); test_the_twins_are_the_originals checks that each
twin is its original line for line apart from the documented spelling differences.

Run by scripts/test.sh with the other files in sql/tests, on DuckDB 1.5.6 (.venv) and on
the current release (.venv-duckdb-next).
"""

import csv
import json
import os
import random
import subprocess
import tempfile
import unittest
import zlib
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = os.environ.get("JOURNEY_ANALYZE", str(ROOT / "target" / "debug" / "journey-analyze"))
PRESETS = ROOT / "sql" / "presets"
ENGINES = [e for e in os.environ.get("JOURNEY_SQL_ENGINES", "duckdb,spark").split(",") if e]
# 2026-03-02T00:00:00Z in seconds; the samples' days are 2026-03-02 … 2026-03-12.
T0 = 1_772_409_600
DAY = 86_400
WEB_STEPS = ["session_start", "page_view", "view_item", "add_to_cart", "begin_checkout", "purchase"]
SOURCES = [("google", "organic"), ("newsletter", "email"), (None, None)]


def query(name, **params):
    text = (PRESETS / name).read_text()
    for k, v in params.items():
        text = text.replace("${" + k + "}", v)
    body = "\n".join(l for l in text.splitlines() if not l.lstrip().startswith("--"))
    assert "${" not in body, f"{name}: a parameter was not replaced"
    return text


def read_with_preset(path, source):
    out = subprocess.run([BIN, str(path), "--source", source, "--case-by", "record", "--json"],
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise AssertionError(f"journey-analyze exit {out.returncode}: {out.stderr}")
    return json.loads(out.stdout)


def variants(sessions):
    return Counter(tuple(name for name, *_ in s["events"]) for s in sessions)


def dfg(sessions):
    return Counter((a[0], b[0]) for s in sessions for a, b in zip(s["events"], s["events"][1:]))


def assert_importer_reads(tc, got, sessions, customers, channels):
    """The importer's reading of the flat file against the sessions it was made from."""
    events = [e for s in sessions for e in s["events"]]
    tc.assertEqual(got["events"], len(events))
    tc.assertEqual(got["cases"], len(sessions))
    tc.assertEqual(got["source"]["customers"], customers)
    tc.assertEqual(got["source"]["skipped_rows"], 0)
    tc.assertEqual(got["first_event_ms"], min(e[1] for e in events) // 1000)
    tc.assertEqual(got["last_event_ms"], max(e[1] for e in events) // 1000)
    acts = {a["activity"]: a["events"] for a in got["volumes"]["activities"]}
    tc.assertEqual(acts, dict(Counter(e[0] for e in events)))
    tc.assertEqual({c["channel"]: c["events"] for c in got["volumes"]["channels"]}, channels)
    exp_variants = variants(sessions)
    tc.assertEqual(got["top_variants"]["count"], len(exp_variants))
    for v in got["top_variants"]["top"]:
        tc.assertEqual(v["cases"], exp_variants[tuple(v["activities"])], v["activities"])
    tc.assertEqual(got["dfg_edges"], len(dfg(sessions)))


# ---------------------------------------------------------------------------------------
# GA4: sessions → the export's nested rows.


def ga4_sessions(seed=7, users=60):
    """Sessions with their events (name, µs, batch order); times known, ties planted."""
    rng = random.Random(seed)
    sessions = []
    for u in range(users):
        pseudo = f"{rng.randrange(10**9, 2 * 10**9)}.{T0 + u}"
        user_id = f"shop-{u}" if u % 3 == 0 else None
        t = T0 + rng.randrange(6) * DAY + rng.randrange(8, 20) * 3600
        for _ in range(1 + rng.randrange(3)):
            # Users 0 and 1 start a session in the same second: the same ga_session_id.
            start = T0 + 9 * 3600 if u in (0, 1) and not sessions_of(sessions, pseudo) else t
            steps = 2 + rng.randrange(len(WEB_STEPS) - 1)
            source, medium = SOURCES[rng.randrange(3)]
            device = ["desktop", "mobile", "tablet"][rng.randrange(3)]
            events, us = [], start * 1_000_000 + rng.randrange(1_000_000)
            for k, name in enumerate(WEB_STEPS[:steps]):
                # session_start and page_view arrive in one batch with one timestamp.
                if k >= 2:
                    us += rng.randrange(5, 300) * 1_000_000 + rng.randrange(1000)
                events.append((name, us, k))
            sessions.append({"user_pseudo_id": pseudo, "user_id": user_id, "ga_session_id": start,
                             "events": events, "source": source, "medium": medium, "device": device})
            t = start + (1 + rng.randrange(2)) * DAY
    return sessions


def sessions_of(sessions, pseudo):
    return [s for s in sessions if s["user_pseudo_id"] == pseudo]


def ga4_date(us):
    return datetime.fromtimestamp(us // 1_000_000, timezone.utc).strftime("%Y%m%d")


def param(key, string=None, integer=None):
    return {"key": key, "value": {"string_value": string, "int_value": integer, "float_value": None, "double_value": None}}


def ga4_rows(sessions, rng):
    """The export's rows: event_params carry ga_session_id on every event, source / medium
    only on the session's first event when the visit had a referrer (none: direct)."""
    rows = []
    for s in sessions:
        for name, us, k in s["events"]:
            params = [param("ga_session_number", integer=1), param("ga_session_id", integer=s["ga_session_id"]),
                      param("page_location", string="https://shop.example/")]
            if k == 0 and s["source"]:
                params += [param("source", string=s["source"]), param("medium", string=s["medium"])]
            rng.shuffle(params)
            rows.append((ga4_date(us), us, name, params, s["user_pseudo_id"], s["user_id"],
                         {"category": s["device"], "operating_system": "Linux", "language": "en-us"},
                         # The user's first acquisition: not the session's source.
                         {"name": "(referral)", "medium": "referral", "source": "first.example"},
                         us // 1_000_000, 1, k))
    return rows


GA4_TABLE = """CREATE TABLE ga4_sample (
    event_date VARCHAR, event_timestamp BIGINT, event_name VARCHAR,
    event_params STRUCT(key VARCHAR, value STRUCT(string_value VARCHAR, int_value BIGINT,
        float_value DOUBLE, double_value DOUBLE))[],
    user_pseudo_id VARCHAR, user_id VARCHAR,
    device STRUCT(category VARCHAR, operating_system VARCHAR, language VARCHAR),
    traffic_source STRUCT(name VARCHAR, medium VARCHAR, source VARCHAR),
    batch_page_id BIGINT, batch_ordering_id BIGINT, batch_event_index BIGINT)"""


@unittest.skipUnless("duckdb" in ENGINES, "DuckDB not in JOURNEY_SQL_ENGINES")
class Ga4Preset(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        import duckdb

        cls.tmp = tempfile.TemporaryDirectory()
        tmp = Path(cls.tmp.name)
        rng = random.Random(3)
        cls.sessions = ga4_sessions()
        # The same sessions a month earlier: in the export, outside the range, not in the result.
        outside = [{**s, "events": [(n, us - 30 * DAY * 1_000_000, k) for n, us, k in s["events"]]} for s in cls.sessions[:3]]
        rows = ga4_rows(cls.sessions + outside, rng)
        rng.shuffle(rows)
        con = duckdb.connect()
        con.execute(GA4_TABLE)
        con.executemany("INSERT INTO ga4_sample VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        for (day,) in con.execute("SELECT DISTINCT event_date FROM ga4_sample").fetchall():
            con.execute(f"COPY (SELECT * FROM ga4_sample WHERE event_date = '{day}') TO '{tmp}/events_{day}.parquet' (FORMAT parquet)")
        cls.files = len(list(tmp.glob("events_*.parquet")))
        con = duckdb.connect()
        con.execute(f"CREATE VIEW ga4_events AS SELECT * FROM read_parquet('{tmp}/events_*.parquet', union_by_name = true)")
        sql = query("ga4_duckdb.sql", START="20260302", END="20260331")
        cls.result = con.execute(sql).fetchall()
        cls.columns = [d[0] for d in con.description]
        cls.csv = tmp / "ga4_flat.csv"
        con.execute(f"COPY ({sql}) TO '{cls.csv}' (HEADER)")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_the_sample_is_nested_and_daily(self):
        self.assertGreaterEqual(self.files, 8)

    def test_rows_are_the_known_events_in_order(self):
        self.assertEqual(self.columns, ["event_date", "event_timestamp", "event_name", "user_pseudo_id", "user_id",
                                        "ga_session_id", "source", "medium", "device_category"])
        expected = []
        for s in sorted(self.sessions, key=lambda s: (s["user_pseudo_id"], s["ga_session_id"])):
            for name, us, _ in s["events"]:
                expected.append((ga4_date(us), us, name, s["user_pseudo_id"], s["user_id"], s["ga_session_id"],
                                 s["source"] or "(direct)", s["medium"] or "(none)", s["device"]))
        self.assertEqual(self.result, expected)

    def test_two_users_share_a_session_id(self):
        ids = Counter((s["ga_session_id"]) for s in self.sessions)
        self.assertGreaterEqual(ids[T0 + 9 * 3600], 2)

    def test_the_importer_reads_the_flat_file(self):
        got = read_with_preset(self.csv, "ga4_flat")
        customers = len({s["user_id"] or s["user_pseudo_id"] for s in self.sessions})
        channels = Counter()
        for s in self.sessions:
            channels[f"{s['source'] or '(direct)'} / {s['medium'] or '(none)'}"] += len(s["events"])
        assert_importer_reads(self, got, self.sessions, customers, dict(channels))
        # Equal timestamps keep GA4's order (session_start before page_view) via the file row.
        for v in got["top_variants"]["top"]:
            self.assertEqual(v["activities"][:2], ["session_start", "page_view"])


# ---------------------------------------------------------------------------------------
# Matomo: visits → log_visit, log_link_visit_action, log_action.

MATOMO_TABLES = """
CREATE TABLE matomo_log_action (idaction INTEGER, name VARCHAR, hash BIGINT, type TINYINT, url_prefix TINYINT);
CREATE TABLE matomo_log_visit (idvisit BIGINT, idsite INTEGER, idvisitor BLOB, user_id VARCHAR,
    visit_first_action_time TIMESTAMP, visit_last_action_time TIMESTAMP, referer_type TINYINT,
    referer_name VARCHAR, config_device_type TINYINT, location_ip BLOB);
CREATE TABLE matomo_log_link_visit_action (idlink_va BIGINT, idsite INTEGER, idvisitor BLOB, idvisit BIGINT,
    server_time TIMESTAMP, idaction_url INTEGER, idaction_name INTEGER, idaction_event_category INTEGER,
    idaction_event_action INTEGER, pageview_position INTEGER, time_spent_ref_action INTEGER);
"""
# (what the visitor did, log_action type, the activity the preset shows)
PAGES = [("Home", 4), ("Product", 4), ("Cart", 4), ("Checkout", 4), ("Thank you", 4)]
REFERERS = [(1, ""), (2, "Google"), (6, "newsletter"), (7, "Mastodon")]
CHANNEL_WORD = {1: "Direct", 2: "Search engine", 6: "Campaign", 7: "Social network"}


def matomo_visits(seed=5, visitors=50):
    """Visits with their actions (activity, seconds, action type); known by construction."""
    rng = random.Random(seed)
    visits, idvisit = [], 100
    for v in range(visitors):
        visitor = rng.getrandbits(64).to_bytes(8, "big")
        user_id = f"member-{v}" if v % 4 == 0 else None
        t = T0 + rng.randrange(6) * DAY + rng.randrange(8, 20) * 3600
        for _ in range(1 + rng.randrange(3)):
            idvisit += 1
            acts = []
            for k, (page, typ) in enumerate(PAGES[:1 + rng.randrange(len(PAGES))]):
                t += rng.randrange(20, 200)
                acts.append((page, t, "page", typ))
                if page == "Product" and rng.random() < 0.6:
                    # An event in the same second as its page view (ties: idlink_va decides).
                    acts.append(("add to cart", t, "event", 11))
                if page == "Thank you" and rng.random() < 0.5:
                    t += 5
                    acts.append(("https://shop.example/invoice.pdf", t, "download", 3))
            referer, referer_name = REFERERS[rng.randrange(len(REFERERS))]
            visits.append({"idvisit": idvisit, "visitor": visitor, "user_id": user_id, "referer": referer,
                           "referer_name": referer_name, "device": rng.randrange(3), "events": acts})
            t += DAY
    return visits


def matomo_tables(con, visits, rng):
    names = {}

    def action(name, typ):
        if (name, typ) not in names:
            names[(name, typ)] = len(names) + 1
            con.execute("INSERT INTO matomo_log_action VALUES (?, ?, ?, ?, ?)", [names[(name, typ)], name, zlib.crc32(name.encode()), typ, None])
        return names[(name, typ)]

    link_rows, idlink = [], 0
    for v in visits:
        con.execute("INSERT INTO matomo_log_visit VALUES (?, 1, ?, ?, to_timestamp(?)::TIMESTAMP, to_timestamp(?)::TIMESTAMP, ?, ?, ?, ?)",
                    [v["idvisit"], v["visitor"], v["user_id"], v["events"][0][1], v["events"][-1][1], v["referer"],
                     v["referer_name"], v["device"], b"\x7f\x00\x00\x01"])
        page_url = None
        for name, t, kind, typ in v["events"]:
            idlink += 1
            if kind == "page":
                page_url = action(f"shop.example/{name.lower().replace(' ', '-')}", 1)
                row = (page_url, action(name, typ), None, None)
            elif kind == "event":
                row = (page_url, action("add to cart", 12), action("Shop", 10), action(name, typ))
            else:
                row = (action(name, typ), None, None, None)
            link_rows.append([idlink, 1, v["visitor"], v["idvisit"], t, *row, idlink, 10])
    # Another site's visit and an action outside the range: stored, not in the result.
    link_rows.append([idlink + 1, 2, b"\x00" * 8, 1, T0 + DAY, names[("Home", 4)], names[("Home", 4)], None, None, 1, 0])
    link_rows.append([idlink + 2, 1, visits[0]["visitor"], visits[0]["idvisit"], T0 - DAY, None, names[("Home", 4)], None, None, 1, 0])
    con.execute("INSERT INTO matomo_log_visit VALUES (1, 2, ?, NULL, to_timestamp(?)::TIMESTAMP, to_timestamp(?)::TIMESTAMP, 1, '', 0, NULL)",
                [b"\x00" * 8, T0 + DAY, T0 + DAY])
    rng.shuffle(link_rows)
    con.executemany("INSERT INTO matomo_log_link_visit_action VALUES (?, ?, ?, ?, to_timestamp(?)::TIMESTAMP, ?, ?, ?, ?, ?, ?)", link_rows)


def utc(seconds):
    return datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y-%m-%d %H:%M:%S")


@unittest.skipUnless("duckdb" in ENGINES, "DuckDB not in JOURNEY_SQL_ENGINES")
class MatomoPreset(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        import duckdb

        cls.tmp = tempfile.TemporaryDirectory()
        cls.visits = matomo_visits()
        con = duckdb.connect()
        con.execute("SET TimeZone = 'UTC'")
        con.execute(MATOMO_TABLES)
        matomo_tables(con, cls.visits, random.Random(9))
        sql = query("matomo_duckdb.sql", PREFIX="matomo_", SITE_ID="1", START="2026-03-02 00:00:00", END="2026-03-16 00:00:00")
        cls.result = con.execute(sql).fetchall()
        cls.columns = [d[0] for d in con.description]
        cls.csv = Path(cls.tmp.name) / "matomo_actions.csv"
        con.execute(f"COPY ({sql}) TO '{cls.csv}' (HEADER)")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_rows_are_the_known_actions_in_order(self):
        self.assertEqual(self.columns, ["idvisit", "idvisitor", "user_id", "server_time", "action_name", "action_type",
                                        "referer_type", "referer_name", "config_device_type"])
        expected = [(v["idvisit"], v["visitor"].hex(), v["user_id"], utc(t), name, typ, v["referer"], v["referer_name"], v["device"])
                    for v in self.visits for name, t, _, typ in v["events"]]
        self.assertEqual([tuple(r) for r in self.result], expected)

    def test_the_sample_has_ties_events_and_downloads(self):
        kinds = Counter(kind for v in self.visits for *_, kind, _ in v["events"])
        self.assertGreater(kinds["event"], 5)
        self.assertGreater(kinds["download"], 2)

    def test_the_importer_reads_the_flat_file(self):
        got = read_with_preset(self.csv, "matomo_actions")
        sessions = [{"events": [(n, t * 1_000_000) for n, t, *_ in v["events"]]} for v in self.visits]
        customers = len({v["user_id"] or v["visitor"].hex() for v in self.visits})
        channels = Counter()
        for v in self.visits:
            channels[CHANNEL_WORD[v["referer"]]] += len(v["events"])
        assert_importer_reads(self, got, sessions, customers, dict(channels))
        # The event in the page view's second comes after it (file row = idlink_va).
        self.assertFalse(any(("add to cart", "Product") == (a, b) for v in got["top_variants"]["top"]
                             for a, b in zip(v["activities"], v["activities"][1:])))


class TwinsAreTheOriginals(unittest.TestCase):
    def body(self, name):
        """The query without its comment header, one line per statement line."""
        lines = (PRESETS / name).read_text().splitlines()
        return [l for l in lines if not l.lstrip().startswith("--")]

    def test_the_twins_are_the_originals(self):
        # The documented spellings: BigQuery's table wildcard and UNNEST alias, MySQL's
        # HEX / DATE_FORMAT; everything else must be the same line.
        pairs = [("ga4_bigquery.sql", "ga4_duckdb.sql", {
                    "    FROM `${DATASET}.events_*` AS e": "    FROM ga4_events AS e",
                    "    WHERE _TABLE_SUFFIX BETWEEN '${START}' AND '${END}'": "    WHERE e.event_date BETWEEN '${START}' AND '${END}'",
                 }),
                 ("matomo_mysql.sql", "matomo_duckdb.sql", {
                    "    LOWER(HEX(v.idvisitor)) AS idvisitor,": "    lower(hex(v.idvisitor)) AS idvisitor,",
                    "    DATE_FORMAT(lva.server_time, '%Y-%m-%d %H:%i:%s') AS server_time,": "    strftime(lva.server_time, '%Y-%m-%d %H:%M:%S') AS server_time,",
                 })]
        for original, twin, spelled in pairs:
            a = [spelled.get(l, l).replace("UNNEST(e.event_params) AS ep", "unnest(e.event_params) AS u(ep)") for l in self.body(original)]
            self.assertEqual(a, self.body(twin), f"{twin} differs from {original}")


if __name__ == "__main__":
    unittest.main()
