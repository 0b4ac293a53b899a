-- Action items of the incidents and near misses under the filters, one row each, with
-- what they count as on $as_of (docs/METRICS.md, "Action items in a report"):
-- overdue = open and deadline < $as_of; on time = done on or before the deadline (a
-- done item with no tracker date counts as on time); due_or_done (the on-time
-- denominator) = done, or open with deadline < $as_of. Won't-do items are in neither.
-- ticket_url is the address as stored: metrics.safe.link decides whether it may be a link.
SELECT
    a.incident_id,
    a.incident_title,
    a.incident_date,
    strftime(a.incident_date, '%Y-%m')                                     AS month,
    a.team,
    a.severity_level,
    a.severity_label,
    a.is_near_miss,
    a.item_seq,
    a.action,
    a.owner,
    a.due_date,
    a.deadline,
    a.deadline_from_sla,
    a.ticket,
    a.ticket_url,
    a.ticket_status,
    a.status,
    a.status_source,
    a.done_on,
    a.status = 'done'                                                      AS is_done,
    a.status = 'open'                                                      AS is_open,
    a.status = 'wont_do'                                                   AS is_wont_do,
    a.status = 'open' AND a.deadline < $as_of                              AS is_overdue,
    a.status = 'done' AND (a.done_on IS NULL OR a.done_on <= a.deadline)   AS is_on_time,
    a.status = 'done' OR (a.status = 'open' AND a.deadline < $as_of)       AS is_due_or_done,
    CASE WHEN a.status = 'open' AND a.deadline < $as_of
         THEN date_diff('day', a.deadline, $as_of) END                     AS days_overdue,
    CASE WHEN a.status = 'open'
         THEN date_diff('day', a.incident_date, $as_of) END                AS age_days,
    a.file_path
FROM filtered_action_items($date_from, $date_to, $teams, $services, $severities, $classes, $near_misses) a
ORDER BY a.incident_date, a.file_path, a.item_seq
