-- Raw tables: what the parsers returned, as strings, one row per record.
-- Staging views cast; nothing here is interpreted. Every row names the file it came
-- from so that a changed or deleted file's rows can be replaced or removed.

CREATE TABLE files (
    path          VARCHAR PRIMARY KEY,
    size          BIGINT,
    mtime_ns      BIGINT,
    sha256        VARCHAR,
    kind          VARCHAR,        -- postmortem | tracker_export | incident_export | unknown
    source        VARCHAR,        -- jira | github | linear | pagerduty | ... (exports)
    records       INTEGER,
    errors        INTEGER,
    warnings      INTEGER,
    loaded_at     TIMESTAMP,
    run_id        INTEGER
);

CREATE TABLE ingest_runs (
    run_id        INTEGER PRIMARY KEY,
    started_at    TIMESTAMP,
    finished_at   TIMESTAMP,
    full_reload   BOOLEAN,
    files_seen    INTEGER,
    parsed        INTEGER,
    unchanged     INTEGER,
    removed       INTEGER,
    failed        INTEGER,
    problems      INTEGER,
    config_path   VARCHAR
);

CREATE TABLE ingest_problems (
    file_path     VARCHAR,
    line          INTEGER,
    level         VARCHAR,        -- error (data lost) | warning (a documented guess)
    message       VARCHAR,
    run_id        INTEGER
);

CREATE TABLE raw_postmortems (
    file_path         VARCHAR,
    id                VARCHAR,
    title             VARCHAR,
    date              VARCHAR,
    severity          VARCHAR,
    severity_level    INTEGER,
    status            VARCHAR,
    near_miss         BOOLEAN,
    incident_class    VARCHAR,
    started_at        VARCHAR,
    detected_at       VARCHAR,
    mitigated_at      VARCHAR,
    resolved_at       VARCHAR,
    started_source    VARCHAR,
    detected_source   VARCHAR,
    mitigated_source  VARCHAR,
    resolved_source   VARCHAR,
    owner             VARCHAR,
    teams             VARCHAR[],
    services          VARCHAR[],
    reference         VARCHAR,
    summary           VARCHAR,
    went_well         VARCHAR[],
    went_wrong        VARCHAR[],
    lucky             VARCHAR[],
    body              VARCHAR
);

CREATE TABLE raw_timeline (
    file_path     VARCHAR,
    seq           INTEGER,
    occurred_at   VARCHAR,
    text          VARCHAR,
    line          INTEGER,
    event         VARCHAR
);

CREATE TABLE raw_factors (
    file_path     VARCHAR,
    seq           INTEGER,
    text          VARCHAR
);

CREATE TABLE raw_action_items (
    file_path     VARCHAR,
    seq           INTEGER,
    text          VARCHAR,
    owner         VARCHAR,
    due           VARCHAR,
    ticket        VARCHAR,
    status        VARCHAR,
    kind          VARCHAR,
    line          INTEGER
);

CREATE TABLE raw_tickets (
    file_path        VARCHAR,
    seq              INTEGER,
    source           VARCHAR,
    key              VARCHAR,
    title            VARCHAR,
    status           VARCHAR,
    status_category  VARCHAR,
    assignee         VARCHAR,
    created_at       VARCHAR,
    resolved_at      VARCHAR,
    due              VARCHAR,
    labels           VARCHAR[],
    url              VARCHAR
);

CREATE TABLE raw_incidents (
    file_path        VARCHAR,
    seq              INTEGER,
    source           VARCHAR,
    id               VARCHAR,
    title            VARCHAR,
    severity         VARCHAR,
    started_at       VARCHAR,
    detected_at      VARCHAR,
    acknowledged_at  VARCHAR,
    mitigated_at     VARCHAR,
    resolved_at      VARCHAR,
    services         VARCHAR[]
);

-- Settings the views need, written from hindsight.yaml by every ingest.
CREATE TABLE settings (
    key    VARCHAR PRIMARY KEY,
    value  VARCHAR
);

CREATE TABLE sla_days (
    severity_level  INTEGER,        -- NULL: the default for every other level
    days            INTEGER
);
