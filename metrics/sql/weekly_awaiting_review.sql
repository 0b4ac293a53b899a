-- Postmortems (incidents and near misses, any date up to the week's end $date_to) that
-- were not reviewed by the week's end and whose status says a review is to come
-- (mart_incidents.status_says_awaiting: a draft, in review, ...) or whose review is dated
-- after it (still awaited then), oldest first. Reviewed as in mart_incident_coverage (a
-- reviewed date, or mart_incidents.status_says_reviewed; a status with no date is taken
-- at its word).
-- listed: how many rows there are before $limit keeps the first that many (NULL: all).
SELECT
    incident_id,
    title,
    incident_date,
    CASE WHEN is_near_miss THEN 'near miss' ELSE 'incident' END   AS kind,
    severity_level,
    severity_label,
    team,
    postmortem_status,
    owner,
    written_on,
    quality_score                                                 AS quality,
    date_diff('day', incident_date, $date_to)                     AS days_since_incident,
    file_path,
    count(*) OVER ()                                              AS listed
FROM filtered_incidents(DATE '0001-01-01', $date_to, $teams, $services, $severities, $classes, $near_misses)
WHERE NOT coalesce(
    reviewed_on <= $date_to
    OR (reviewed_on IS NULL AND status_says_reviewed),
    FALSE)
  -- a postmortem with no status, or one that is the incident's state ("Resolved", "Løst")
  -- or a blog's ("publish"), says nothing about a review: not awaiting one
  -- (docs/METRICS.md, "Weekly review")
  AND (status_says_awaiting OR reviewed_on IS NOT NULL)
ORDER BY incident_date, file_path
LIMIT $limit
