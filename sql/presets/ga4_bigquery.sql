-- Journey Studio preset "GA4 (BigQuery export, flattened)" (docs/data-sources.md), BigQuery
-- Standard SQL. NOT RUN HERE: no BigQuery project was available; its twin for DuckDB,
-- ga4_duckdb.sql, is the same query line for line and runs in the test command on a
-- GA4-shaped nested sample (sql/tests/test_presets_sql.py).
--
-- Input: the GA4 export's daily tables `events_YYYYMMDD` (one row per event; event_params a
-- repeated record of key/value; device and traffic fields nested records).
-- Parameters, written ${NAME} below and replaced as text before running:
--   DATASET  the export's dataset, e.g. my-project.analytics_123456789
--   START    first day, 'YYYYMMDD' (compared with the table suffix, so only those days are read)
--   END      last day, 'YYYYMMDD'
-- Output: one row per event with the columns the preset reads —
--   event_date, event_timestamp (microseconds since 1970, UTC, as GA4 writes it), event_name,
--   user_pseudo_id, user_id, ga_session_id, source, medium, device_category —
-- ordered per browser and session by time, so that equal timestamps keep GA4's own order
-- (the app orders ties by file row). Save the result as CSV (BigQuery console: "Save
-- results" → CSV, or EXPORT DATA … format = 'CSV') and import it with the GA4 preset.
--
-- Source / medium are the session's: the first event of the session that carries them in
-- event_params (GA4 sets `source` and `medium` there when the visit came with a referrer or
-- campaign), else "(direct)" / "(none)" as GA4's reports say. `traffic_source` is not used:
-- it is the user's FIRST acquisition, the same for all of a user's sessions.
WITH events AS (
    SELECT
        e.event_date,
        e.event_timestamp,
        e.event_name,
        e.user_pseudo_id,
        e.user_id,
        (SELECT ep.value.int_value FROM UNNEST(e.event_params) AS ep WHERE ep.key = 'ga_session_id') AS ga_session_id,
        (SELECT ep.value.string_value FROM UNNEST(e.event_params) AS ep WHERE ep.key = 'source') AS event_source,
        (SELECT ep.value.string_value FROM UNNEST(e.event_params) AS ep WHERE ep.key = 'medium') AS event_medium,
        e.device.category AS device_category,
        -- GA4's order of events sent in one batch (equal timestamps).
        e.batch_page_id,
        e.batch_ordering_id,
        e.batch_event_index
    FROM `${DATASET}.events_*` AS e
    -- events_* also matches events_intraday_*; those suffixes start with a letter and fall
    -- outside a range of dates.
    WHERE _TABLE_SUFFIX BETWEEN '${START}' AND '${END}'
),
sessions AS (
    SELECT *,
        FIRST_VALUE(event_source IGNORE NULLS) OVER session_w AS session_source,
        FIRST_VALUE(event_medium IGNORE NULLS) OVER session_w AS session_medium
    FROM events
    WINDOW session_w AS (
        PARTITION BY user_pseudo_id, ga_session_id
        ORDER BY event_timestamp, batch_page_id, batch_ordering_id, batch_event_index
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
)
SELECT
    event_date,
    event_timestamp,
    event_name,
    user_pseudo_id,
    user_id,
    ga_session_id,
    COALESCE(session_source, '(direct)') AS source,
    COALESCE(session_medium, '(none)') AS medium,
    device_category
FROM sessions
ORDER BY user_pseudo_id, ga_session_id, event_timestamp, batch_page_id, batch_ordering_id, batch_event_index
