-- What each action item under the filters counts as on $as_of, without its text: every
-- Action-items figure is a count or a group over these rows (rules: the
-- counted_action_items macro; docs/METRICS.md, "Action items in a report"). A page at
-- 100,000 incidents reads 150,000 of them a year: the action's and incident's text and
-- the ticket stay in the database (actions_items.sql lists them). No order: every
-- figure is a count, a group or a sorted statistic (sorting 150,000 rows was half the
-- query's time).
SELECT
    incident_date,
    month,
    team,
    severity_level,
    severity_label,
    owner,
    due_date,
    ticket IS NOT NULL                                                     AS has_ticket,
    status,
    done_on,
    is_done,
    is_open,
    is_wont_do,
    is_overdue,
    is_on_time,
    is_due_or_done,
    is_wish,
    close_known,
    done_undated,
    age_days
FROM counted_action_items($date_from, $date_to, $teams, $services, $severities, $classes, $near_misses, $as_of)
