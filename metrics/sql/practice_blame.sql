-- Every blameful sentence in the postmortems under the filters (near misses included),
-- with the rule that fired and the systemic question and rewrite (loaders/lint.py).
SELECT
    p.incident_id,
    p.title,
    p.incident_date,
    p.team,
    f.line,
    f.finding_text                                           AS sentence,
    f.message,
    f.hint                                                   AS rewrite,
    p.file_path
FROM stg_findings f
JOIN mart_practice p USING (file_path)
WHERE f.rule = 'blame'
  AND p.file_path IN (
    SELECT file_path FROM filtered_incidents($date_from, $date_to, $teams, $services, $severities, $classes, $near_misses))
ORDER BY p.incident_date DESC, p.incident_id, f.line
