-- Every correction a reader made (the corrections file), and whether it applies.
SELECT doc_id, CASE WHEN item_number IS NULL THEN field ELSE 'action item ' || item_number || ' ' || field END
           AS field,
       shown_value AS value, applied, title, file_path, line
FROM mart_corrections
ORDER BY NOT applied DESC, doc_id, item_number NULLS FIRST, field
