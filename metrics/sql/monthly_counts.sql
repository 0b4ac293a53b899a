-- Incidents and near misses per month in [$date_from, $date_to].
SELECT
    strftime(date_trunc('month', incident_date), '%Y-%m')     AS month,
    count(*) FILTER (WHERE NOT is_near_miss)                   AS incidents,
    count(*) FILTER (WHERE is_near_miss)                       AS near_misses
FROM mart_incidents
WHERE incident_date BETWEEN $date_from AND $date_to
GROUP BY ALL
ORDER BY month;
