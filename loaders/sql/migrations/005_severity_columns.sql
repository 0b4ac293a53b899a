-- Severity is read once, in Python (loaders/severity.py), and written beside the text as
-- written: the level (1 the worst) and its label ("SEV1", ..., "no severity"). The SQL
-- models and the dashboard read these columns; nothing parses or formats a severity again.
-- Rows loaded before this migration get their label here, once; the next ingest rewrites
-- every row anyway, because the parser's version changed with this column.
ALTER TABLE raw_postmortems ADD COLUMN severity_label VARCHAR;
UPDATE raw_postmortems
   SET severity_label = CASE WHEN severity_level IS NULL THEN 'no severity'
                             ELSE 'SEV' || severity_level END;
ALTER TABLE raw_incidents ADD COLUMN severity_level INTEGER;
ALTER TABLE raw_incidents ADD COLUMN severity_label VARCHAR;
