-- What the database was loaded from: each folder, file or glob, the config that named it
-- (none: the command line), and how many files it holds now. Re-ingest re-reads these.
SELECT s.pattern AS source, s.kind, s.config, s.last_read_at,
       count(f.path) FILTER (WHERE f.kind <> 'skipped') AS files,
       count(f.path) FILTER (WHERE f.kind = 'skipped') AS skipped
FROM sources s
LEFT JOIN files f ON f.origin = s.pattern
GROUP BY s.pattern, s.kind, s.config, s.last_read_at, s.added_at
ORDER BY s.added_at, s.pattern
