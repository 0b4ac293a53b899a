-- One row per incident in an incident-tool export (PagerDuty, FireHydrant, ...).
CREATE OR REPLACE VIEW stg_incident_rows AS
SELECT
    source                                                   AS incident_source,
    id                                                       AS external_id,
    title,
    severity,
    try_strptime(started_at,      '%Y-%m-%dT%H:%M:%SZ')      AS started_at,
    try_strptime(detected_at,     '%Y-%m-%dT%H:%M:%SZ')      AS detected_at,
    try_strptime(acknowledged_at, '%Y-%m-%dT%H:%M:%SZ')      AS acknowledged_at,
    try_strptime(mitigated_at,    '%Y-%m-%dT%H:%M:%SZ')      AS mitigated_at,
    try_strptime(resolved_at,     '%Y-%m-%dT%H:%M:%SZ')      AS resolved_at,
    coalesce(services, [])                                   AS services,
    file_path
FROM raw_incidents;
