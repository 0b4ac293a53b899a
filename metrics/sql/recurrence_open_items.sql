-- The action items still open (neither done nor won't do) of the earlier incidents that
-- repeats under the filters came back after (their predecessors in mart_recurrence),
-- with owner, ticket and the first repeat that followed. Overdue as of $as_of.
-- class_items: how many the class has in all; $per_class keeps each class's first
-- that many (NULL: all of them); listed: how many rows there are before $limit keeps the
-- first that many (NULL: every row).
WITH repeats AS (
    SELECT r.incident_class, r.predecessor_path,
           count(*)                                  AS repeats,
           min(r.incident_date)                      AS came_back_on,
           arg_min(i.title, r.start_ts)              AS came_back_as
    FROM mart_recurrence r
    JOIN mart_incidents i USING (file_path)
    WHERE r.is_repeat
      AND r.file_path IN (SELECT file_path FROM filtered_incidents(
          $date_from, $date_to, $teams, $services, $severities, $classes, $near_misses))
    GROUP BY r.incident_class, r.predecessor_path
)
SELECT * EXCLUDE (file_path, item_seq), count(*) OVER () AS listed
FROM (
    SELECT
        rp.incident_class                                AS class,
        a.action,
        a.owner,
        a.ticket,
        a.ticket_url,
        a.ticket_status,
        a.deadline,
        a.deadline < $as_of                              AS overdue,
        a.incident_date                                  AS earlier_date,
        a.incident_title                                 AS earlier_incident,
        rp.came_back_on,
        rp.came_back_as,
        count(*) OVER (PARTITION BY rp.incident_class)   AS class_items,
        a.file_path, a.item_seq
    FROM repeats rp
    JOIN mart_action_items a ON a.file_path = rp.predecessor_path
    WHERE a.status = 'open'
    QUALIFY $per_class IS NULL OR row_number() OVER (
        PARTITION BY rp.incident_class ORDER BY a.incident_date, a.file_path, a.item_seq) <= $per_class
)
ORDER BY class, earlier_date, file_path, item_seq
LIMIT $limit
