-- For each of the four timestamps: how many incidents (near misses excluded) lack it,
-- and which rule filled it for the rest (docs/METRICS.md lists the rules).
SELECT timestamp, coalesce(source, 'missing') AS filled_by, count(*) AS incidents
FROM (
    SELECT 'started_at' AS timestamp, started_source AS source FROM mart_incidents WHERE NOT is_near_miss
    UNION ALL SELECT 'detected_at', detected_source FROM mart_incidents WHERE NOT is_near_miss
    UNION ALL SELECT 'mitigated_at', mitigated_source FROM mart_incidents WHERE NOT is_near_miss
    UNION ALL SELECT 'resolved_at', resolved_source FROM mart_incidents WHERE NOT is_near_miss
)
GROUP BY ALL
ORDER BY timestamp, incidents DESC
