-- The counts behind the practice's signals (docs/METRICS.md, "Practice health"), one row
-- over the postmortems under the filters (metrics/practice.py passes near misses = true):
-- each share's numerator and denominator (the mistakes are mart_practice's flags, which
-- the listings behind the signals read too), and the days from resolution to write-up
-- (those of 0 or more) newest first, the order the median's bootstrap draws them in
-- (practice_postmortems.sql's).
SELECT
    count(*)                                                                  AS postmortems,
    count(*) FILTER (WHERE p.is_blameful)                                     AS blameful,
    count(*) FILTER (WHERE NOT p.is_near_miss)                                AS incidents,
    count(*) FILTER (WHERE p.lists_no_actions)                                AS no_actions,
    coalesce(sum(p.action_items), 0)                                          AS items,
    coalesce(sum(p.items_without_ticket), 0)                                  AS untracked,
    coalesce(sum(p.items_ticket_not_found), 0)                                AS ticket_not_found,
    count(*) FILTER (WHERE p.is_near_miss)                                    AS near_misses,
    count(*) FILTER (WHERE p.has_single_cause)                                AS single_cause,
    coalesce(list(CAST(p.days_to_postmortem AS DOUBLE) ORDER BY p.incident_date DESC, p.incident_id)
                 FILTER (WHERE p.days_to_postmortem >= 0), [])                AS days_to_write
FROM mart_practice p
WHERE p.file_path IN (
    SELECT file_path FROM filtered_incidents($date_from, $date_to, $teams, $services, $severities, $classes, $near_misses))
