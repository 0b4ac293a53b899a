-- Non-near-miss incidents per class in [$date_from, $date_to], most frequent first.
SELECT incident_class, count(*) AS incidents
FROM mart_incidents
WHERE incident_date BETWEEN $date_from AND $date_to AND NOT is_near_miss
GROUP BY incident_class
ORDER BY incidents DESC, incident_class;
