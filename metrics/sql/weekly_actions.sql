-- Action items for the week [$date_from, $date_to] (items of incidents dated up to the
-- week's end, under the other filters): due that week (deadline in the week, any status
-- but won't do, and not overdue at its end: 'due' or 'done'), and overdue as of the
-- week's end ('overdue': open then, deadline before the week's end; docs/METRICS.md with
-- A = $date_to). Open at the week's end: open now, or done with a tracker date after it.
-- Every due item is listed, oldest deadline first. Overdue items older than $stale_days
-- are history (the Action items page lists them): only counted, in overdue_stale. The
-- others are listed most important first (most severe, then longest overdue), the first
-- $limit of them (NULL: all), and counted in overdue_total. The counts ride on every
-- row; when nothing is listed a single row of NULL items carries them.
WITH a AS (
    SELECT *,
           status = 'open' OR (status = 'done' AND coalesce(done_on > $date_to, FALSE))  AS open_at_end
    FROM filtered_action_items(DATE '0001-01-01', $date_to, $teams, $services, $severities, $classes, $near_misses)
),
items AS (
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
),
counts AS (
    SELECT count(*) FILTER (WHERE state = 'overdue' AND days_overdue <= $stale_days)  AS overdue_total,
           count(*) FILTER (WHERE state = 'overdue' AND days_overdue > $stale_days)   AS overdue_stale
    FROM items
),
listed AS (
    SELECT * FROM items WHERE state <> 'overdue'
    UNION ALL
    (SELECT * FROM items
     WHERE state = 'overdue' AND days_overdue <= $stale_days
     ORDER BY severity_level NULLS LAST, days_overdue DESC, incident_date, file_path, item_seq
     LIMIT $limit)
)
SELECT l.*, c.overdue_total, c.overdue_stale
FROM counts c
LEFT JOIN listed l ON TRUE
ORDER BY l.state = 'overdue',
         CASE WHEN l.state = 'overdue' THEN l.severity_level END NULLS LAST,
         l.days_overdue DESC NULLS LAST,
         l.deadline, l.incident_date, l.file_path, l.item_seq
