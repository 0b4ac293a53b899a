-- Incidents, near misses and detection times under the filters (near misses never
-- enter detection: ttd is taken from incidents only).
SELECT
    count(*) FILTER (WHERE NOT is_near_miss)                       AS incidents,
    count(*) FILTER (WHERE is_near_miss)                           AS near_misses,
    list(ttd_minutes) FILTER (WHERE NOT is_near_miss AND ttd_minutes IS NOT NULL) AS ttd
FROM filtered_incidents($date_from, $date_to, $teams, $services, $severities, $classes, $near_misses)
