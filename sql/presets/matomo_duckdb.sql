-- Journey Studio preset "Matomo (raw tables)" (docs/data-sources.md): the DuckDB twin of
-- matomo_mysql.sql, the same query with DuckDB's spelling. Run here on DuckDB 1.5.6 and
-- 2.0.1 against generated Matomo-shaped tables (sql/tests/test_presets_sql.py).
--
-- Input: the tables log_visit, log_link_visit_action and log_action with Matomo's columns
-- (idvisitor an 8-byte BLOB, server_time a TIMESTAMP in UTC), e.g. read straight from the
-- Matomo database with DuckDB's MySQL extension:
--   ATTACH 'host=… user=… database=matomo' AS m (TYPE mysql);  -- PREFIX then: m.matomo_
-- or from dumps of the three tables.
-- Parameters, output and order: as matomo_mysql.sql says. Write it with
--   COPY (<this query>) TO 'matomo_actions.csv' (HEADER);
-- The differences to MySQL: strftime's %M is minutes (MySQL's DATE_FORMAT writes them %i).
SELECT
    lva.idvisit,
    lower(hex(v.idvisitor)) AS idvisitor,
    v.user_id,
    strftime(lva.server_time, '%Y-%m-%d %H:%M:%S') AS server_time,
    COALESCE(ev_action.name, title.name, url.name) AS action_name,
    COALESCE(ev_action.type, title.type, url.type) AS action_type,
    v.referer_type,
    v.referer_name,
    v.config_device_type
FROM ${PREFIX}log_link_visit_action AS lva
JOIN ${PREFIX}log_visit AS v ON v.idvisit = lva.idvisit
LEFT JOIN ${PREFIX}log_action AS ev_action ON ev_action.idaction = lva.idaction_event_action
LEFT JOIN ${PREFIX}log_action AS title ON title.idaction = lva.idaction_name
LEFT JOIN ${PREFIX}log_action AS url ON url.idaction = lva.idaction_url
WHERE lva.idsite = ${SITE_ID}
  AND lva.server_time >= '${START}' AND lva.server_time < '${END}'
  AND COALESCE(ev_action.name, title.name, url.name) IS NOT NULL
ORDER BY lva.idvisit, lva.server_time, lva.idlink_va
