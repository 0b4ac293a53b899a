-- The newest incident or near miss date under the filters (any period): where a week
-- with something to review can be found.
SELECT max(incident_date)
FROM filtered_incidents(DATE '0001-01-01', DATE '9999-12-31', $teams, $services, $severities, $classes, $near_misses)
