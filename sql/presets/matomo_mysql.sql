-- Journey Studio preset "Matomo (raw tables)" (docs/data-sources.md), MySQL / MariaDB.
-- NOT RUN HERE: no MySQL server was available; its twin for DuckDB, matomo_duckdb.sql, is the
-- same query line for line and runs in the test command on generated Matomo-shaped tables
-- (sql/tests/test_presets_sql.py).
--
-- Input: Matomo's raw log tables log_visit (one row per visit), log_link_visit_action (one
-- row per action in a visit) and log_action (the names of pages, titles and events).
-- Parameters, written ${NAME} below and replaced as text before running:
--   PREFIX   the tables' prefix (config.ini.php, [database] tables_prefix; usually matomo_)
--   SITE_ID  the site (Matomo → Administration → Websites → Manage: "ID")
--   START    first moment, 'YYYY-MM-DD HH:MM:SS' in UTC (Matomo stores server_time in UTC)
--   END      end (excluded), same form
-- Output: one row per action with the columns the preset reads —
--   idvisit, idvisitor (16 hex digits), user_id, server_time ('YYYY-MM-DD HH:MM:SS', UTC),
--   action_name, action_type, referer_type, referer_name, config_device_type —
-- ordered per visit by time and then by the order Matomo stored them (idlink_va), so equal
-- times keep it (the app orders ties by file row). Save as CSV, e.g.
--   mysql --batch … | tr '\t' ','   or   SELECT … INTO OUTFILE … FIELDS TERMINATED BY ','
-- and import it with the Matomo preset.
--
-- The activity is what the action was: an event's action (Matomo events: category / action /
-- name), else the page title, else the URL (downloads and outlinks have no title);
-- action_type is that log_action row's type (4 page title, 11 event action, 1/2/3 URL,
-- outlink, download). Left out: goal conversions and ecommerce orders (log_conversion),
-- content impressions, IP addresses and locations (never read).
SELECT
    lva.idvisit,
    LOWER(HEX(v.idvisitor)) AS idvisitor,
    v.user_id,
    DATE_FORMAT(lva.server_time, '%Y-%m-%d %H:%i:%s') AS server_time,
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
