-- Incidents dated in the week that repeat an earlier incident of their class
-- (mart_recurrence.is_repeat), with the predecessor and whether its action items were
-- all done first ("after fix"), under the other filters.
SELECT
    i.incident_id,
    i.title,
    i.incident_date,
    r.incident_class,
    i.team,
    r.predecessor_id,
    p.title                                   AS predecessor_title,
    p.incident_date                           AS predecessor_date,
    r.days_since_predecessor,
    r.repeat_after_fix,
    i.file_path
FROM filtered_incidents($date_from, $date_to, $teams, $services, $severities, $classes, $near_misses) i
JOIN mart_recurrence r USING (file_path)
LEFT JOIN mart_incidents p ON p.file_path = r.predecessor_path
WHERE r.is_repeat
ORDER BY i.incident_date, i.file_path
