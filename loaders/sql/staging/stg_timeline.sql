SELECT
    file_path,
    seq                                                      AS entry_seq,
    try_strptime(occurred_at, '%Y-%m-%dT%H:%M:%SZ')          AS occurred_at,
    text,
    line,
    event
FROM raw_timeline
