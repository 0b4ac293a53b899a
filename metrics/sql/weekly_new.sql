-- Incidents and near misses dated in the week [$date_from, $date_to], under the other
-- filters, oldest first.
SELECT
    incident_id,
    title,
    incident_date,
    CASE WHEN is_near_miss THEN 'near miss' ELSE 'incident' END   AS kind,
    severity_level,
    severity_label,
    team,
    incident_class,
    postmortem_status,
    owner,
    file_path
FROM filtered_incidents($date_from, $date_to, $teams, $services, $severities, $classes, $near_misses)
ORDER BY incident_date, started_at NULLS LAST, file_path
