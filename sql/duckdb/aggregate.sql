-- Journey Studio aggregate, format version 1 (docs/scale.md), for DuckDB.
-- Verified: DuckDB 1.5 (Python package), sql/tests/test_warehouse_sql.py.
--
-- Input: a table or view `events(case_id, activity, ts)`, ts a TIMESTAMP or TIMESTAMPTZ.
-- Parameters, written ${NAME} below and replaced as text before running (docs/scale.md):
--   GOALS      goal activities as SQL string literals, e.g. 'Order confirmation', 'Delivery'
--              (NULL when there is none: drop-off then cannot be used in the app)
--   TIMEOUT_S  inactivity in seconds after which a case without a goal counts as dropped
--   TOP_K      how many variants to keep
-- Output: one row, one column `aggregate`: the JSON document to import in the app.
--
-- Events at the same timestamp in a case are ordered by activity name (the app orders
-- them by file row; docs/scale.md says when that matters). Quantiles are exact
-- (quantile_cont: linear interpolation between the two nearest ranks).
WITH
raw AS (
    SELECT case_id, activity, epoch_ms(ts) AS t_ms
    FROM events
    WHERE case_id IS NOT NULL AND activity IS NOT NULL AND ts IS NOT NULL
),
ev AS (
    SELECT
        case_id,
        activity,
        t_ms,
        LAG(activity) OVER w AS prev_activity,
        LEAD(activity) OVER w AS next_activity,
        (LEAD(t_ms) OVER w) - t_ms AS wait_ms
    FROM raw
    WINDOW w AS (PARTITION BY case_id ORDER BY t_ms, activity)
),
log_end AS (
    SELECT MIN(t_ms) AS first_ms, MAX(t_ms) AS last_ms, COUNT(*) AS events FROM ev
),
cases AS (
    SELECT
        case_id,
        MIN(t_ms) AS first_ms,
        MAX(t_ms) AS last_ms,
        MAX(CASE WHEN prev_activity IS NULL THEN activity END) AS first_activity,
        MAX(CASE WHEN next_activity IS NULL THEN activity END) AS last_activity,
        MAX(CASE WHEN activity IN (${GOALS}) THEN 1 ELSE 0 END) AS reached_goal,
        -- sorting a list of (time, activity) is about 3× faster here than the ordered
        -- aggregate list(activity ORDER BY t_ms, activity), and gives the same order
        list_transform(list_sort(list({'t': t_ms, 'a': activity})), x -> x.a) AS variant
    FROM ev
    GROUP BY case_id
),
goal_seen AS (
    -- Goal names the log does not contain are ignored; with none left nobody has dropped
    -- off (the app then asks for a goal), as in the core's case_outcomes.
    SELECT MAX(reached_goal) AS any_goal FROM cases
),
case_outcome AS (
    SELECT c.*,
        (c.reached_goal = 0 AND g.any_goal = 1 AND l.last_ms - c.last_ms > ${TIMEOUT_S} * 1000) AS dropped
    FROM cases c CROSS JOIN log_end l CROSS JOIN goal_seen g
),
case_activity AS (
    SELECT case_id, activity, COUNT(*) AS n FROM ev GROUP BY case_id, activity
),
act_events AS (
    SELECT activity, COUNT(*) AS events,
        COUNT(wait_ms) AS w_count, SUM(wait_ms) AS w_sum, MIN(wait_ms) AS w_min, MAX(wait_ms) AS w_max,
        quantile_cont(wait_ms, [0.25, 0.5, 0.75, 0.9, 0.95]) AS w_q
    FROM ev GROUP BY activity
),
act_cases AS (
    SELECT activity, COUNT(*) AS cases, COUNT(*) FILTER (WHERE n > 1) AS cases_with_repeat
    FROM case_activity GROUP BY activity
),
act_starts AS (SELECT first_activity AS activity, COUNT(*) AS n FROM cases GROUP BY 1),
act_ends AS (
    SELECT last_activity AS activity, COUNT(*) AS n, COUNT(*) FILTER (WHERE dropped) AS dropped
    FROM case_outcome GROUP BY 1
),
activities AS (
    SELECT list({
        'activity': e.activity,
        'events': e.events,
        'cases': c.cases,
        'start_cases': COALESCE(s.n, 0),
        'end_cases': COALESCE(x.n, 0),
        'dropped_cases': COALESCE(x.dropped, 0),
        'cases_with_repeat': c.cases_with_repeat,
        'time_to_next_s': {
            'count': e.w_count, 'sum': COALESCE(e.w_sum, 0) / 1000.0,
            'min': e.w_min / 1000.0, 'max': e.w_max / 1000.0,
            'p25': e.w_q[1] / 1000.0, 'p50': e.w_q[2] / 1000.0, 'p75': e.w_q[3] / 1000.0,
            'p90': e.w_q[4] / 1000.0, 'p95': e.w_q[5] / 1000.0}
    } ORDER BY e.events DESC, e.activity) AS list
    FROM act_events e
    JOIN act_cases c USING (activity)
    LEFT JOIN act_starts s USING (activity)
    LEFT JOIN act_ends x USING (activity)
),
edges AS (
    SELECT list({
        'from': activity, 'to': next_activity, 'count': w_count, 'cases': cases,
        'waiting_s': {
            'count': w_count, 'sum': w_sum / 1000.0, 'min': w_min / 1000.0, 'max': w_max / 1000.0,
            'p25': w_q[1] / 1000.0, 'p50': w_q[2] / 1000.0, 'p75': w_q[3] / 1000.0,
            'p90': w_q[4] / 1000.0, 'p95': w_q[5] / 1000.0}
    } ORDER BY w_count DESC, activity, next_activity) AS list
    FROM (
        SELECT activity, next_activity, COUNT(*) AS w_count, COUNT(DISTINCT case_id) AS cases,
            SUM(wait_ms) AS w_sum, MIN(wait_ms) AS w_min, MAX(wait_ms) AS w_max,
            quantile_cont(wait_ms, [0.25, 0.5, 0.75, 0.9, 0.95]) AS w_q
        FROM ev WHERE next_activity IS NOT NULL
        GROUP BY activity, next_activity
    )
),
variant_counts AS (
    SELECT variant, COUNT(*) AS cases FROM cases GROUP BY variant
),
top_variants AS (
    SELECT variant, cases FROM variant_counts ORDER BY cases DESC, variant LIMIT ${TOP_K}
),
variants AS (
    SELECT
        (SELECT COUNT(*) FROM variant_counts) AS distinct_count,
        (SELECT COALESCE(list({'activities': variant, 'cases': cases} ORDER BY cases DESC, variant), [])
            FROM top_variants) AS top,
        (SELECT COALESCE(SUM(cases), 0) FROM top_variants) AS top_cases
),
totals AS (
    SELECT
        COUNT(*) AS cases,
        COUNT(*) FILTER (WHERE reached_goal = 1) AS cases_reaching_goal,
        COUNT(last_ms) AS t_count, SUM(last_ms - first_ms) AS t_sum,
        MIN(last_ms - first_ms) AS t_min, MAX(last_ms - first_ms) AS t_max,
        quantile_cont(last_ms - first_ms, [0.25, 0.5, 0.75, 0.9, 0.95]) AS t_q
    FROM cases
),
rework AS (
    SELECT COUNT(DISTINCT case_id) AS cases_with_rework FROM case_activity WHERE n > 1
)
SELECT to_json({
    'format': 'journey-studio-aggregate',
    'version': 1,
    'producer': 'duckdb ' || version() || ' sql/duckdb/aggregate.sql',
    'goal_activities': list_filter([${GOALS}]::VARCHAR[], g -> g IS NOT NULL),
    'timeout_s': CAST(${TIMEOUT_S} AS DOUBLE),
    'top_k': ${TOP_K},
    'quantiles': {'method': 'exact', 'rank_error': 0.0},
    'cases': t.cases,
    'events': l.events,
    'first_event_ms': COALESCE(l.first_ms, 0),
    'last_event_ms': COALESCE(l.last_ms, 0),
    'cases_reaching_goal': t.cases_reaching_goal,
    'cases_with_rework': r.cases_with_rework,
    'throughput_s': {
        'count': t.t_count, 'sum': COALESCE(t.t_sum, 0) / 1000.0, 'min': t.t_min / 1000.0, 'max': t.t_max / 1000.0,
        'p25': t.t_q[1] / 1000.0, 'p50': t.t_q[2] / 1000.0, 'p75': t.t_q[3] / 1000.0,
        'p90': t.t_q[4] / 1000.0, 'p95': t.t_q[5] / 1000.0},
    'activities': COALESCE(a.list, []),
    'edges': COALESCE(e.list, []),
    'variants': {'distinct': v.distinct_count, 'top': v.top, 'top_cases': v.top_cases}
}) AS aggregate
FROM log_end l, totals t, rework r, activities a, edges e, variants v
