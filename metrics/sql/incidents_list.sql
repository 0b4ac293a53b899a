-- The incidents (and near misses, when the filter includes them) under the filters,
-- newest first, narrowed by search terms: every term in $terms (lower-case words) must
-- occur in one of title, id, summary, class, team(s) or services. Fields are joined by a
-- newline, which no term contains, so a term never matches across two fields.
-- quality: the postmortem's quality score (0-100, loaders/lint.py). listed: how many rows
-- there are before $limit keeps the first that many (NULL: all).
SELECT
    i.incident_date                                           AS date,
    i.incident_id                                             AS id,
    i.title,
    i.severity,
    i.incident_class                                          AS class,
    i.team,
    array_to_string(i.services, ', ')                         AS services,
    i.is_near_miss                                            AS near_miss,
    i.postmortem_status                                       AS status,
    i.ttd_minutes                                             AS ttd_min,
    i.ttr_minutes                                             AS ttr_min,
    (SELECT count(*) FROM mart_action_items a
      WHERE a.file_path = i.file_path AND a.status = 'open')  AS open_items,
    i.quality_score                                           AS quality,
    i.file_path,
    count(*) OVER ()                                          AS listed
FROM filtered_incidents($date_from, $date_to, $teams, $services, $severities, $classes, $near_misses) i
WHERE len($terms) = 0
   OR list_bool_and(list_transform($terms, lambda t: contains(lower(concat_ws(chr(10),
          i.title, i.incident_id, i.summary, i.incident_class, i.team,
          array_to_string(i.teams, chr(10)), array_to_string(i.services, chr(10)))), t)))
ORDER BY i.incident_date DESC, i.started_at DESC NULLS LAST, i.incident_id
LIMIT $limit
