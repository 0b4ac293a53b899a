-- The most recent near misses under the filters with their "where we got lucky" notes
-- (stg_postmortems.lucky; an empty list when the postmortem has no such section).
SELECT
    i.incident_date,
    i.title,
    i.team,
    i.incident_class                                 AS class,
    p.lucky
FROM filtered_incidents($date_from, $date_to, $teams, $services, $severities, $classes, $near_misses) i
JOIN stg_postmortems p USING (file_path)
WHERE i.is_near_miss
ORDER BY i.incident_date DESC, i.title, i.file_path
LIMIT $limit
