-- One incident's timeline entries in document order (stg_timeline); event names what
-- the parser read the entry as (detected, mitigated, ...), when it read one.
SELECT
    entry_seq + 1                                             AS "#",
    occurred_at                                               AS "time (UTC)",
    event,
    text,
    line
FROM stg_timeline
WHERE file_path = $file_path
ORDER BY entry_seq
