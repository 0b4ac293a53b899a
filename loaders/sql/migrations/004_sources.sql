-- The database remembers what it was loaded from, so that a load adds to what is there
-- and a re-ingest re-reads the database's own sources (never another config's).
-- sources: each folder, file or glob a load read, with the config that named it (NULL
-- for the command line). files.origin: the source a file was found through; a file's
-- rows go only when it disappeared from its source while that source was re-read.
CREATE TABLE sources (
    pattern       VARCHAR PRIMARY KEY,
    kind          VARCHAR,        -- postmortems | trackers | incidents (a config's list), or NULL
    config        VARCHAR,        -- the config file that named it; NULL: the command line
    added_at      TIMESTAMP,
    last_read_at  TIMESTAMP
);
ALTER TABLE files ADD COLUMN origin VARCHAR;
-- kind 'skipped': a file read and found not to be an incident (a template, a README); why.
ALTER TABLE files ADD COLUMN note VARCHAR;
