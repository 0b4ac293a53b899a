-- One row per action item as the postmortem wrote it. ticket_key is the ticket as the
-- trackers key it: a bare "#123" belongs to the configured default_repo.
SELECT
    file_path,
    seq                                    AS item_seq,
    text                                   AS action,
    nullif(trim(owner), '')                AS doc_owner,
    try_cast(due AS DATE)                  AS due_date,
    nullif(trim(ticket), '')               AS ticket,
    CASE
        WHEN ticket LIKE '#%' AND (SELECT nullif(value, '') FROM settings WHERE key = 'default_repo') IS NOT NULL
        THEN (SELECT value FROM settings WHERE key = 'default_repo') || trim(ticket)
        ELSE nullif(trim(ticket), '')
    END                                    AS ticket_key,
    coalesce(status, 'open')               AS doc_status,
    kind                                   AS action_kind,
    line
FROM raw_action_items
