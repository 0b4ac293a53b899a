-- One row per incident in an incident-tool export (PagerDuty, FireHydrant, ...).
SELECT
    file_path || '#' || seq                                  AS row_key,
    source                                                   AS incident_source,
    id                                                       AS external_id,
    source_id,
    url,
    status,
    title,
    severity,
    severity_level,
    severity_label,
    try_strptime(started_at,      '%Y-%m-%dT%H:%M:%SZ')      AS started_at,
    try_strptime(detected_at,     '%Y-%m-%dT%H:%M:%SZ')      AS detected_at,
    try_strptime(acknowledged_at, '%Y-%m-%dT%H:%M:%SZ')      AS acknowledged_at,
    try_strptime(mitigated_at,    '%Y-%m-%dT%H:%M:%SZ')      AS mitigated_at,
    try_strptime(resolved_at,     '%Y-%m-%dT%H:%M:%SZ')      AS resolved_at,
    coalesce(services, [])                                   AS services,
    file_path
FROM raw_incidents
