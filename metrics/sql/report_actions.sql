-- Action items of every incident and near miss dated in [$date_from, $date_to], as of
-- $as_of. A done item with no tracker date counts as done on time (the document's word).
-- $teams: an empty list is every team (`report --team`).
SELECT
    count(*)                                                                  AS total,
    count(*) FILTER (WHERE status = 'done')                                   AS done,
    count(*) FILTER (WHERE status = 'open')                                   AS open,
    count(*) FILTER (WHERE status = 'wont_do')                                AS wont_do,
    count(*) FILTER (WHERE status = 'open' AND deadline < $as_of)             AS overdue,
    count(*) FILTER (WHERE status = 'done' AND (done_on IS NULL OR done_on <= deadline)) AS done_on_time,
    count(*) FILTER (WHERE status = 'done' OR (status = 'open' AND deadline < $as_of))   AS due_or_done,
    count(*) FILTER (WHERE owner IS NULL)                                     AS without_owner,
    count(*) FILTER (WHERE due_date IS NULL)                                  AS without_due
FROM mart_action_items
WHERE incident_date BETWEEN $date_from AND $date_to
  AND (len($teams) = 0 OR list_contains($teams, team))
