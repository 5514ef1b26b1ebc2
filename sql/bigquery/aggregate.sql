-- Journey Studio aggregate, format version 2 (docs/scale.md), for BigQuery (GoogleSQL).
-- NOT RUN: written from the DuckDB query (which is tested) and BigQuery's documentation;
-- no BigQuery project was available. Check the first result with
-- `journey-analyze aggregate-report result.json`, which refuses numbers that do not add up.
--
-- Input: `events(case_id, activity, ts)` (replace by your table), ts a TIMESTAMP.
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
-- Where BigQuery differs from DuckDB:
-- * arrays cannot be grouped: a variant is grouped by its activities joined with the
--   unit separator '\x1f' (which sorts below every printable character, so ordering the
--   joined text orders the lists element by element) and split again for the output;
-- * quantiles: PERCENTILE_CONT is exact (linear interpolation, as in the app) but only an
--   analytic function, so it is computed per row and picked with ANY_VALUE. If a very
--   large partition exceeds resources, use APPROX_QUANTILES(x, 100)[OFFSET(50)] etc. and
--   declare 'approximate' — BigQuery documents no error bound for it, so state the
--   rank_error you are willing to assume;
-- * JSON via TO_JSON_STRING of a STRUCT.
WITH
raw AS (
    SELECT case_id, activity, UNIX_MILLIS(ts) AS t_ms, ${ORDER_COLUMN} AS ord
    FROM events
    WHERE case_id IS NOT NULL AND activity IS NOT NULL AND ts IS NOT NULL
),
ev AS (
    SELECT
        case_id, activity, t_ms,
        LAG(activity) OVER w AS prev_activity,
        LEAD(activity) OVER w AS next_activity,
        (LEAD(t_ms) OVER w) - t_ms AS wait_ms,
        ord,
        -- two different activities at one time: the tie order decides here
        IF(LAG(t_ms) OVER w = t_ms AND LAG(activity) OVER w <> activity, 1, 0) AS tie
    FROM raw
    WINDOW w AS (PARTITION BY case_id ORDER BY t_ms, ord, activity)
),
log_end AS (SELECT MIN(t_ms) AS first_ms, MAX(t_ms) AS last_ms, COUNT(*) AS events, COUNT(ord) AS ordered FROM ev),
cases AS (
    SELECT
        case_id,
        MIN(t_ms) AS first_ms,
        MAX(t_ms) AS last_ms,
        MAX(IF(prev_activity IS NULL, activity, NULL)) AS first_activity,
        MAX(IF(next_activity IS NULL, activity, NULL)) AS last_activity,
        MAX(IF(activity IN (${GOALS}), 1, 0)) AS reached_goal,
        MAX(tie) AS has_tie,
        STRING_AGG(activity, '\x1f' ORDER BY t_ms, ord, activity) AS variant
    FROM ev GROUP BY case_id
),
goal_seen AS (SELECT MAX(reached_goal) AS any_goal FROM cases),
case_outcome AS (
    SELECT c.*, (c.reached_goal = 0 AND g.any_goal = 1 AND l.last_ms - c.last_ms > ${TIMEOUT_S} * 1000) AS dropped
    FROM cases c CROSS JOIN log_end l CROSS JOIN goal_seen g
),
case_activity AS (SELECT case_id, activity, COUNT(*) AS n FROM ev GROUP BY case_id, activity),
ev_q AS (
    SELECT *,
        PERCENTILE_CONT(wait_ms, 0.25) OVER a AS a25, PERCENTILE_CONT(wait_ms, 0.5) OVER a AS a50,
        PERCENTILE_CONT(wait_ms, 0.75) OVER a AS a75, PERCENTILE_CONT(wait_ms, 0.9) OVER a AS a90,
        PERCENTILE_CONT(wait_ms, 0.95) OVER a AS a95,
        PERCENTILE_CONT(wait_ms, 0.25) OVER e AS e25, PERCENTILE_CONT(wait_ms, 0.5) OVER e AS e50,
        PERCENTILE_CONT(wait_ms, 0.75) OVER e AS e75, PERCENTILE_CONT(wait_ms, 0.9) OVER e AS e90,
        PERCENTILE_CONT(wait_ms, 0.95) OVER e AS e95
    FROM ev
    WINDOW a AS (PARTITION BY activity), e AS (PARTITION BY activity, next_activity)
),
act_events AS (
    SELECT activity, COUNT(*) AS events,
        COUNT(wait_ms) AS w_count, SUM(wait_ms) AS w_sum, MIN(wait_ms) AS w_min, MAX(wait_ms) AS w_max,
        ANY_VALUE(a25) AS q25, ANY_VALUE(a50) AS q50, ANY_VALUE(a75) AS q75, ANY_VALUE(a90) AS q90, ANY_VALUE(a95) AS q95
    FROM ev_q GROUP BY activity
),
act_cases AS (
    SELECT activity, COUNT(*) AS cases, COUNTIF(n > 1) AS cases_with_repeat FROM case_activity GROUP BY activity
),
act_starts AS (SELECT first_activity AS activity, COUNT(*) AS n FROM cases GROUP BY first_activity),
act_ends AS (
    SELECT last_activity AS activity, COUNT(*) AS n, COUNTIF(dropped) AS dropped FROM case_outcome GROUP BY last_activity
),
activities AS (
    SELECT ARRAY_AGG(STRUCT(
        e.activity AS activity, e.events AS events, c.cases AS cases,
        COALESCE(s.n, 0) AS start_cases, COALESCE(x.n, 0) AS end_cases, COALESCE(x.dropped, 0) AS dropped_cases,
        c.cases_with_repeat AS cases_with_repeat,
        STRUCT(e.w_count AS count, COALESCE(e.w_sum, 0) / 1000.0 AS sum, e.w_min / 1000.0 AS min, e.w_max / 1000.0 AS max,
               e.q25 / 1000.0 AS p25, e.q50 / 1000.0 AS p50, e.q75 / 1000.0 AS p75, e.q90 / 1000.0 AS p90,
               e.q95 / 1000.0 AS p95) AS time_to_next_s
    ) ORDER BY e.events DESC, e.activity) AS list
    FROM act_events e
    JOIN act_cases c USING (activity)
    LEFT JOIN act_starts s USING (activity)
    LEFT JOIN act_ends x USING (activity)
),
edges AS (
    SELECT ARRAY_AGG(STRUCT(
        activity AS `from`, next_activity AS `to`, w_count AS count, cases AS cases,
        STRUCT(w_count AS count, w_sum / 1000.0 AS sum, w_min / 1000.0 AS min, w_max / 1000.0 AS max,
               q25 / 1000.0 AS p25, q50 / 1000.0 AS p50, q75 / 1000.0 AS p75, q90 / 1000.0 AS p90,
               q95 / 1000.0 AS p95) AS waiting_s
    ) ORDER BY w_count DESC, activity, next_activity) AS list
    FROM (
        SELECT activity, next_activity, COUNT(*) AS w_count, COUNT(DISTINCT case_id) AS cases,
            SUM(wait_ms) AS w_sum, MIN(wait_ms) AS w_min, MAX(wait_ms) AS w_max,
            ANY_VALUE(e25) AS q25, ANY_VALUE(e50) AS q50, ANY_VALUE(e75) AS q75, ANY_VALUE(e90) AS q90, ANY_VALUE(e95) AS q95
        FROM ev_q WHERE next_activity IS NOT NULL
        GROUP BY activity, next_activity
    )
),
variant_counts AS (SELECT variant, COUNT(*) AS cases FROM cases GROUP BY variant),
top_variants AS (SELECT variant, cases FROM variant_counts ORDER BY cases DESC, variant LIMIT ${TOP_K}),
throughput AS (
    SELECT d,
        PERCENTILE_CONT(d, 0.25) OVER () AS q25, PERCENTILE_CONT(d, 0.5) OVER () AS q50,
        PERCENTILE_CONT(d, 0.75) OVER () AS q75, PERCENTILE_CONT(d, 0.9) OVER () AS q90,
        PERCENTILE_CONT(d, 0.95) OVER () AS q95
    FROM (SELECT last_ms - first_ms AS d FROM cases)
),
totals AS (
    SELECT
        (SELECT COUNT(*) FROM cases) AS cases,
        (SELECT COUNTIF(reached_goal = 1) FROM cases) AS cases_reaching_goal,
        (SELECT COUNTIF(has_tie = 1) FROM cases) AS cases_with_ties,
        (SELECT COUNT(DISTINCT case_id) FROM case_activity WHERE n > 1) AS cases_with_rework,
        (SELECT AS STRUCT COUNT(d) AS count, COALESCE(SUM(d), 0) / 1000.0 AS sum, MIN(d) / 1000.0 AS min,
            MAX(d) / 1000.0 AS max, ANY_VALUE(q25) / 1000.0 AS p25, ANY_VALUE(q50) / 1000.0 AS p50,
            ANY_VALUE(q75) / 1000.0 AS p75, ANY_VALUE(q90) / 1000.0 AS p90, ANY_VALUE(q95) / 1000.0 AS p95
         FROM throughput) AS throughput_s,
        (SELECT COUNT(*) FROM variant_counts) AS distinct_variants,
        (SELECT ARRAY_AGG(STRUCT(SPLIT(variant, '\x1f') AS activities, cases AS cases) ORDER BY cases DESC, variant)
         FROM top_variants) AS top,
        (SELECT COALESCE(SUM(cases), 0) FROM top_variants) AS top_cases
)
SELECT TO_JSON_STRING(STRUCT(
    'journey-studio-aggregate' AS format,
    2 AS version,
    'bigquery sql/bigquery/aggregate.sql' AS producer,
    ARRAY(SELECT g FROM UNNEST(ARRAY<STRING>[${GOALS}]) AS g WHERE g IS NOT NULL) AS goal_activities,
    CAST(${TIMEOUT_S} AS FLOAT64) AS timeout_s,
    ${TOP_K} AS top_k,
    STRUCT('exact' AS method, 0.0 AS rank_error) AS quantiles,
    t.cases AS cases,
    l.events AS events,
    COALESCE(l.first_ms, 0) AS first_event_ms,
    COALESCE(l.last_ms, 0) AS last_event_ms,
    t.cases_reaching_goal AS cases_reaching_goal,
    t.cases_with_rework AS cases_with_rework,
    STRUCT(IF(l.ordered > 0, 'order_column', 'activity_name') AS `order`, t.cases_with_ties AS cases_with_ties) AS ties,
    t.throughput_s AS throughput_s,
    COALESCE(a.list, []) AS activities,
    COALESCE(e.list, []) AS edges,
    STRUCT(t.distinct_variants AS `distinct`, COALESCE(t.top, []) AS top, t.top_cases AS top_cases) AS variants
)) AS aggregate
FROM log_end l CROSS JOIN totals t CROSS JOIN activities a CROSS JOIN edges e
