-- For every postmortem, its most similar earlier postmortems (loaders/similar.py), rebuilt
-- at an ingest when the texts, services or starts it reads changed.
CREATE TABLE similar_incidents (
    file_path        VARCHAR,
    rank             INTEGER,
    similar_path     VARCHAR,
    score            DOUBLE,
    text_score       DOUBLE,
    shared_terms     VARCHAR[],
    shared_services  VARCHAR[]
);
