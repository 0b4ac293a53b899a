-- Per class, over incidents (not near misses) dated in [$date_from, $date_to]: how many,
-- how many repeat an earlier one (which may lie before the period), how many repeat
-- one whose action items were all done first (mart_recurrence).
-- $teams: an empty list is every team (`report --team`).
SELECT
    incident_class                                   AS class,
    count(*)                                         AS incidents,
    count(*) FILTER (WHERE is_repeat)                AS repeats,
    count(*) FILTER (WHERE repeat_after_fix)         AS repeats_after_fix
FROM mart_recurrence
WHERE incident_date BETWEEN $date_from AND $date_to
  AND (len($teams) = 0 OR list_contains($teams, team))
GROUP BY incident_class
ORDER BY incidents DESC, class
