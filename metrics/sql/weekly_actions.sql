-- Action items for the week [$date_from, $date_to] (items of incidents dated up to the
-- week's end, under the other filters): due that week (deadline in the week, any status
-- but won't do), or overdue as of the week's end (open then, deadline before the week).
-- Open at the week's end: open now, or done with a tracker date after the week's end.
-- Overdue at the week's end follows docs/METRICS.md with A = $date_to: open, deadline < A.
WITH a AS (
    SELECT *,
           status = 'open' OR (status = 'done' AND coalesce(done_on > $date_to, FALSE))  AS open_at_end
    FROM filtered_action_items(DATE '0001-01-01', $date_to, $teams, $services, $severities, $classes, $near_misses)
)
SELECT
    incident_id,
    incident_title,
    incident_date,
    action,
    owner,
    deadline,
    deadline_from_sla,
    CASE WHEN open_at_end AND deadline < $date_to THEN 'overdue'
         WHEN open_at_end THEN 'due'
         ELSE 'done' END                                                 AS state,
    CASE WHEN open_at_end AND deadline < $date_to
         THEN date_diff('day', deadline, $date_to) END                   AS days_overdue,
    done_on,
    status,
    ticket,
    ticket_url,
    team,
    severity_level,
    severity_label,
    file_path,
    item_seq
FROM a
WHERE (deadline BETWEEN $date_from AND $date_to AND status <> 'wont_do')
   OR (open_at_end AND deadline < $date_from)
ORDER BY (open_at_end AND deadline < $date_to) DESC, deadline, incident_date, file_path, item_seq
