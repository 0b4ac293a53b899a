-- What a period hides: incidents that pass every filter but the dates, dated before or
-- after the period; and postmortems with no date at all, which no period shows.
SELECT
    count(*) FILTER (WHERE incident_date < $date_from)                         AS before,
    count(*) FILTER (WHERE incident_date > $date_to)                           AS after,
    (SELECT count(*) FROM mart_incidents WHERE incident_date IS NULL)          AS undated
FROM filtered_incidents(DATE '0001-01-01', DATE '9999-12-31', $teams, $services, $severities,
                        $classes, $near_misses)
