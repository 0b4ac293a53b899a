-- Time to detect, mitigate and resolve of each incident under the filters, in minutes
-- from the start of impact (docs/METRICS.md, "Durations"). Near misses never enter time
-- metrics, whatever the near-miss filter says; a negative duration is already NULL in
-- mart_incidents. The caller picks one measure's column: no SQL is built from strings.
SELECT
    incident_id,
    incident_date,
    strftime(incident_date, '%Y-%m')                                   AS month,
    strftime(incident_date, '%Y') || '-Q' || CAST(quarter(incident_date) AS VARCHAR) AS quarter,
    strftime(incident_date, '%Y') || '-H' || CASE WHEN month(incident_date) <= 6 THEN '1' ELSE '2' END
                                                                       AS half_year,
    severity_level,
    severity_label,
    team,
    ttd_minutes,
    ttm_minutes,
    ttr_minutes
FROM filtered_incidents($date_from, $date_to, $teams, $services, $severities, $classes, $near_misses)
WHERE NOT is_near_miss
ORDER BY incident_date, incident_id
