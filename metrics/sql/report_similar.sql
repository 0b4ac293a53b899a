-- Postmortems dated in [$date_from, $date_to] (incidents and near misses) with each
-- earlier postmortem they resemble at a similarity of at least $resembles
-- (similar_incidents), most similar first: the first $shown of them, each row carrying
-- how many there are in all (total).
-- $teams: an empty list is every team (`report --team`).
SELECT
    i.incident_id,
    p.incident_id                 AS similar_to,
    s.score,
    s.shared_terms,
    s.shared_services,
    count(*) OVER ()              AS total
FROM similar_incidents s
JOIN mart_incidents i ON i.file_path = s.file_path
JOIN mart_incidents p ON p.file_path = s.similar_path
WHERE i.incident_date BETWEEN $date_from AND $date_to
  AND (len($teams) = 0 OR list_contains($teams, i.team)) AND s.score >= $resembles
ORDER BY s.score DESC, i.incident_id, p.incident_id
LIMIT $shown
