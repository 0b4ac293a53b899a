-- Incidents and near misses dated in the week [$date_from, $date_to], under the other
-- filters, oldest first, each with the earlier postmortem it most resembles when their
-- similarity is at least $resembles (similar_incidents, rank 1).
SELECT
    f.incident_id,
    f.title,
    f.incident_date,
    CASE WHEN f.is_near_miss THEN 'near miss' ELSE 'incident' END   AS kind,
    f.severity_level,
    f.severity_label,
    f.team,
    f.incident_class,
    f.postmortem_status,
    f.owner,
    f.file_path,
    r.title                                                     AS resembles_title,
    r.incident_id                                               AS resembles_id,
    r.incident_date                                             AS resembles_date,
    s.score                                                     AS resembles_score
FROM filtered_incidents($date_from, $date_to, $teams, $services, $severities, $classes, $near_misses) f
LEFT JOIN similar_incidents s ON s.file_path = f.file_path AND s.rank = 1 AND s.score >= $resembles
LEFT JOIN mart_incidents r ON r.file_path = s.similar_path
ORDER BY f.incident_date, f.started_at NULLS LAST, f.file_path
