-- Incident-export rows that match no postmortem: incidents nobody wrote up (or whose
-- postmortem does not name them).
SELECT incident_id, title, incident_date, severity_level, incident_source, file_path
FROM mart_incident_coverage
WHERE NOT has_postmortem
ORDER BY incident_date DESC
