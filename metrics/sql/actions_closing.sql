-- Each action item of the incidents in the period, won't-do excluded, with the days from
-- its incident to its close (the tracker's resolution date) or, while open, its age on
-- $as_of. An item done only by the document's word has no close date: when it closed
-- is unknown, so it is flagged (undated_done) and kept out of equal-age figures.
SELECT
    incident_date,
    status = 'done' AND done_on IS NOT NULL                                  AS closed,
    CASE WHEN status = 'done' AND done_on IS NOT NULL
         THEN date_diff('day', incident_date, done_on) END                   AS days_to_close,
    date_diff('day', incident_date, CAST($as_of AS DATE))                    AS age_days,
    status = 'done' AND done_on IS NULL                                      AS undated_done
FROM filtered_action_items($date_from, $date_to, $teams, $services, $severities, $classes, $near_misses)
WHERE status <> 'wont_do' AND incident_date <= CAST($as_of AS DATE)
