-- One row per postmortem: what it says about the failure, as one text for "similar past
-- incidents" (loaders/similar.py): the title, summary, contributing factors and timeline
-- entries, in that order, and its services (lower case) and start.
SELECT
    p.file_path,
    concat_ws(' ', p.title, p.summary, f.factors, t.entries)                       AS text,
    list_distinct(list_transform(p.services, lambda s: lower(trim(s))))            AS services,
    coalesce(tm.started_at, CAST(p.incident_date AS TIMESTAMP))                    AS start_ts
FROM int_postmortems p
LEFT JOIN (SELECT file_path, string_agg(factor, ' ' ORDER BY factor_seq) AS factors
           FROM stg_factors GROUP BY file_path) f USING (file_path)
LEFT JOIN (SELECT file_path, string_agg(text, ' ' ORDER BY entry_seq) AS entries
           FROM stg_timeline GROUP BY file_path) t USING (file_path)
LEFT JOIN int_incident_times tm USING (file_path)
