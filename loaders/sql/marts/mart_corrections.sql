-- One row per correction in the corrections file, with the postmortem it applies to:
-- applied is false when no loaded postmortem carries the id, or the document has no
-- action item of that number (the correction stays in the file and applies again if
-- the document comes back).
SELECT
    c.corrections_file,
    c.line,
    c.doc_id,
    c.item_number,
    c.field,
    c.value,
    coalesce(c.label, c.value)                                AS shown_value,
    p.file_path,
    p.title,
    p.file_path IS NOT NULL AND (c.item_number IS NULL OR EXISTS (
        SELECT 1 FROM stg_action_items a
        WHERE a.file_path = p.file_path AND a.item_seq = c.item_number - 1))  AS applied
FROM stg_corrections c
LEFT JOIN stg_postmortems p ON p.incident_id = c.doc_id
