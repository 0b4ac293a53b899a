-- The reader's corrections (loaders/corrections.py), rewritten at every load from the
-- corrections file: one row per corrected field. item: the action item's number (1 the
-- first) for item fields, NULL for the document's own. value: normalised text (ISO date,
-- UTC time, severity level); label: a severity's label. line: where the file says it.
CREATE TABLE raw_corrections (
    file_path  VARCHAR,
    doc_id     VARCHAR,
    item       INTEGER,
    field      VARCHAR,
    value      VARCHAR,
    label      VARCHAR,
    line       INTEGER
);
