SELECT run_id, finished_at, files_seen, parsed, unchanged, removed, failed, problems
FROM ingest_runs ORDER BY run_id DESC LIMIT 1
