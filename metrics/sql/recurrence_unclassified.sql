-- The most recent $limit incidents (near misses excluded) under the filters that carry
-- no class: the input of the suggested classes (metrics/suggest.py), whose texts
-- recurrence_unclassified_text.sql then reads (only when there are enough to group).
SELECT incident_id, title, incident_date, file_path
FROM filtered_incidents($date_from, $date_to, $teams, $services, $severities, $classes, $near_misses)
WHERE incident_class = 'unclassified' AND NOT is_near_miss
ORDER BY incident_date DESC, file_path
LIMIT $limit
