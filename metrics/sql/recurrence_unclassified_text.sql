-- What the postmortems at $paths say (int_incident_text: title, summary, factors,
-- timeline) and the part a taxonomy rule is matched against at load (title, summary,
-- contributing factors): the texts the suggested classes group (metrics/suggest.py).
-- int_incident_text puts every postmortem's text together (0.6 s at 100,000): this
-- runs only when enough unclassified incidents are there to group.
SELECT
    t.file_path,
    t.text,
    concat_ws(' ', p.title, p.summary, f.factors)            AS class_text
FROM int_incident_text t
JOIN int_postmortems p USING (file_path)
LEFT JOIN (SELECT file_path, string_agg(factor, ' ' ORDER BY factor_seq) AS factors
           FROM stg_factors GROUP BY file_path) f USING (file_path)
WHERE list_contains($paths, t.file_path)
