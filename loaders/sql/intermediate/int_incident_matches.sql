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
-- times first, then starts
open_rows AS (
    SELECT *, coalesce(detected_at, started_at) AS t
    FROM stg_incident_rows
    WHERE row_key NOT IN (SELECT row_key FROM by_reference)
),
open_postmortems AS (
    SELECT *, coalesce(detected_at, started_at) AS t
    FROM int_postmortems
    WHERE NOT is_near_miss AND file_path NOT IN (SELECT file_path FROM by_reference)
),
candidates AS MATERIALIZED (  -- built before it is filtered, so the range join stays a range join
    SELECT r.row_key, p.file_path,
           abs(date_diff('second', r.t, p.t)) / 60.0                               AS minutes_apart,
           list_has_any(r.services, p.services)                                    AS same_service,
           jaro_winkler_similarity(lower(coalesce(r.title, '')), lower(coalesce(p.title, ''))) AS title_similarity
    FROM open_rows r
    JOIN open_postmortems p
      ON r.t >= p.t - to_minutes((SELECT w FROM window_minutes))
     AND r.t <= p.t + to_minutes((SELECT w FROM window_minutes))
),
best_per_row AS (
    SELECT * FROM candidates
    WHERE same_service OR title_similarity >= 0.75 OR minutes_apart <= 15
    QUALIFY row_number() OVER (PARTITION BY row_key
                               ORDER BY same_service DESC, minutes_apart, title_similarity DESC) = 1
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
