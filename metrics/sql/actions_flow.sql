-- Action items opened and closed per month of the period, under the other filters.
-- Opened: the item's incident date (an item is written with its postmortem). Closed:
-- the tracker's resolution date (done_on) in the period, whatever the incident's date;
-- an item done by the document's word alone has no date and is counted apart.
WITH opened AS (
    SELECT strftime(incident_date, '%Y-%m') AS month, count(*) AS n
    FROM filtered_action_items($date_from, $date_to, $teams, $services, $severities, $classes, $near_misses)
    GROUP BY ALL
),
closed AS (
    SELECT strftime(done_on, '%Y-%m') AS month, count(*) AS n
    FROM filtered_action_items(DATE '0001-01-01', $date_to, $teams, $services, $severities, $classes, $near_misses)
    WHERE status = 'done' AND done_on BETWEEN $date_from AND $date_to
    GROUP BY ALL
)
SELECT coalesce(o.month, c.month) AS month, coalesce(o.n, 0) AS opened, coalesce(c.n, 0) AS closed
FROM opened o
FULL OUTER JOIN closed c USING (month)
ORDER BY month
