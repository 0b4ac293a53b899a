-- The four timestamps of each postmortem's incident, with the matched incident-export
-- row filling the ones the document does not state (never overwriting one it does).
-- A resolution the parser only inferred from the mitigation time gives way to the
-- export's. *_source says where each came from: docs/METRICS.md lists the rules.
SELECT
    p.file_path,
    m.matched_by,
    r.row_key                                                         AS export_row_key,
    r.incident_source                                                 AS export_source,
    coalesce(r.source_id, r.external_id)                              AS export_incident_id,
    coalesce(p.started_at, r.started_at)                              AS started_at,
    CASE WHEN p.started_at IS NOT NULL THEN p.started_source
         WHEN r.started_at IS NOT NULL THEN 'incident_export:' || r.incident_source END AS started_source,
    coalesce(p.detected_at, r.detected_at)                            AS detected_at,
    CASE WHEN p.detected_at IS NOT NULL THEN p.detected_source
         WHEN r.detected_at IS NOT NULL THEN 'incident_export:' || r.incident_source END AS detected_source,
    coalesce(p.mitigated_at, r.mitigated_at)                          AS mitigated_at,
    CASE WHEN p.mitigated_at IS NOT NULL THEN p.mitigated_source
         WHEN r.mitigated_at IS NOT NULL THEN 'incident_export:' || r.incident_source END AS mitigated_source,
    CASE WHEN p.resolved_source = 'fallback_mitigated' AND r.resolved_at IS NOT NULL THEN r.resolved_at
         ELSE coalesce(p.resolved_at, r.resolved_at) END              AS resolved_at,
    CASE WHEN p.resolved_at IS NOT NULL AND NOT (p.resolved_source = 'fallback_mitigated' AND r.resolved_at IS NOT NULL)
              THEN p.resolved_source
         WHEN r.resolved_at IS NOT NULL THEN 'incident_export:' || r.incident_source END AS resolved_source
FROM int_postmortems p
LEFT JOIN int_incident_matches m USING (file_path)
LEFT JOIN stg_incident_rows r ON r.row_key = m.row_key
