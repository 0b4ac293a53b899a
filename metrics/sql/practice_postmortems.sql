-- Every postmortem under the filters (metrics/practice.py passes near misses = true: the practice is
-- measured on what gets reported), with the facts the six mistakes are measured on
-- (loaders/sql/marts/mart_practice.sql).
SELECT p.*
FROM mart_practice p
WHERE p.file_path IN (
    SELECT file_path FROM filtered_incidents($date_from, $date_to, $teams, $services, $severities, $classes, $near_misses))
ORDER BY p.incident_date DESC, p.incident_id
