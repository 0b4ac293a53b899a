-- One postmortem's most similar earlier postmortems (similar_incidents, loaders/similar.py),
-- best first: who they are, the score, the words and services they share, and how many
-- of their action items are still open (neither done nor won't do).
SELECT
    s.rank,
    i.incident_id,
    i.title,
    i.incident_date,
    i.incident_class,
    i.is_near_miss,
    s.score,
    s.shared_terms,
    s.shared_services,
    (SELECT count(*) FROM mart_action_items a
     WHERE a.file_path = s.similar_path AND a.status = 'open')     AS open_items,
    s.similar_path                                                  AS file_path
FROM similar_incidents s
JOIN mart_incidents i ON i.file_path = s.similar_path
WHERE s.file_path = $file_path
ORDER BY s.rank
