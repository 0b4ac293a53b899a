-- Incidents (near misses excluded) under the filters that the recurrence key cannot
-- match to any other: with the key "class+service", those that name no service can
-- neither repeat nor be repeated (mart_recurrence pairs incidents through a shared
-- service). unkeyed: how many; incidents: of how many. $key: the database's recurrence_key.
SELECT
    count(*) FILTER (WHERE $key = 'class+service' AND len(coalesce(services, [])) = 0)   AS unkeyed,
    count(*)                                                                              AS incidents
FROM filtered_incidents($date_from, $date_to, $teams, $services, $severities, $classes, $near_misses)
WHERE NOT is_near_miss
