-- Near misses and incidents per month under the filters (months with no report are
-- filled in Python). The share of near misses is near misses / (near misses + incidents).
SELECT
    strftime(incident_date, '%Y-%m')                 AS month,
    count(*) FILTER (WHERE is_near_miss)             AS near_misses,
    count(*) FILTER (WHERE NOT is_near_miss)         AS incidents
FROM filtered_incidents($date_from, $date_to, $teams, $services, $severities, $classes, $near_misses)
GROUP BY ALL
ORDER BY month
