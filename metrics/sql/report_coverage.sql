-- Every incident known from postmortems or incident-tool exports, dated in
-- [$date_from, $date_to]: has it a postmortem, a reviewed one, and how many days from
-- resolution to the write-up and to the review.
-- $teams: an empty list is every team (`report --team`). exports_loaded: whether an
-- incident-tool export covers the period (a row dated in it) (with none, the share is 100% by construction).
SELECT has_postmortem, is_reviewed, days_to_postmortem, days_to_review,
       exports_cover($date_from, $date_to) AS exports_loaded
FROM mart_incident_coverage
WHERE incident_date BETWEEN $date_from AND $date_to
  AND (len($teams) = 0 OR list_contains($teams, team))
