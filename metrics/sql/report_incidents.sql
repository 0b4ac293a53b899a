-- Incidents and near misses dated in [$date_from, $date_to], with their durations.
-- $teams: an empty list is every team (`report --team`).
SELECT
    incident_class,
    is_near_miss,
    strftime(incident_date, '%Y-%m')   AS month,
    ttd_minutes,
    ttr_minutes
FROM mart_incidents
WHERE incident_date BETWEEN $date_from AND $date_to
  AND (len($teams) = 0 OR list_contains($teams, team))
