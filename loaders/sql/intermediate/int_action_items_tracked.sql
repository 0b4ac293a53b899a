-- Action items joined to the tracker ticket they name (by key: OPS-921, owner/repo#12).
-- The tracker's status, resolution date and assignee win over the document's; a
-- reader's correction (by the document's id and the item's number, 1 the first) wins
-- over both, and its rule reads 'corrected'.
WITH c AS (
    SELECT doc_id, item_number,
           list(field)                                          AS fields,
           any_value(value) FILTER (WHERE field = 'status')     AS status,
           any_value(value) FILTER (WHERE field = 'owner')      AS owner,
           any_value(value) FILTER (WHERE field = 'due')        AS due_date
    FROM stg_corrections
    WHERE item_number IS NOT NULL
    GROUP BY ALL
),
items AS (
    SELECT a.* REPLACE (
               CASE WHEN list_contains(c.fields, 'due') THEN try_cast(c.due_date AS DATE)
                    ELSE a.due_date END                         AS due_date),
           c.fields                                             AS corrected,
           c.status                                             AS corrected_status,
           c.owner                                              AS corrected_owner
    FROM stg_action_items a
    LEFT JOIN stg_postmortems p USING (file_path)
    LEFT JOIN c ON c.doc_id = p.incident_id AND c.item_number = a.item_seq + 1
)
SELECT
    a.* EXCLUDE (corrected, corrected_status, corrected_owner),
    t.ticket_key IS NOT NULL                                 AS ticket_matched,
    t.ticket_status,
    t.status_category,
    t.resolved_at                                            AS ticket_resolved_at,
    t.assignee,
    t.url                                                    AS ticket_url,
    CASE
        WHEN list_contains(a.corrected, 'status') THEN coalesce(a.corrected_status, 'open')
        WHEN t.status_category = 'done'    THEN 'done'
        WHEN t.status_category = 'wont_do' THEN 'wont_do'
        WHEN t.status_category IN ('todo', 'in_progress') THEN 'open'
        WHEN a.doc_status IN ('done', 'wont_do') THEN a.doc_status
        ELSE 'open'
    END                                                      AS status,
    CASE WHEN list_contains(a.corrected, 'status') THEN 'corrected'
         WHEN t.status_category IS NOT NULL THEN 'tracker' ELSE 'document' END
                                                             AS status_source,
    CASE WHEN list_contains(a.corrected, 'owner') THEN a.corrected_owner
         ELSE coalesce(t.assignee, a.doc_owner) END          AS owner,
    CASE WHEN list_contains(a.corrected, 'owner') THEN 'corrected'
         WHEN t.assignee IS NOT NULL THEN 'tracker'
         WHEN a.doc_owner IS NOT NULL THEN 'document' END    AS owner_source,
    CASE WHEN list_contains(a.corrected, 'due') THEN 'corrected'
         WHEN a.due_date IS NOT NULL THEN 'document' END     AS due_source
FROM items a
LEFT JOIN stg_tickets t ON t.ticket_key = a.ticket_key
