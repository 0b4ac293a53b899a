-- One row per corrected field, as the corrections file states it (already checked and
-- normalised at ingest by loaders/corrections.py).
SELECT
    doc_id,
    item                                                     AS item_number,
    field,
    value,
    label,
    line,
    file_path                                                AS corrections_file
FROM raw_corrections
