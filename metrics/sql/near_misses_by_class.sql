-- Near misses and incidents per incident class under the filters.
SELECT
    incident_class                                   AS class,
    count(*) FILTER (WHERE is_near_miss)             AS near_misses,
    count(*) FILTER (WHERE NOT is_near_miss)         AS incidents
FROM filtered_incidents($date_from, $date_to, $teams, $services, $severities, $classes, $near_misses)
GROUP BY ALL
ORDER BY near_misses DESC, class
