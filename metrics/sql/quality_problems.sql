-- Ingest problems by file and line, errors (data lost) first.
SELECT file_path AS file, line, level, message
FROM ingest_problems
ORDER BY level = 'warning', file_path, line NULLS FIRST
