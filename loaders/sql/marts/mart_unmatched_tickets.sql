-- Action items that name a ticket no loaded export holds. They keep the document's
-- status; listed here so that a typo or a missing export is seen, not silently dropped.
SELECT
    a.file_path,
    a.item_seq,
    a.incident_id,
    a.action,
    a.ticket,
    a.status
FROM mart_action_items a
WHERE a.ticket IS NOT NULL AND NOT a.ticket_matched
