-- Journey Studio aggregate, format version 2 (docs/scale.md), for Spark SQL.
-- Verified: Spark 3.5.9 (pyspark, local session), sql/tests/test_warehouse_sql.py.
--
-- Input: a table or view `events(case_id, activity, ts)`, ts a TIMESTAMP.
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
-- Written for how Spark runs (docs/scale.md, "Spark"): every CTE below is used once, so the
-- plan is one chain and nothing is computed twice.
--   1. `cases`: the only shuffle of the events — GROUP BY case_id collects each case's
--      events and sorts them as the app does (time, then ORDER_COLUMN, then name).
--   2. `facts`: per case, without a shuffle, one row per event (kind 'a': its activity,
--      the time to the next event, whether it is the activity's first occurrence in the
--      case), one per directly-follows pair ('e'), and two for the case ('v': its variant;
--      't': throughput, goal, rework, ties) — exact counts with array functions instead
--      of COUNT(DISTINCT) or self-joins.
--   3. `agg`: one GROUP BY over the facts (partial aggregation before its shuffle).
--   4. the result: one aggregate over the few hundred `agg` rows.
-- Besides, `log_end` reads two columns once more (the drop-off rule needs the log's last
-- event before any case can be judged): a scan without a shuffle.
-- Counts, sums, minima and maxima are exact. Quantiles are percentile_approx with accuracy
-- 10000: relative rank error 1/10000, declared in the file as "approximate" (tolerance in
-- docs/scale.md). Arrays are 0-based with [], 1-based in slice and try_element_at.
WITH
raw AS (
    SELECT case_id, activity, unix_millis(ts) AS t_ms, ${ORDER_COLUMN} AS ord
    FROM events
    WHERE case_id IS NOT NULL AND activity IS NOT NULL AND ts IS NOT NULL
),
log_end AS (
    -- Goal names the log does not contain are ignored; with none left nobody has dropped
    -- off (the app then asks for a goal), as in the core's case_outcomes.
    SELECT MAX(t_ms) AS last_ms, MAX(CASE WHEN activity IN (${GOALS}) THEN 1 ELSE 0 END) AS any_goal
    FROM raw
),
cases AS (
    SELECT array_sort(collect_list(named_struct('t', t_ms, 'o', ord, 'a', activity))) AS evs
    FROM raw
    GROUP BY case_id
),
case_view AS (
    SELECT
        evs,
        size(evs) AS k,
        transform(evs, e -> e.a) AS variant,
        size(filter(evs, e -> e.a IN (${GOALS}))) > 0 AS reached,
        -- two different activities at one time: the tie order decides here
        array_contains(zip_with(slice(evs, 1, size(evs) - 1), slice(evs, 2, size(evs) - 1),
            (x, y) -> x.t = y.t AND x.a <> y.a), true) AS has_tie
    FROM cases
),
case_facts AS (
    SELECT
        c.*,
        -- (activity, next activity) at each position, to find a pair's first occurrence
        zip_with(variant, slice(variant, 2, k), (x, y) -> named_struct('a', x, 'b', y)) AS pairs,
        NOT reached AND l.any_goal = 1 AND l.last_ms - evs[k - 1].t > ${TIMEOUT_S} * 1000 AS dropped
    FROM case_view c CROSS JOIN log_end l
),
facts AS (
    SELECT f.*
    FROM (
        SELECT explode(concat(
            flatten(transform(evs, (e, i) -> filter(array(
                named_struct(
                    'kind', 'a', 'x', e.a, 'y', CAST(NULL AS STRING), 'variant', CAST(NULL AS ARRAY<STRING>),
                    'is_first', NOT array_contains(slice(variant, 1, i), e.a),
                    'is_repeat', NOT array_contains(slice(variant, 1, i), e.a)
                        AND array_contains(slice(variant, i + 2, k), e.a),
                    'is_start', i = 0, 'is_end', i = k - 1, 'is_dropped', i = k - 1 AND dropped,
                    'd', try_element_at(evs, i + 2).t - e.t,
                    't0', CAST(NULL AS BIGINT), 't1', CAST(NULL AS BIGINT), 'k', CAST(NULL AS INT),
                    'reached', CAST(NULL AS BOOLEAN), 'rework', CAST(NULL AS BOOLEAN),
                    'tie', CAST(NULL AS BOOLEAN), 'ordered', CAST(NULL AS INT)),
                CASE WHEN i < k - 1 THEN named_struct(
                    'kind', 'e', 'x', e.a, 'y', variant[i + 1], 'variant', CAST(NULL AS ARRAY<STRING>),
                    'is_first', NOT array_contains(slice(pairs, 1, i), pairs[i]),
                    'is_repeat', CAST(NULL AS BOOLEAN),
                    'is_start', CAST(NULL AS BOOLEAN), 'is_end', CAST(NULL AS BOOLEAN), 'is_dropped', CAST(NULL AS BOOLEAN),
                    'd', evs[i + 1].t - e.t,
                    't0', CAST(NULL AS BIGINT), 't1', CAST(NULL AS BIGINT), 'k', CAST(NULL AS INT),
                    'reached', CAST(NULL AS BOOLEAN), 'rework', CAST(NULL AS BOOLEAN),
                    'tie', CAST(NULL AS BOOLEAN), 'ordered', CAST(NULL AS INT))
                END), x -> x IS NOT NULL))),
            array(
                named_struct(
                    'kind', 'v', 'x', CAST(NULL AS STRING), 'y', CAST(NULL AS STRING), 'variant', variant,
                    'is_first', CAST(NULL AS BOOLEAN), 'is_repeat', CAST(NULL AS BOOLEAN),
                    'is_start', CAST(NULL AS BOOLEAN), 'is_end', CAST(NULL AS BOOLEAN), 'is_dropped', CAST(NULL AS BOOLEAN),
                    'd', CAST(NULL AS BIGINT),
                    't0', CAST(NULL AS BIGINT), 't1', CAST(NULL AS BIGINT), 'k', CAST(NULL AS INT),
                    'reached', CAST(NULL AS BOOLEAN), 'rework', CAST(NULL AS BOOLEAN),
                    'tie', CAST(NULL AS BOOLEAN), 'ordered', CAST(NULL AS INT)),
                named_struct(
                    'kind', 't', 'x', CAST(NULL AS STRING), 'y', CAST(NULL AS STRING), 'variant', CAST(NULL AS ARRAY<STRING>),
                    'is_first', CAST(NULL AS BOOLEAN), 'is_repeat', CAST(NULL AS BOOLEAN),
                    'is_start', CAST(NULL AS BOOLEAN), 'is_end', CAST(NULL AS BOOLEAN), 'is_dropped', CAST(NULL AS BOOLEAN),
                    'd', evs[k - 1].t - evs[0].t,
                    't0', evs[0].t, 't1', evs[k - 1].t, 'k', k,
                    'reached', reached, 'rework', size(array_distinct(variant)) < k,
                    'tie', has_tie, 'ordered', size(filter(evs, e -> e.o IS NOT NULL))))
        )) AS f
        FROM case_facts
    )
),
agg AS (
    SELECT
        kind, x, y, variant,
        COUNT(*) AS n,
        COUNT(CASE WHEN is_first THEN 1 END) AS first_n,
        COUNT(CASE WHEN is_repeat THEN 1 END) AS repeat_n,
        COUNT(CASE WHEN is_start THEN 1 END) AS start_n,
        COUNT(CASE WHEN is_end THEN 1 END) AS end_n,
        COUNT(CASE WHEN is_dropped THEN 1 END) AS dropped_n,
        COUNT(CASE WHEN reached THEN 1 END) AS reached_n,
        COUNT(CASE WHEN rework THEN 1 END) AS rework_n,
        COUNT(CASE WHEN tie THEN 1 END) AS tie_n,
        SUM(ordered) AS ordered_n,
        SUM(k) AS events,
        MIN(t0) AS t0,
        MAX(t1) AS t1,
        COUNT(d) AS d_count,
        SUM(d) AS d_sum,
        MIN(d) AS d_min,
        MAX(d) AS d_max,
        -- kind 'v' has no durations: an empty sketch per variant
        percentile_approx(d, array(0.25, 0.5, 0.75, 0.9, 0.95), 10000) AS d_q
    FROM facts
    GROUP BY kind, x, y, variant
),
stats AS (
    SELECT *,
        named_struct(
            'count', d_count, 'sum', COALESCE(d_sum, 0) / 1000.0, 'min', d_min / 1000.0, 'max', d_max / 1000.0,
            'p25', d_q[0] / 1000.0, 'p50', d_q[1] / 1000.0, 'p75', d_q[2] / 1000.0,
            'p90', d_q[3] / 1000.0, 'p95', d_q[4] / 1000.0) AS s
    FROM agg
),
result AS (
    -- one row from the few hundred rows of `agg` (plus one per variant)
    SELECT
        MAX(CASE WHEN kind = 't' THEN n END) AS cases,
        MAX(CASE WHEN kind = 't' THEN events END) AS events,
        MAX(CASE WHEN kind = 't' THEN t0 END) AS first_ms,
        MAX(CASE WHEN kind = 't' THEN t1 END) AS last_ms,
        MAX(CASE WHEN kind = 't' THEN reached_n END) AS cases_reaching_goal,
        MAX(CASE WHEN kind = 't' THEN rework_n END) AS cases_with_rework,
        MAX(CASE WHEN kind = 't' THEN tie_n END) AS cases_with_ties,
        MAX(CASE WHEN kind = 't' THEN ordered_n END) AS ordered,
        first(CASE WHEN kind = 't' THEN s END, true) AS throughput,
        collect_list(CASE WHEN kind = 'a' THEN named_struct(
            'activity', x, 'events', n, 'cases', first_n, 'start_cases', start_n, 'end_cases', end_n,
            'dropped_cases', dropped_n, 'cases_with_repeat', repeat_n, 'time_to_next_s', s) END) AS activities,
        collect_list(CASE WHEN kind = 'e' THEN named_struct(
            'from', x, 'to', y, 'count', n, 'cases', first_n, 'waiting_s', s) END) AS edges,
        COUNT(CASE WHEN kind = 'v' THEN 1 END) AS distinct_variants,
        -- most cases first, ties by the activity lists element by element
        slice(array_sort(collect_list(CASE WHEN kind = 'v' THEN named_struct('neg', -n, 'activities', variant) END)),
            1, ${TOP_K}) AS top
    FROM stats
)
SELECT to_json(named_struct(
    'format', 'journey-studio-aggregate',
    'version', 2,
    'producer', concat('spark ', version(), ' sql/spark/aggregate.sql'),
    'goal_activities', filter(CAST(array(${GOALS}) AS ARRAY<STRING>), g -> g IS NOT NULL),
    'timeout_s', CAST(${TIMEOUT_S} AS DOUBLE),
    'top_k', ${TOP_K},
    'quantiles', named_struct('method', 'approximate', 'rank_error', 0.0001),
    'cases', COALESCE(cases, 0),
    'events', COALESCE(events, 0),
    'first_event_ms', COALESCE(first_ms, 0),
    'last_event_ms', COALESCE(last_ms, 0),
    'cases_reaching_goal', COALESCE(cases_reaching_goal, 0),
    'cases_with_rework', COALESCE(cases_with_rework, 0),
    'ties', named_struct(
        'order', CASE WHEN ordered > 0 THEN 'order_column' ELSE 'activity_name' END,
        'cases_with_ties', COALESCE(cases_with_ties, 0)),
    -- an empty log has no 't' row: count 0, the rest null
    'throughput_s', named_struct(
        'count', COALESCE(throughput.count, 0L), 'sum', COALESCE(throughput.sum, 0.0),
        'min', throughput.min, 'max', throughput.max, 'p25', throughput.p25, 'p50', throughput.p50,
        'p75', throughput.p75, 'p90', throughput.p90, 'p95', throughput.p95),
    'activities', activities,
    'edges', edges,
    'variants', named_struct(
        'distinct', distinct_variants,
        'top', transform(top, v -> named_struct('activities', v.activities, 'cases', -v.neg)),
        'top_cases', aggregate(top, 0L, (acc, v) -> acc - v.neg))
)) AS aggregate
FROM result
