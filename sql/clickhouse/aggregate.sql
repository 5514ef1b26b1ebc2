-- Journey Studio aggregate, format version 2 (docs/scale.md), for ClickHouse.
-- Version 1 verified by hand with chdb 4.4.0 (ClickHouse 26.9.2.1) through sql/tests (CHDB_PYTHON=…):
-- same results as journey-analyze. The order column and `ties` (version 2) were added after
-- that check and have not been run in ClickHouse. Not part of the test command; not run on a ClickHouse server.
--
-- Input: `events(case_id, activity, ts)` (replace by your table), ts a DateTime64(3)
-- (for DateTime use toUnixTimestamp(ts) * 1000 below).
-- Parameters, written ${NAME} below and replaced as text before running (docs/scale.md):
--   GOALS      goal activities as SQL string literals, e.g. 'Order confirmation', 'Delivery'
--              (NULL when there is none: drop-off then cannot be used in the app)
--   TIMEOUT_S  inactivity in seconds after which a case without a goal counts as dropped
--   TOP_K      how many variants to keep
--   ORDER_COLUMN  a column (or expression) of `events` that orders events with equal
--              timestamps inside a case as the export's rows were ordered: its row number,
--              sequence number or an increasing event id. NULL when there is none: equal
--              timestamps are then ordered by activity name, and the result says so
--              ("ties": {"order": "activity_name", "cases_with_ties": n}).
-- Output: one row, one column `aggregate`: the JSON document to import in the app.
--
-- Where ClickHouse differs from DuckDB:
-- * LAG/LEAD are lagInFrame/leadInFrame and need the whole partition as frame; on a
--   Nullable argument they give NULL past the ends, as LAG/LEAD do;
-- * a variant is arrayMap over arraySort(groupArray((time, order, activity))); arrays group fine;
-- * exact quantiles with linear interpolation are quantilesExactInclusive (1-based arrays);
-- * the JSON is assembled with toJSONString on maps and strings (named tuples print as
--   arrays unless settings say otherwise), so the numbers are formatted by ClickHouse.
WITH
raw AS (
    SELECT toString(case_id) AS case_id, toString(activity) AS activity, toUnixTimestamp64Milli(ts) AS t_ms, ${ORDER_COLUMN} AS ord
    FROM events
    WHERE case_id IS NOT NULL AND activity IS NOT NULL AND ts IS NOT NULL
),
ev AS (
    SELECT
        case_id, activity, t_ms,
        lagInFrame(toNullable(activity)) OVER w AS prev_activity,
        leadInFrame(toNullable(activity)) OVER w AS next_activity,
        (leadInFrame(toNullable(t_ms)) OVER w) - t_ms AS wait_ms,
        ord,
        -- two different activities at one time: the tie order decides here
        (lagInFrame(toNullable(t_ms)) OVER w) = t_ms AND (lagInFrame(toNullable(activity)) OVER w) != activity AS tie
    FROM raw
    WINDOW w AS (PARTITION BY case_id ORDER BY t_ms, ord, activity ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
),
log_end AS (SELECT min(t_ms) AS first_ms, max(t_ms) AS last_ms, count() AS events, count(ord) AS ordered FROM ev),
cases AS (
    SELECT
        case_id,
        min(t_ms) AS first_ms,
        max(t_ms) AS last_ms,
        anyIf(activity, prev_activity IS NULL) AS first_activity,
        anyIf(activity, next_activity IS NULL) AS last_activity,
        max(activity IN (${GOALS})) AS reached_goal,
        max(ifNull(tie, 0)) AS has_tie,
        arrayMap(x -> x.3, arraySort(groupArray((t_ms, ord, activity)))) AS variant
    FROM ev GROUP BY case_id
),
case_outcome AS (
    SELECT c.*, (c.reached_goal = 0 AND (SELECT max(reached_goal) FROM cases) = 1
        AND (SELECT last_ms FROM log_end) - c.last_ms > ${TIMEOUT_S} * 1000) AS dropped
    FROM cases AS c
),
case_activity AS (SELECT case_id, activity, count() AS n FROM ev GROUP BY case_id, activity),
act_events AS (
    SELECT activity, count() AS events,
        count(wait_ms) AS w_count, sum(wait_ms) AS w_sum, min(wait_ms) AS w_min, max(wait_ms) AS w_max,
        quantilesExactInclusive(0.25, 0.5, 0.75, 0.9, 0.95)(wait_ms) AS w_q
    FROM ev GROUP BY activity
),
act_cases AS (SELECT activity, count() AS cases, countIf(n > 1) AS cases_with_repeat FROM case_activity GROUP BY activity),
act_starts AS (SELECT first_activity AS activity, count() AS n FROM cases GROUP BY first_activity),
act_ends AS (SELECT last_activity AS activity, count() AS n, countIf(dropped) AS dropped FROM case_outcome GROUP BY last_activity),
activities AS (
    SELECT groupArray(concat(
        '{"activity":', toJSONString(e.activity),
        ',"events":', toString(e.events),
        ',"cases":', toString(c.cases),
        ',"start_cases":', toString(ifNull(s.n, 0)),
        ',"end_cases":', toString(ifNull(x.n, 0)),
        ',"dropped_cases":', toString(ifNull(x.dropped, 0)),
        ',"cases_with_repeat":', toString(c.cases_with_repeat),
        ',"time_to_next_s":', if(e.w_count = 0, '{"count":0,"sum":0}', concat(
            '{"count":', toString(e.w_count), ',"sum":', toJSONString(e.w_sum / 1000.0),
            ',"min":', toJSONString(e.w_min / 1000.0), ',"max":', toJSONString(e.w_max / 1000.0),
            ',"p25":', toJSONString(e.w_q[1] / 1000.0), ',"p50":', toJSONString(e.w_q[2] / 1000.0),
            ',"p75":', toJSONString(e.w_q[3] / 1000.0), ',"p90":', toJSONString(e.w_q[4] / 1000.0),
            ',"p95":', toJSONString(e.w_q[5] / 1000.0), '}')),
        '}')) AS list
    FROM act_events AS e
    INNER JOIN act_cases AS c ON c.activity = e.activity
    LEFT JOIN act_starts AS s ON s.activity = e.activity
    LEFT JOIN act_ends AS x ON x.activity = e.activity
    SETTINGS join_use_nulls = 1
),
edges AS (
    SELECT groupArray(concat(
        '{"from":', toJSONString(activity), ',"to":', toJSONString(next_activity),
        ',"count":', toString(w_count), ',"cases":', toString(cases),
        ',"waiting_s":{"count":', toString(w_count), ',"sum":', toJSONString(w_sum / 1000.0),
        ',"min":', toJSONString(w_min / 1000.0), ',"max":', toJSONString(w_max / 1000.0),
        ',"p25":', toJSONString(w_q[1] / 1000.0), ',"p50":', toJSONString(w_q[2] / 1000.0),
        ',"p75":', toJSONString(w_q[3] / 1000.0), ',"p90":', toJSONString(w_q[4] / 1000.0),
        ',"p95":', toJSONString(w_q[5] / 1000.0), '}}')) AS list
    FROM (
        SELECT assumeNotNull(activity) AS activity, assumeNotNull(next_activity) AS next_activity,
            count() AS w_count, uniqExact(case_id) AS cases,
            sum(wait_ms) AS w_sum, min(wait_ms) AS w_min, max(wait_ms) AS w_max,
            quantilesExactInclusive(0.25, 0.5, 0.75, 0.9, 0.95)(wait_ms) AS w_q
        FROM ev WHERE next_activity IS NOT NULL
        GROUP BY activity, next_activity
    )
),
variant_counts AS (SELECT variant, count() AS cases FROM cases GROUP BY variant),
top_variants AS (SELECT variant, cases FROM variant_counts ORDER BY cases DESC, variant LIMIT ${TOP_K}),
throughput AS (
    SELECT count() AS t_count, sum(d) AS t_sum, min(d) AS t_min, max(d) AS t_max,
        quantilesExactInclusive(0.25, 0.5, 0.75, 0.9, 0.95)(d) AS t_q
    FROM (SELECT last_ms - first_ms AS d FROM cases)
)
SELECT concat(
    '{"format":"journey-studio-aggregate","version":2',
    ',"producer":', toJSONString(concat('clickhouse ', version(), ' sql/clickhouse/aggregate.sql')),
    ',"goal_activities":', toJSONString(arrayFilter(g -> g IS NOT NULL, [${GOALS}])),
    ',"timeout_s":', toJSONString(toFloat64(${TIMEOUT_S})),
    ',"top_k":', toString(${TOP_K}),
    ',"quantiles":{"method":"exact","rank_error":0.0}',
    ',"cases":', toString((SELECT count() FROM cases)),
    ',"events":', toString((SELECT events FROM log_end)),
    ',"first_event_ms":', toString((SELECT first_ms FROM log_end)),
    ',"last_event_ms":', toString((SELECT last_ms FROM log_end)),
    ',"cases_reaching_goal":', toString((SELECT countIf(reached_goal = 1) FROM cases)),
    ',"cases_with_rework":', toString((SELECT uniqExact(case_id) FROM case_activity WHERE n > 1)),
    ',"ties":{"order":', if((SELECT ordered FROM log_end) > 0, '"order_column"', '"activity_name"'),
    ',"cases_with_ties":', toString((SELECT countIf(has_tie = 1) FROM cases)), '}',
    ',"throughput_s":', (SELECT if(t_count = 0, '{"count":0,"sum":0}', concat(
        '{"count":', toString(t_count), ',"sum":', toJSONString(t_sum / 1000.0),
        ',"min":', toJSONString(t_min / 1000.0), ',"max":', toJSONString(t_max / 1000.0),
        ',"p25":', toJSONString(t_q[1] / 1000.0), ',"p50":', toJSONString(t_q[2] / 1000.0),
        ',"p75":', toJSONString(t_q[3] / 1000.0), ',"p90":', toJSONString(t_q[4] / 1000.0),
        ',"p95":', toJSONString(t_q[5] / 1000.0), '}')) FROM throughput),
    ',"activities":[', arrayStringConcat((SELECT list FROM activities), ','), ']',
    ',"edges":[', arrayStringConcat((SELECT list FROM edges), ','), ']',
    ',"variants":{"distinct":', toString((SELECT count() FROM variant_counts)),
    ',"top":[', arrayStringConcat((SELECT groupArray(concat('{"activities":', toJSONString(variant), ',"cases":', toString(cases), '}')) FROM top_variants), ','), ']',
    ',"top_cases":', toString((SELECT sum(cases) FROM top_variants)), '}}'
) AS aggregate
