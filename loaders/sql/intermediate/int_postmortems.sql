-- Each postmortem as the parser read it, with the reader's corrections applied: a field
-- the corrections file names for the document's id takes that value (NULL included),
-- and a corrected timestamp's rule reads 'corrected'. corrected_fields lists them all.
-- A correction applies to every file that carries the id.
WITH c AS (
    SELECT
        doc_id,
        list(field ORDER BY field)                                        AS fields,
        any_value(value) FILTER (WHERE field = 'title')                   AS title,
        any_value(value) FILTER (WHERE field = 'date')                    AS incident_date,
        any_value(value) FILTER (WHERE field = 'started_at')              AS started_at,
        any_value(value) FILTER (WHERE field = 'detected_at')             AS detected_at,
        any_value(value) FILTER (WHERE field = 'mitigated_at')            AS mitigated_at,
        any_value(value) FILTER (WHERE field = 'resolved_at')             AS resolved_at,
        any_value(value) FILTER (WHERE field = 'severity')                AS severity_level,
        any_value(label) FILTER (WHERE field = 'severity')                AS severity_label,
        any_value(value) FILTER (WHERE field = 'incident_class')          AS incident_class,
        any_value(value) FILTER (WHERE field = 'near_miss')               AS near_miss,
        any_value(value) FILTER (WHERE field = 'team')                    AS team
    FROM stg_corrections
    WHERE item_number IS NULL
    GROUP BY doc_id
)
SELECT
    p.* REPLACE (
        CASE WHEN list_contains(c.fields, 'title') THEN c.title ELSE p.title END AS title,
        CASE WHEN list_contains(c.fields, 'date') THEN try_cast(c.incident_date AS DATE)
             ELSE p.incident_date END                                                       AS incident_date,
        CASE WHEN list_contains(c.fields, 'severity') THEN c.severity_label ELSE p.severity END AS severity,
        CASE WHEN list_contains(c.fields, 'severity') THEN try_cast(c.severity_level AS INTEGER)
             ELSE p.severity_level END                                                      AS severity_level,
        CASE WHEN list_contains(c.fields, 'severity') THEN c.severity_label
             ELSE p.severity_label END                                                      AS severity_label,
        CASE WHEN list_contains(c.fields, 'near_miss') THEN coalesce(c.near_miss = 'true', false)
             ELSE p.is_near_miss END                                                        AS is_near_miss,
        CASE WHEN list_contains(c.fields, 'incident_class') THEN c.incident_class
             ELSE p.incident_class END                                                      AS incident_class,
        CASE WHEN list_contains(c.fields, 'team') AND c.team IS NOT NULL
                 THEN list_prepend(c.team, list_filter(p.teams, lambda t: t <> c.team))
             WHEN list_contains(c.fields, 'team') THEN []
             ELSE p.teams END                                                               AS teams,
        CASE WHEN list_contains(c.fields, 'started_at') THEN try_strptime(c.started_at, '%Y-%m-%dT%H:%M:%SZ')
             ELSE p.started_at END                                                          AS started_at,
        CASE WHEN list_contains(c.fields, 'detected_at') THEN try_strptime(c.detected_at, '%Y-%m-%dT%H:%M:%SZ')
             ELSE p.detected_at END                                                         AS detected_at,
        CASE WHEN list_contains(c.fields, 'mitigated_at') THEN try_strptime(c.mitigated_at, '%Y-%m-%dT%H:%M:%SZ')
             ELSE p.mitigated_at END                                                        AS mitigated_at,
        CASE WHEN list_contains(c.fields, 'resolved_at') THEN try_strptime(c.resolved_at, '%Y-%m-%dT%H:%M:%SZ')
             ELSE p.resolved_at END                                                         AS resolved_at,
        CASE WHEN list_contains(c.fields, 'started_at') THEN 'corrected' ELSE p.started_source END     AS started_source,
        CASE WHEN list_contains(c.fields, 'detected_at') THEN 'corrected' ELSE p.detected_source END   AS detected_source,
        CASE WHEN list_contains(c.fields, 'mitigated_at') THEN 'corrected' ELSE p.mitigated_source END AS mitigated_source,
        CASE WHEN list_contains(c.fields, 'resolved_at') THEN 'corrected' ELSE p.resolved_source END   AS resolved_source
    ),
    coalesce(c.fields, [])                                                                  AS corrected_fields
FROM stg_postmortems p
LEFT JOIN c ON c.doc_id = p.incident_id
