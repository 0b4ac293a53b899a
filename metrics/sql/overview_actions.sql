-- Action-item completion and on-time counts under the filters, as of $as_of
-- (rules: the counted_action_items macro; docs/METRICS.md, "Action items in a report").
SELECT
    count(*)                                AS total,
    count(*) FILTER (WHERE is_done)         AS done,
    count(*) FILTER (WHERE is_wont_do)      AS wont_do,
    count(*) FILTER (WHERE is_overdue)      AS overdue,
    count(*) FILTER (WHERE is_on_time)      AS done_on_time,
    count(*) FILTER (WHERE is_due_or_done)  AS due_or_done
FROM counted_action_items($date_from, $date_to, $teams, $services, $severities, $classes, $near_misses, $as_of)
