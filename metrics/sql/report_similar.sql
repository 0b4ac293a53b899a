-- Postmortems dated in [$date_from, $date_to] (incidents and near misses) with each
-- earlier postmortem they resemble at a similarity of at least $resembles
-- (similar_incidents), most similar first: the first $shown of them, each row carrying
-- how many there are in all (total).
-- $teams: an empty list is every team (`report --team`).
-- The matches are ordered by (score, incident) and cut at twice $shown before the
-- similar postmortem's id is joined for the final order: rows sharing a (score,
-- incident) are one postmortem's similar list (at most loaders/similar.py's TOP, a
-- handful), so the cut never drops one of the first $shown, and the join and sort touch
-- a thousand rows, not every match.
WITH matches AS (
    SELECT i.incident_id, s.similar_path, s.score, s.shared_terms, s.shared_services
    FROM similar_incidents s
    JOIN mart_incidents i ON i.file_path = s.file_path
    WHERE s.score >= $resembles
      AND i.incident_date BETWEEN $date_from AND $date_to
      AND (len($teams) = 0 OR list_contains($teams, i.team))
), first_matches AS (
    SELECT * FROM matches ORDER BY score DESC, incident_id LIMIT 2 * $shown
)
SELECT
    m.incident_id,
    p.incident_id                 AS similar_to,
    m.score,
    m.shared_terms,
    m.shared_services,
    (SELECT count(*) FROM matches) AS total
FROM first_matches m
JOIN mart_incidents p ON p.file_path = m.similar_path
ORDER BY m.score DESC, m.incident_id, p.incident_id
LIMIT $shown
