-- One row per incident (near misses excluded): is it a repeat, the same failure coming
-- back? A repeat has an earlier incident (the most recent such) that started at most
-- recurrence_window_days before it and shares its recurrence key (settings
-- recurrence_key): its class and a service ('class+service', the default; components are
-- read as services), its class and team ('class+team'), or its class alone ('class').
-- 'unclassified' never recurs with itself: having no class is not a shared failure.
-- repeat_after_fix: the predecessor had at least one prevent-kind item (kind 'prevent', or
-- no kind given) and each of them was done before this one started (won't-do aside); an
-- item done by the document's word alone (no tracker date) counts as done in time.
-- shared_services: the services the two have in common. Start is started_at, else
-- midnight of the incident date.
WITH setting AS (
    SELECT coalesce(try_cast((SELECT value FROM settings WHERE key = 'recurrence_window_days') AS INTEGER),
                    90)                                                           AS days,
           coalesce((SELECT value FROM settings WHERE key = 'recurrence_key'), 'class+service') AS rkey
),
inc AS (
    SELECT file_path, incident_id, incident_class, incident_date, team,
           list_distinct(list_transform(coalesce(services, []), lambda s: lower(trim(s))))  AS services,
           coalesce(started_at, CAST(incident_date AS TIMESTAMP)) AS start_ts
    FROM mart_incidents
    WHERE NOT is_near_miss AND coalesce(started_at, CAST(incident_date AS TIMESTAMP)) IS NOT NULL
),
-- The most recent earlier incident sharing a key is an as-of join: each incident's keys
-- (its class and team, its class alone, or its class and each of its services) find the
-- latest earlier row with the same key, in n log n (a join on the class and the window
-- compared every pair of a class: 33 s at 100,000 incidents). ord orders by start, and
-- among equal starts by path (the smaller path ranks later, so it wins a tie); an
-- incident looks only before the first ord of its own start, so never at an equal one.
ordered AS (
    SELECT *, min(ord) OVER (PARTITION BY start_ts) AS first_ord
    FROM (SELECT *, row_number() OVER (ORDER BY start_ts, file_path DESC) AS ord FROM inc)
),
keys AS (
    SELECT o.file_path, o.ord, o.first_ord,
           unnest(CASE s.rkey
                      WHEN 'class' THEN [o.incident_class]
                      WHEN 'class+team' THEN [o.incident_class || chr(31) || o.team]
                      ELSE list_transform(o.services, lambda v: o.incident_class || chr(31) || v)
                  END) AS k
    FROM ordered o, setting s
    WHERE o.incident_class <> 'unclassified'
),
nearest AS (
    SELECT x.file_path, y.file_path AS predecessor_path
    FROM keys x
    ASOF JOIN keys y ON x.k = y.k AND x.first_ord > y.ord
    QUALIFY row_number() OVER (PARTITION BY x.file_path ORDER BY y.ord DESC) = 1
),
predecessor AS (   -- the nearest, if it is within the window (any other is further back)
    SELECT * FROM (
        SELECT n.file_path, y.file_path AS predecessor_path, y.incident_id AS predecessor_id,
               y.start_ts AS predecessor_start, list_intersect(x.services, y.services) AS shared_services,
               x.start_ts - to_days(s.days) AS window_from
        FROM nearest n
        JOIN inc x ON x.file_path = n.file_path
        JOIN inc y ON y.file_path = n.predecessor_path
        CROSS JOIN setting s
    )
    WHERE predecessor_start >= window_from
),
fixed AS (
    SELECT p.file_path,
           count(a.item_seq) FILTER (WHERE a.status <> 'wont_do') > 0 AND count(a.item_seq) FILTER (
               WHERE a.status <> 'wont_do'
                 AND NOT (a.status = 'done' AND (a.done_at IS NULL OR a.done_at < x.start_ts))) = 0
               AS predecessor_fixed
    FROM predecessor p
    JOIN inc x USING (file_path)
    LEFT JOIN mart_action_items a
           ON a.file_path = p.predecessor_path AND coalesce(a.action_kind, 'prevent') = 'prevent'
    GROUP BY p.file_path
)
SELECT
    x.file_path,
    x.incident_id,
    x.incident_class,
    x.incident_date,
    x.team,
    x.services,
    x.start_ts,
    p.predecessor_path IS NOT NULL                                     AS is_repeat,
    p.predecessor_id,
    p.predecessor_path,
    p.shared_services,
    date_diff('second', p.predecessor_start, x.start_ts) / 86400.0     AS days_since_predecessor,
    coalesce(f.predecessor_fixed, FALSE)                               AS repeat_after_fix
FROM inc x
LEFT JOIN predecessor p USING (file_path)
LEFT JOIN fixed f USING (file_path)
