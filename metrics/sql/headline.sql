-- Headline figures for incidents dated in [$date_from, $date_to], as of $as_of.
WITH inc AS (
    SELECT * FROM mart_incidents
    WHERE incident_date BETWEEN $date_from AND $date_to
), act AS (
    SELECT * FROM mart_action_items
    WHERE incident_date BETWEEN $date_from AND $date_to
)
SELECT
    (SELECT count(*) FROM inc WHERE NOT is_near_miss)                          AS incidents,
    (SELECT count(*) FROM inc WHERE is_near_miss)                              AS near_misses,
    (SELECT count(*) FROM act)                                                 AS actions,
    (SELECT count(*) FROM act WHERE status = 'done')                           AS actions_done,
    (SELECT count(*) FROM act WHERE status = 'wont_do')                        AS actions_wont_do,
    (SELECT count(*) FROM act WHERE status = 'open' AND deadline < $as_of)     AS actions_overdue,
    (SELECT count(*) FROM act WHERE owner IS NULL AND status = 'open')         AS actions_unowned,
    (SELECT count(ttd_minutes) FROM inc WHERE NOT is_near_miss)                AS ttd_n,
    (SELECT quantile_cont(ttd_minutes, 0.5) FROM inc WHERE NOT is_near_miss)   AS ttd_median,
    (SELECT quantile_cont(ttd_minutes, 0.9) FROM inc WHERE NOT is_near_miss)   AS ttd_p90,
    (SELECT min(incident_date) FROM inc)                                       AS first_date,
    (SELECT max(incident_date) FROM inc)                                       AS last_date;
