-- One incident's action items with their effective status (the tracker's when the
-- ticket is in a loaded export, else the document's), where that status came from, the
-- tracker's own status text, and a link to the ticket: the export's URL, else a URL the
-- document gives, else GitHub's address for an owner/repo#N key. Only http(s) addresses
-- become links: a URL from a file is untrusted.
SELECT
    item_seq + 1                                              AS "#",
    action,
    status,
    ticket_status                                             AS tracker_status,
    status_source,
    ticket,
    CASE
        WHEN regexp_matches(ticket_url, '^https?://[^\s]+$') THEN ticket_url
        WHEN regexp_matches(ticket, '^https?://[^\s]+$') THEN ticket
        WHEN regexp_matches(ticket, '^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+#[0-9]+$')
            THEN 'https://github.com/' || replace(ticket, '#', '/issues/')
    END                                                       AS ticket_link,
    owner,
    owner_source,
    deadline,
    deadline_from_sla,
    done_on,
    action_kind                                               AS kind
FROM mart_action_items
WHERE file_path = $file_path
ORDER BY item_seq
