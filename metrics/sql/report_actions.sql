-- Action items of every incident and near miss dated in [$date_from, $date_to], as of
-- $as_of (rules: the counted_action_items macro; docs/METRICS.md, "Action items in a
-- report"). $teams: an empty list is every team (`report --team`).
SELECT
    count(*)                                    AS total,
    count(*) FILTER (WHERE is_done)             AS done,
    count(*) FILTER (WHERE is_open)             AS open,
    count(*) FILTER (WHERE is_wont_do)          AS wont_do,
    count(*) FILTER (WHERE is_overdue)          AS overdue,
    count(*) FILTER (WHERE is_on_time)          AS done_on_time,
    count(*) FILTER (WHERE is_due_or_done)      AS due_or_done,
    count(*) FILTER (WHERE owner IS NULL)       AS without_owner,
    count(*) FILTER (WHERE due_date IS NULL)    AS without_due
FROM counted_action_items($date_from, $date_to, $teams, []::VARCHAR[], []::VARCHAR[], []::VARCHAR[], true, $as_of)
