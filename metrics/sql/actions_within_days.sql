-- Done within $days of the incident, at equal age (docs/METRICS.md, "Closing at equal
-- age"), per month of the incident date: of the items whose close is known
-- (counted_action_items' close_known), those whose incident is at least $days old on
-- $as_of are eligible and the rest too recent; an eligible item counts as done when it
-- closed within $days of its incident. Items done with no close date are counted apart
-- (undated_done; undated_eligible: those whose incident is old enough, each of which may
-- have closed within $days or not) and left out. Every equal-age figure sums or reads
-- these rows.
SELECT
    month,
    count(*) FILTER (WHERE close_known AND age_of_incident >= $days)                      AS eligible,
    count(*) FILTER (WHERE close_known AND age_of_incident >= $days
                       AND is_done AND days_to_close <= $days)                            AS done,
    count(*) FILTER (WHERE close_known AND age_of_incident < $days)                       AS too_recent,
    count(*) FILTER (WHERE done_undated)                                                  AS undated_done,
    count(*) FILTER (WHERE done_undated AND age_of_incident >= $days)                     AS undated_eligible
FROM counted_action_items($date_from, $date_to, $teams, $services, $severities, $classes, $near_misses, $as_of)
GROUP BY month
ORDER BY month
