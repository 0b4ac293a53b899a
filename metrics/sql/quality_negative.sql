-- Incidents whose timestamps run backwards: left out of duration metrics until fixed.
SELECT incident_id, title, started_at, detected_at, mitigated_at, resolved_at, file_path
FROM mart_incidents
WHERE has_negative_duration
ORDER BY incident_date DESC
