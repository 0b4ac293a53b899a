-- One row per postmortem: what it says about the failure, as one text for "similar past
-- incidents" (loaders/similar.py): the title, summary, contributing factors and timeline
-- entries, in that order (the last two joined at ingest: the narrative column), and its
-- services (lower case) and start.
SELECT
    p.file_path,
    concat_ws(' ', p.title, p.summary, p.narrative)                                AS text,
    list_distinct(list_transform(p.services, lambda s: lower(trim(s))))            AS services,
    coalesce(tm.started_at, CAST(p.incident_date AS TIMESTAMP))                    AS start_ts
FROM int_postmortems p
LEFT JOIN int_incident_times tm USING (file_path)
