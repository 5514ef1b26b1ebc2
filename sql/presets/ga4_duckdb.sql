-- Journey Studio preset "GA4 (BigQuery export, flattened)" (docs/data-sources.md): the DuckDB
-- twin of ga4_bigquery.sql, the same query with DuckDB's spelling. Run here on DuckDB 1.5.6
-- and 2.0.1 against a GA4-shaped nested sample (sql/tests/test_presets_sql.py).
--
-- Input: a table or view `ga4_events` with the GA4 export's columns and nesting, e.g. the
-- daily tables exported from BigQuery as Parquet
-- (EXPORT DATA OPTIONS (uri = 'gs://…/events_*.parquet', format = 'PARQUET') AS SELECT …):
--   CREATE VIEW ga4_events AS SELECT * FROM read_parquet('events_*.parquet', union_by_name = true);
-- Parameters, written ${NAME} below and replaced as text before running:
--   START  first day, 'YYYYMMDD' (event_date, the export's table suffix)
--   END    last day, 'YYYYMMDD'
-- Output, order and source / medium: as ga4_bigquery.sql says. Write it with
--   COPY (<this query>) TO 'ga4_flat.csv' (HEADER);
-- The differences to BigQuery: `FROM unnest(list) AS u(ep)` names the unnested record (BigQuery:
-- `UNNEST(list) AS ep`), and the day range is a filter on event_date (no _TABLE_SUFFIX).
WITH events AS (
    SELECT
        e.event_date,
        e.event_timestamp,
        e.event_name,
        e.user_pseudo_id,
        e.user_id,
        (SELECT ep.value.int_value FROM unnest(e.event_params) AS u(ep) WHERE ep.key = 'ga_session_id') AS ga_session_id,
        (SELECT ep.value.string_value FROM unnest(e.event_params) AS u(ep) WHERE ep.key = 'source') AS event_source,
        (SELECT ep.value.string_value FROM unnest(e.event_params) AS u(ep) WHERE ep.key = 'medium') AS event_medium,
        e.device.category AS device_category,
        -- GA4's order of events sent in one batch (equal timestamps).
        e.batch_page_id,
        e.batch_ordering_id,
        e.batch_event_index
    FROM ga4_events AS e
    WHERE e.event_date BETWEEN '${START}' AND '${END}'
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
