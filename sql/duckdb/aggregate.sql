-- Journey Studio aggregate, format version 2 (docs/scale.md), for DuckDB.
-- Verified: DuckDB 1.5.6 and 2.0.1 (Python packages), sql/tests/test_warehouse_sql.py. Lambdas
-- are written `lambda x: …`, which both accept (2.x rejects the older `x -> …`).
--
-- Input: a table or view `events(case_id, activity, ts)`, ts a TIMESTAMP or TIMESTAMPTZ.
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
-- Planned for bounded memory and one pass over the events (docs/scale.md, "DuckDB"):
--   1. `names`: the activities as small numbers in name order, so that sorting, grouping and
--      comparing a case's events works on numbers (comparing them compares the names);
--   2. `cases`: the one GROUP BY over the events (no window over all events, no
--      COUNT(DISTINCT), no GROUP BY case and activity): per case its events sorted as the
--      app sorts them (time, then ORDER_COLUMN, then name), count, first and last time, goal;
--   3. `case_facts` (MATERIALIZED, about 12 bytes an event): per case the times and the
--      activity numbers as two plain lists; the four aggregates below read it — per
--      activity and per directly-follows pair from the lists unnested (first occurrence in
--      a case found by position, so exact counts without DISTINCT), per variant, and totals;
--   4. the result from the few rows of those aggregates, numbers turned back into names.
-- `log_end` and `names` read the events' time and activity columns once more (the drop-off
-- rule needs the log's last event before any case can be judged).
-- Quantiles are exact (quantile_cont: linear interpolation between the two nearest ranks).
-- Lists are 1-based; a position past the end gives NULL.
WITH
raw AS (
    SELECT case_id, activity, epoch_ms(ts) AS t_ms, ${ORDER_COLUMN} AS ord
    FROM events
    WHERE case_id IS NOT NULL AND activity IS NOT NULL AND ts IS NOT NULL
),
log_end AS (
    SELECT MAX(t_ms) AS last_ms FROM raw
),
names AS (
    -- Activities as small numbers in name order (comparing numbers then compares names):
    -- sorting, grouping and comparing the events' lists is much cheaper on numbers.
    SELECT activity, (row_number() OVER (ORDER BY activity))::INTEGER AS aid,
        activity IN (${GOALS}) IS TRUE AS is_goal
    FROM (SELECT DISTINCT activity FROM raw)
),
dict AS (
    -- Goal names the log does not contain are ignored; with none left nobody has dropped
    -- off (the app then asks for a goal), as in the core's case_outcomes.
    SELECT list(activity ORDER BY aid) AS name_of, bool_or(is_goal) IS TRUE AS any_goal FROM names
),
cases AS (
    -- The one pass over the events: per case its events in the app's order, and what
    -- plain aggregates give without an order.
    SELECT
        list_sort(list({'t': r.t_ms, 'o': r.ord, 'a': n.aid})) AS evs,
        COUNT(*) AS k,
        MIN(r.t_ms) AS first_ms,
        MAX(r.t_ms) AS last_ms,
        bool_or(n.is_goal) AS reached,
        COUNT(r.ord) AS ordered
    FROM raw r JOIN names n USING (activity)
    GROUP BY r.case_id
),
case_facts AS MATERIALIZED (
    -- Used by the four aggregates below: computed once and kept, as two plain lists per
    -- case (times and activity numbers: 12 bytes an event).
    SELECT
        list_transform(c.evs, lambda e: e.t) AS times,
        list_transform(c.evs, lambda e: e.a) AS variant,
        c.k, c.first_ms, c.last_ms, c.reached, c.ordered,
        -- two different activities at one time: the tie order decides here
        len(list_filter(range(1, c.k), lambda j: c.evs[j].t = c.evs[j + 1].t AND c.evs[j].a <> c.evs[j + 1].a)) > 0 AS has_tie,
        NOT c.reached AND d.any_goal AND l.last_ms - c.last_ms > ${TIMEOUT_S} * 1000 AS dropped
    FROM cases c CROSS JOIN log_end l CROSS JOIN dict d
),
act AS (
    SELECT
        f.x,
        COUNT(*) AS events,
        COUNT(*) FILTER (WHERE f.is_first) AS cases,
        COUNT(*) FILTER (WHERE f.is_first AND NOT f.is_last) AS cases_with_repeat,
        COUNT(*) FILTER (WHERE f.i = 1) AS start_cases,
        COUNT(*) FILTER (WHERE f.i = f.k) AS end_cases,
        COUNT(*) FILTER (WHERE f.i = f.k AND f.dropped) AS dropped_cases,
        COUNT(f.d) AS d_count, SUM(f.d) AS d_sum, MIN(f.d) AS d_min, MAX(f.d) AS d_max,
        quantile_cont(f.d, [0.25, 0.5, 0.75, 0.9, 0.95]) AS d_q
    FROM (
        -- one row per event; first/last occurrence of its activity in the case by position
        SELECT unnest(list_transform(variant, lambda a, i: {
            'x': a, 'i': i, 'k': k, 'dropped': dropped,
            'is_first': list_position(variant, a) = i,
            'is_last': k + 1 - list_position(rv, a) = i,
            'd': times[i + 1] - times[i]})) AS f
        FROM (SELECT *, list_reverse(variant) AS rv FROM case_facts)
    )
    GROUP BY f.x
),
edge AS (
    SELECT
        f.pair // 4294967296 AS x, f.pair % 4294967296 AS y,
        COUNT(*) AS n,
        COUNT(*) FILTER (WHERE f.is_first) AS cases,
        SUM(f.d) AS d_sum, MIN(f.d) AS d_min, MAX(f.d) AS d_max,
        quantile_cont(f.d, [0.25, 0.5, 0.75, 0.9, 0.95]) AS d_q
    FROM (
        -- one row per directly-follows pair (from, to as one number); its first occurrence
        -- in the case by position
        SELECT unnest(list_transform(pairs, lambda p, i: {
            'pair': p, 'is_first': list_position(pairs, p) = i, 'd': times[i + 1] - times[i]})) AS f
        FROM (SELECT *, list_transform(range(1, k), lambda i: variant[i]::BIGINT * 4294967296 + variant[i + 1]) AS pairs
              FROM case_facts)
    )
    GROUP BY f.pair
),
variant_counts AS (
    SELECT variant, COUNT(*) AS cases FROM case_facts GROUP BY variant
),
totals AS (
    SELECT
        COUNT(*) AS cases,
        SUM(k) AS events,
        MIN(first_ms) AS first_ms,
        MAX(last_ms) AS last_ms,
        COUNT(*) FILTER (WHERE reached) AS cases_reaching_goal,
        COUNT(*) FILTER (WHERE len(list_distinct(variant)) < k) AS cases_with_rework,
        COUNT(*) FILTER (WHERE has_tie) AS cases_with_ties,
        SUM(ordered) AS ordered,
        COUNT(*) AS t_count, SUM(last_ms - first_ms) AS t_sum,
        MIN(last_ms - first_ms) AS t_min, MAX(last_ms - first_ms) AS t_max,
        quantile_cont(last_ms - first_ms, [0.25, 0.5, 0.75, 0.9, 0.95]) AS t_q
    FROM case_facts
),
parts AS (
    SELECT
        (SELECT list({
            'activity': d.name_of[x], 'events': events, 'cases': cases, 'start_cases': start_cases, 'end_cases': end_cases,
            'dropped_cases': dropped_cases, 'cases_with_repeat': cases_with_repeat,
            'time_to_next_s': {
                'count': d_count, 'sum': COALESCE(d_sum, 0) / 1000.0, 'min': d_min / 1000.0, 'max': d_max / 1000.0,
                'p25': d_q[1] / 1000.0, 'p50': d_q[2] / 1000.0, 'p75': d_q[3] / 1000.0,
                'p90': d_q[4] / 1000.0, 'p95': d_q[5] / 1000.0}
        } ORDER BY events DESC, x) FROM act, dict d) AS activities,
        (SELECT list({
            'from': d.name_of[x], 'to': d.name_of[y], 'count': n, 'cases': cases,
            'waiting_s': {
                'count': n, 'sum': d_sum / 1000.0, 'min': d_min / 1000.0, 'max': d_max / 1000.0,
                'p25': d_q[1] / 1000.0, 'p50': d_q[2] / 1000.0, 'p75': d_q[3] / 1000.0,
                'p90': d_q[4] / 1000.0, 'p95': d_q[5] / 1000.0}
        } ORDER BY n DESC, x, y) FROM edge, dict d) AS edges,
        (SELECT COUNT(*) FROM variant_counts) AS distinct_variants,
        -- most cases first, ties by the activity lists element by element
        (SELECT COALESCE(list({'activities': list_transform(variant, lambda a: d.name_of[a]), 'cases': cases}
                ORDER BY cases DESC, variant), [])
            FROM (SELECT * FROM variant_counts ORDER BY cases DESC, variant LIMIT ${TOP_K}), dict d) AS top_list
)
SELECT to_json({
    'format': 'journey-studio-aggregate',
    'version': 2,
    'producer': 'duckdb ' || version() || ' sql/duckdb/aggregate.sql',
    'goal_activities': list_filter([${GOALS}]::VARCHAR[], lambda g: g IS NOT NULL),
    'timeout_s': CAST(${TIMEOUT_S} AS DOUBLE),
    'top_k': ${TOP_K},
    'quantiles': {'method': 'exact', 'rank_error': 0.0},
    'cases': t.cases,
    'events': COALESCE(t.events, 0),
    'first_event_ms': COALESCE(t.first_ms, 0),
    'last_event_ms': COALESCE(t.last_ms, 0),
    'cases_reaching_goal': t.cases_reaching_goal,
    'cases_with_rework': t.cases_with_rework,
    'ties': {
        'order': CASE WHEN t.ordered > 0 THEN 'order_column' ELSE 'activity_name' END,
        'cases_with_ties': t.cases_with_ties},
    'throughput_s': {
        'count': t.t_count, 'sum': COALESCE(t.t_sum, 0) / 1000.0, 'min': t.t_min / 1000.0, 'max': t.t_max / 1000.0,
        'p25': t.t_q[1] / 1000.0, 'p50': t.t_q[2] / 1000.0, 'p75': t.t_q[3] / 1000.0,
        'p90': t.t_q[4] / 1000.0, 'p95': t.t_q[5] / 1000.0},
    'activities': COALESCE(p.activities, []),
    'edges': COALESCE(p.edges, []),
    'variants': {
        'distinct': p.distinct_variants,
        'top': p.top_list,
        'top_cases': COALESCE(list_sum(list_transform(p.top_list, lambda v: v.cases)), 0)}
}) AS aggregate
FROM totals t, parts p
