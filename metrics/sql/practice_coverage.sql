-- Known incidents (postmortems and incident-tool exports together, near misses apart)
-- per severity in the period, and how many have a postmortem: are postmortems written
-- only for the big ones? $teams: an empty list is every team.
SELECT
    severity_label,
    min(severity_level)                                      AS severity_level,
    count(*)                                                 AS incidents,
    count(*) FILTER (WHERE has_postmortem)                   AS with_postmortem
FROM mart_incident_coverage
WHERE incident_date BETWEEN $date_from AND $date_to
  AND (len($teams) = 0 OR list_contains($teams, team))
GROUP BY ALL
ORDER BY min(severity_level) NULLS LAST, severity_label
