-- Postmortem coverage of every known incident (postmortems and incident exports) dated
-- in the period. Export rows carry no team or class, so only the dates filter them.
SELECT count(*) AS incidents, count(*) FILTER (WHERE has_postmortem) AS with_postmortem,
       count(*) FILTER (WHERE is_reviewed) AS reviewed
FROM mart_incident_coverage
WHERE incident_date BETWEEN $date_from AND $date_to
