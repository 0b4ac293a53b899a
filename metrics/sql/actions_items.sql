-- Action items under the filters, one row each with its text, for the page's listings:
-- $listing 'overdue' (open past the deadline on $as_of, most overdue first), 'wishes'
-- (won't-do aside, missing an owner, a due date or a ticket: open ones first, newest
-- incident first) or 'wont_do' (newest incident first); the first $limit rows (NULL:
-- every row). What an item counts as on $as_of is the counted_action_items macro's rule
-- (docs/METRICS.md, "Action items in a report"). ticket_url is the address as stored:
-- metrics.safe.link decides whether it may be a link.
SELECT
    incident_id,
    incident_title,
    incident_date,
    team,
    action,
    owner,
    due_date,
    deadline,
    deadline_from_sla,
    ticket,
    ticket_url,
    ticket_status,
    status,
    status_source,
    done_on,
    days_overdue
FROM counted_action_items($date_from, $date_to, $teams, $services, $severities, $classes, $near_misses, $as_of)
WHERE CASE $listing
          WHEN 'overdue' THEN is_overdue
          WHEN 'wishes' THEN is_wish
          WHEN 'wont_do' THEN is_wont_do
      END
ORDER BY
    CASE WHEN $listing = 'overdue' THEN days_overdue END DESC NULLS LAST,
    CASE WHEN $listing = 'wishes' THEN CASE status WHEN 'open' THEN 0 WHEN 'done' THEN 1 ELSE 2 END END,
    CASE WHEN $listing IN ('wishes', 'wont_do') THEN incident_date END DESC,
    incident_date, file_path, item_seq
LIMIT $limit
