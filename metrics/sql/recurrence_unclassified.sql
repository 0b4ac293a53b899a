-- The incidents (near misses excluded) under the filters that carry no class: what they
-- say (int_incident_text: title, summary, factors, timeline) and the part a taxonomy
-- rule is matched against at load (title, summary, contributing factors), the input of
-- the suggested classes (metrics/suggest.py).
SELECT
    i.incident_id,
    i.title,
    i.incident_date,
    t.text,
    concat_ws(' ', p.title, p.summary, f.factors)            AS class_text
FROM filtered_incidents($date_from, $date_to, $teams, $services, $severities, $classes, $near_misses) i
JOIN int_incident_text t USING (file_path)
JOIN int_postmortems p USING (file_path)
LEFT JOIN (SELECT file_path, string_agg(factor, ' ' ORDER BY factor_seq) AS factors
           FROM stg_factors GROUP BY file_path) f USING (file_path)
WHERE i.incident_class = 'unclassified' AND NOT i.is_near_miss
ORDER BY i.incident_date DESC, i.file_path
