-- One row per incident (near misses excluded): is it a repeat of an earlier incident of
-- the same class that started at most recurrence_window_days before it, which one (the
-- most recent), how many days since, and was that predecessor "fixed": it had at least
-- one action item and every item not marked wont_do was done before this one started.
-- An item done by the document's word alone (no tracker date) counts as done in time.
-- Start is started_at, else midnight of the incident date.
WITH window_days AS (
    SELECT coalesce(try_cast((SELECT value FROM settings WHERE key = 'recurrence_window_days') AS INTEGER),
                    90) AS days
),
inc AS (
    SELECT file_path, incident_id, incident_class, incident_date, team,
           coalesce(started_at, CAST(incident_date AS TIMESTAMP)) AS start_ts
    FROM mart_incidents
    WHERE NOT is_near_miss AND coalesce(started_at, CAST(incident_date AS TIMESTAMP)) IS NOT NULL
),
predecessor AS (
    SELECT x.file_path, y.file_path AS predecessor_path, y.incident_id AS predecessor_id,
           y.start_ts AS predecessor_start
    FROM inc x
    JOIN inc y
      ON y.incident_class = x.incident_class
     AND y.start_ts < x.start_ts
     AND y.start_ts >= x.start_ts - to_days((SELECT days FROM window_days))
    QUALIFY row_number() OVER (PARTITION BY x.file_path ORDER BY y.start_ts DESC, y.file_path) = 1
),
fixed AS (
    SELECT p.file_path,
           count(a.item_seq) > 0 AND count(a.item_seq) FILTER (
               WHERE a.status <> 'wont_do'
                 AND NOT (a.status = 'done' AND (a.done_at IS NULL OR a.done_at < x.start_ts))) = 0
               AS predecessor_fixed
    FROM predecessor p
    JOIN inc x USING (file_path)
    LEFT JOIN mart_action_items a ON a.file_path = p.predecessor_path
    GROUP BY p.file_path
)
SELECT
    x.file_path,
    x.incident_id,
    x.incident_class,
    x.incident_date,
    x.team,
    x.start_ts,
    p.predecessor_path IS NOT NULL                                     AS is_repeat,
    p.predecessor_id,
    p.predecessor_path,
    date_diff('second', p.predecessor_start, x.start_ts) / 86400.0     AS days_since_predecessor,
    coalesce(f.predecessor_fixed, FALSE)                               AS repeat_after_fix
FROM inc x
LEFT JOIN predecessor p USING (file_path)
LEFT JOIN fixed f USING (file_path)
