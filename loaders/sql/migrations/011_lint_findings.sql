-- What a reviewer would flag in each postmortem (loaders/lint.py: rule, line, message,
-- fix hint, and the words at fault for a blameful sentence) and its quality score
-- (0-100). Rows loaded before this migration have neither until the next ingest, which
-- re-reads every file anyway, because the parser's version changed with these columns.
ALTER TABLE raw_postmortems ADD COLUMN quality INTEGER;
CREATE TABLE raw_findings (
    file_path VARCHAR NOT NULL,
    seq INTEGER NOT NULL,
    rule VARCHAR NOT NULL,
    line INTEGER,
    level VARCHAR NOT NULL,
    message VARCHAR NOT NULL,
    hint VARCHAR,
    text VARCHAR
);
