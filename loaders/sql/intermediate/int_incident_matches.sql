-- Which incident-export row is which postmortem's incident, one to one.
-- 1. By the id the postmortem quotes (front-matter `pagerduty:`, an "Incident ID" or
--    "PagerDuty:" line): the row's id or the tool's own id.
-- 2. Rows and postmortems still unmatched: detection (else start) times within
--    match_window_minutes, and the same service or a similar title or within 15
--    minutes; the closest wins, each postmortem taking at most one row.
WITH window_minutes AS (
    SELECT coalesce(try_cast((SELECT value FROM settings WHERE key = 'match_window_minutes') AS INTEGER),
                    120) AS w
),
-- every id a postmortem quotes and every id a row answers to, lower-cased: an
-- equality join on these is a hash join (an OR of IN-lists would compare every pair)
quoted AS (
    SELECT file_path, lower(reference) AS ref FROM int_postmortems WHERE reference IS NOT NULL
    UNION
    SELECT file_path, lower(incident_id) FROM int_postmortems WHERE incident_id IS NOT NULL
),
answers AS (
    SELECT row_key, lower(external_id) AS ref FROM stg_incident_rows WHERE external_id IS NOT NULL
    UNION
    SELECT row_key, lower(source_id) FROM stg_incident_rows WHERE source_id IS NOT NULL
),
by_reference AS (
    SELECT a.row_key, q.file_path, 'reference' AS matched_by
    FROM answers a
    JOIN quoted q USING (ref)
    QUALIFY row_number() OVER (PARTITION BY a.row_key ORDER BY q.file_path) = 1
        AND row_number() OVER (PARTITION BY q.file_path ORDER BY a.row_key) = 1
),
-- compare like with like: a pager knows when it paged (detection), so detection
-- times first, then starts. Each side carries the time buckets (window-wide) it reaches,
-- so the join is a hash join on a bucket filtered to the window: its work grows with the
-- pairs a window apart, not with every pair (a join on the range alone ran as a nested
-- loop: 14 s at 100,000 postmortems)
open_rows AS (
    SELECT r.*, coalesce(r.detected_at, r.started_at) AS t,
           CAST(floor(epoch(coalesce(r.detected_at, r.started_at)) / (60 * w.w)) AS BIGINT) AS bucket
    FROM stg_incident_rows r, window_minutes w
    WHERE r.row_key NOT IN (SELECT row_key FROM by_reference)
),
open_postmortems AS (
    SELECT p.*, coalesce(p.detected_at, p.started_at) AS t,
           coalesce(p.detected_at, p.started_at) - to_minutes(w.w) AS t_from,
           coalesce(p.detected_at, p.started_at) + to_minutes(w.w) AS t_to,
           unnest(range(CAST(floor(epoch(coalesce(p.detected_at, p.started_at)) / (60 * w.w)) AS BIGINT) - 1,
                        CAST(floor(epoch(coalesce(p.detected_at, p.started_at)) / (60 * w.w)) AS BIGINT) + 2)) AS bucket
    FROM int_postmortems p, window_minutes w
    WHERE NOT p.is_near_miss AND p.file_path NOT IN (SELECT file_path FROM by_reference)
      AND coalesce(p.detected_at, p.started_at) IS NOT NULL
),
candidates AS MATERIALIZED (
    SELECT r.row_key, p.file_path,
           abs(date_diff('second', r.t, p.t)) / 60.0                               AS minutes_apart,
           list_has_any(r.services, p.services)                                    AS same_service,
           jaro_winkler_similarity(lower(coalesce(r.title, '')), lower(coalesce(p.title, ''))) AS title_similarity
    FROM open_rows r
    JOIN open_postmortems p
      ON r.bucket = p.bucket
     AND r.t >= p.t_from
     AND r.t <= p.t_to
),
best_per_row AS (
    SELECT * FROM candidates
    WHERE same_service OR title_similarity >= 0.75 OR minutes_apart <= 15
    QUALIFY row_number() OVER (PARTITION BY row_key
                               ORDER BY same_service DESC, minutes_apart, title_similarity DESC, file_path) = 1
),
by_time AS (
    SELECT row_key, file_path, 'time' AS matched_by
    FROM best_per_row
    QUALIFY row_number() OVER (PARTITION BY file_path
                               ORDER BY same_service DESC, minutes_apart, row_key) = 1
)
SELECT * FROM by_reference
UNION ALL
SELECT * FROM by_time
