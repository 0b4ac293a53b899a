-- What loaders/similar.py keeps to update similar_incidents in place when a few
-- postmortems change: the vocabulary and document frequencies (idf) of the last full
-- rebuild, and each postmortem's input digest and TF-IDF vector under them.
CREATE TABLE similar_terms (
    col   INTEGER,
    term  VARCHAR,
    idf   DOUBLE
);
CREATE TABLE similar_docs (
    doc        INTEGER,
    file_path  VARCHAR,
    digest     VARCHAR
);
CREATE TABLE similar_vectors (
    doc        INTEGER,
    col        INTEGER,
    weight     REAL
);
