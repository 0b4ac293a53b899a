-- Postmortem coverage of every known incident (postmortems and incident exports) dated
-- in the period, under the sidebar's team, service, severity and class filters (near
-- misses are never counted: coverage is of incidents). An export row that matched no
-- postmortem has a severity and services but no team or class, so a team or class
-- filter leaves it out: under those filters only postmortems count (the page says so).
-- exports_loaded: whether an incident-tool export covers the period, a row dated in it (with none, every
-- known incident has a postmortem by construction, and the share measures nothing).
SELECT count(*)                                AS incidents,
       count(*) FILTER (WHERE c.has_postmortem) AS with_postmortem,
       count(*) FILTER (WHERE c.is_reviewed)    AS reviewed,
       exports_cover($date_from, $date_to) AS exports_loaded
FROM mart_incident_coverage c
LEFT JOIN mart_incidents i     ON c.has_postmortem AND i.file_path = c.coverage_key
LEFT JOIN stg_incident_rows r  ON NOT c.has_postmortem AND r.row_key = c.coverage_key
WHERE c.incident_date BETWEEN $date_from AND $date_to
  AND (len($teams) = 0 OR list_contains($teams, c.team))
  AND (len($services) = 0 OR list_has_any($services, coalesce(i.services, r.services, [])))
  AND (len($severities) = 0 OR list_contains($severities, c.severity_label))
  AND (len($classes) = 0 OR list_contains($classes, i.incident_class))
