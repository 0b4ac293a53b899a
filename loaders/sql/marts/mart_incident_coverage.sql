-- Every incident Hindsight knows of, from postmortems and incident-tool exports
-- together, and whether it has a postmortem: one row per postmortem (near misses
-- excluded) plus one per export row that matched no postmortem. coverage_key: the
-- postmortem's file, or the export row (file#row).
SELECT
    i.file_path                                AS coverage_key,
    i.incident_id,
    i.title,
    i.incident_date,
    i.team,
    i.severity_level,
    i.severity_label,
    TRUE                                       AS has_postmortem,
    i.postmortem_status,
    i.reviewed_on IS NOT NULL OR i.status_says_reviewed AS is_reviewed,
    i.resolved_at,
    i.days_to_postmortem,
    i.days_to_review,
    i.export_source                            AS incident_source,
    i.file_path
FROM mart_incidents i
WHERE NOT i.is_near_miss
UNION ALL
SELECT
    r.row_key,
    coalesce(r.source_id, r.external_id),
    r.title,
    CAST(coalesce(r.started_at, r.detected_at) AS DATE),
    'unassigned',
    r.severity_level,
    r.severity_label,
    FALSE,
    NULL,
    FALSE,
    r.resolved_at,
    NULL,
    NULL,
    r.incident_source,
    r.file_path
FROM stg_incident_rows r
WHERE r.row_key NOT IN (SELECT export_row_key FROM mart_incidents WHERE export_row_key IS NOT NULL)
