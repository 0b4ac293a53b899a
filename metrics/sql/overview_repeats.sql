-- Classes by how often they repeated under the filters (mart_recurrence).
SELECT
    r.incident_class                                 AS class,
    count(*)                                         AS incidents,
    count(*) FILTER (WHERE r.is_repeat)              AS repeats,
    count(*) FILTER (WHERE r.repeat_after_fix)       AS repeats_after_fix
FROM mart_recurrence r
WHERE r.file_path IN (SELECT file_path FROM filtered_incidents(
    $date_from, $date_to, $teams, $services, $severities, $classes, $near_misses))
GROUP BY r.incident_class
HAVING count(*) FILTER (WHERE r.is_repeat) > 0
ORDER BY repeats DESC, repeats_after_fix DESC, class
LIMIT 5
