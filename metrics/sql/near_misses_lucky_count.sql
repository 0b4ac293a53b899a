-- How many near misses under the filters have "where we got lucky" notes, and how many not.
SELECT
    count(*)                                         AS near_misses,
    count(*) FILTER (WHERE len(p.lucky) > 0)         AS with_notes
FROM filtered_incidents($date_from, $date_to, $teams, $services, $severities, $classes, $near_misses) i
JOIN stg_postmortems p USING (file_path)
WHERE i.is_near_miss
