-- Action-item completion and on-time counts under the filters, as of $as_of
-- (definitions: docs/METRICS.md, "Action items in a report").
SELECT
    count(*)                                                                  AS total,
    count(*) FILTER (WHERE status = 'done')                                   AS done,
    count(*) FILTER (WHERE status = 'wont_do')                                AS wont_do,
    count(*) FILTER (WHERE status = 'open' AND deadline < $as_of)             AS overdue,
    count(*) FILTER (WHERE status = 'done' AND (done_on IS NULL OR done_on <= deadline)) AS done_on_time,
    count(*) FILTER (WHERE status = 'done' OR (status = 'open' AND deadline < $as_of))   AS due_or_done
FROM filtered_action_items($date_from, $date_to, $teams, $services, $severities, $classes, $near_misses)
