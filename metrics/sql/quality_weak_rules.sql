-- Timestamps filled by a fallback rather than by what the document states, for a
-- reviewer to confirm or correct: the first timeline entry taken as the start, the
-- mitigation taken as the resolution, a closed status-page issue's last update taken as
-- its resolution, the last all-is-well entry taken as the resolution. Near misses
-- excluded (no times are measured).
SELECT incident_id, incident_date, title, field, rule, file_path
FROM (
    UNPIVOT (SELECT incident_id, incident_date, title, file_path, is_near_miss,
                    started_source AS started_at, detected_source AS detected_at,
                    mitigated_source AS mitigated_at, resolved_source AS resolved_at
             FROM mart_incidents)
    ON started_at, detected_at, mitigated_at, resolved_at
    INTO NAME field VALUE rule
)
WHERE NOT is_near_miss AND rule IN ('timeline_first', 'fallback_mitigated', 'status_closed', 'timeline_full_recovery')
ORDER BY incident_date DESC, incident_id, field
