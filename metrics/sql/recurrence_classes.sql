-- Per class, over incidents (near misses excluded) under the filters (mart_recurrence,
-- docs/METRICS.md "Recurrence"): incidents, repeats, repeats after fix, the days from
-- each repeat back to its predecessor, and whether the class is novel: no incident of
-- the class (any team) is dated before the period.
-- `all_incidents` is the denominator of "frequent": incidents under the same filters
-- except the class filter ($any_class, an empty list), so choosing a class does not
-- make it frequent by itself.
SELECT
    r.incident_class                                                AS class,
    count(*)                                                        AS incidents,
    count(*) FILTER (WHERE r.is_repeat)                             AS repeats,
    count(*) FILTER (WHERE r.repeat_after_fix)                      AS repeats_after_fix,
    list(r.days_since_predecessor ORDER BY r.start_ts, r.file_path) FILTER (WHERE r.is_repeat) AS repeat_gaps,
    min(r.incident_date)                                            AS first_in_period,
    NOT EXISTS (SELECT 1 FROM mart_incidents e
                WHERE e.incident_class = r.incident_class AND NOT e.is_near_miss
                  AND e.incident_date < $date_from)                 AS novel,
    (SELECT count(*) FROM filtered_incidents(
        $date_from, $date_to, $teams, $services, $severities, $any_class, $near_misses)
     WHERE NOT is_near_miss)                                        AS all_incidents
FROM mart_recurrence r
WHERE r.file_path IN (SELECT file_path FROM filtered_incidents(
    $date_from, $date_to, $teams, $services, $severities, $classes, $near_misses))
GROUP BY r.incident_class
ORDER BY incidents DESC, class
