-- One row per postmortem file: typed, renamed.
CREATE OR REPLACE VIEW stg_postmortems AS
SELECT
    file_path,
    id                                                       AS incident_id,
    title,
    try_cast(date AS DATE)                                   AS incident_date,
    severity,
    severity_level,
    status                                                   AS postmortem_status,
    coalesce(near_miss, false)                               AS is_near_miss,
    nullif(trim(incident_class), '')                         AS incident_class,
    try_strptime(started_at,   '%Y-%m-%dT%H:%M:%SZ')         AS started_at,
    try_strptime(detected_at,  '%Y-%m-%dT%H:%M:%SZ')         AS detected_at,
    try_strptime(mitigated_at, '%Y-%m-%dT%H:%M:%SZ')         AS mitigated_at,
    try_strptime(resolved_at,  '%Y-%m-%dT%H:%M:%SZ')         AS resolved_at,
    started_source,
    detected_source,
    mitigated_source,
    resolved_source,
    owner,
    coalesce(teams, [])                                      AS teams,
    coalesce(services, [])                                   AS services,
    reference,
    summary,
    coalesce(lucky, [])                                      AS lucky,
    body
FROM raw_postmortems;
