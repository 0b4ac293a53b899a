-- Near misses and incidents per owning team under the filters; a team with incidents but
-- no near miss is listed too (it may not be reporting them).
SELECT
    coalesce(team, '(no team)')                      AS team,
    count(*) FILTER (WHERE is_near_miss)             AS near_misses,
    count(*) FILTER (WHERE NOT is_near_miss)         AS incidents
FROM filtered_incidents($date_from, $date_to, $teams, $services, $severities, $classes, $near_misses)
GROUP BY ALL
ORDER BY near_misses DESC, team
