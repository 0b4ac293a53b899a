-- Action items joined to the tracker ticket they name (by key: OPS-921, owner/repo#12).
-- The tracker's status, resolution date and assignee win over the document's.
SELECT
    a.*,
    t.ticket_key IS NOT NULL                                 AS ticket_matched,
    t.ticket_status,
    t.status_category,
    t.resolved_at                                            AS ticket_resolved_at,
    t.assignee,
    t.url                                                    AS ticket_url,
    CASE
        WHEN t.status_category = 'done'    THEN 'done'
        WHEN t.status_category = 'wont_do' THEN 'wont_do'
        WHEN t.status_category IN ('todo', 'in_progress') THEN 'open'
        WHEN a.doc_status IN ('done', 'wont_do') THEN a.doc_status
        ELSE 'open'
    END                                                      AS status,
    CASE WHEN t.status_category IS NOT NULL THEN 'tracker' ELSE 'document' END
                                                             AS status_source,
    coalesce(t.assignee, a.doc_owner)                        AS owner,
    CASE WHEN t.assignee IS NOT NULL THEN 'tracker'
         WHEN a.doc_owner IS NOT NULL THEN 'document' END    AS owner_source
FROM stg_action_items a
LEFT JOIN stg_tickets t ON t.ticket_key = a.ticket_key
