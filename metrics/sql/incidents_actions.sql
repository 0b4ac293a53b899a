-- One incident's action items with their effective status (the tracker's when the
-- ticket is in a loaded export, else the document's), where that status came from, the
-- tracker's own status text, and the ticket's address (mart_action_items' rule).
SELECT
    item_seq + 1                                              AS "#",
    action,
    status,
    ticket_status                                             AS tracker_status,
    status_source,
    ticket,
    ticket_url,
    owner,
    owner_source,
    deadline,
    deadline_from_sla,
    done_on,
    action_kind                                               AS kind
FROM mart_action_items
WHERE file_path = $file_path
ORDER BY item_seq
