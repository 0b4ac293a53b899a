-- The population of the expected-by-chance model (docs/METRICS.md, "Recurrence"): every
-- classified incident (near misses excluded) that started in [$date_from - window,
-- $date_to], with what the recurrence key compares (team, services), whether it is
-- eligible (under the filters other than the period) and counted (also dated in the
-- period: the figures' incidents). Predecessors may be any incident of the class, as in
-- mart_recurrence.
SELECT
    r.incident_class                                              AS class,
    date_diff('second', CAST($span_from AS TIMESTAMP), r.start_ts) / 86400.0 AS day,
    r.team,
    r.services,
    r.is_repeat,
    r.file_path IN (SELECT file_path FROM filtered_incidents(
        DATE '0001-01-01', DATE '9999-12-31', $teams, $services, $severities, $classes, $near_misses)) AS eligible,
    r.file_path IN (SELECT file_path FROM filtered_incidents(
        $date_from, $date_to, $teams, $services, $severities, $classes, $near_misses))   AS counted
FROM mart_recurrence r
WHERE r.incident_class <> 'unclassified'
  AND r.start_ts >= CAST($span_from AS TIMESTAMP)
  AND r.start_ts < CAST($date_to AS TIMESTAMP) + INTERVAL 1 DAY
ORDER BY class, r.start_ts, r.file_path
