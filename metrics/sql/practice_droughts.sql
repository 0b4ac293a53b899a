-- Teams in a near-miss drought (docs/METRICS.md, "Practice health"): at least
-- $min_incidents incidents from $recent_from to the period's end and no near miss reported
-- in them, with the team's last near miss up to the period's end (NULL: it never reported
-- one). metrics/practice.py passes the first incident's date as $date_from and near misses
-- = true, so "last" reads the whole history under the other filters. Incidents without a
-- team belong to no team's drought.
SELECT
    team,
    count(*) FILTER (WHERE NOT is_near_miss AND incident_date >= $recent_from) AS incidents,
    0                                                                          AS near_misses,
    max(incident_date) FILTER (WHERE is_near_miss)                             AS last_near_miss
FROM filtered_incidents($date_from, $date_to, $teams, $services, $severities, $classes, $near_misses)
WHERE team IS NOT NULL
GROUP BY team
HAVING count(*) FILTER (WHERE is_near_miss AND incident_date >= $recent_from) = 0
   AND count(*) FILTER (WHERE NOT is_near_miss AND incident_date >= $recent_from) >= $min_incidents
ORDER BY team
