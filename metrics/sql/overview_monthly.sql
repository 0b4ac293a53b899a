-- Incidents and near misses per month under the filters.
SELECT
    strftime(date_trunc('month', incident_date), '%Y-%m')     AS month,
    count(*) FILTER (WHERE NOT is_near_miss)                   AS incidents,
    count(*) FILTER (WHERE is_near_miss)                       AS near_misses
FROM filtered_incidents($date_from, $date_to, $teams, $services, $severities, $classes, $near_misses)
GROUP BY ALL
ORDER BY month
