-- The postmortem file(s) of an incident id, as a link names it (newest first: an id
-- should be unique, but two files may claim the same one). No filters: a link opens the
-- incident whatever the sidebar says.
SELECT file_path
FROM mart_incidents
WHERE incident_id = $incident_id
ORDER BY incident_date DESC NULLS LAST, file_path
