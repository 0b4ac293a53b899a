-- Incidents (near misses excluded) per class and month under the filters: the cells of
-- the Recurrence page's class x month heat map. Months with none are filled in Python.
SELECT
    incident_class                              AS class,
    strftime(incident_date, '%Y-%m')            AS month,
    count(*)                                    AS incidents
FROM filtered_incidents($date_from, $date_to, $teams, $services, $severities, $classes, $near_misses)
WHERE NOT is_near_miss
GROUP BY ALL
ORDER BY class, month
