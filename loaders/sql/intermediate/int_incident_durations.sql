-- Minutes from start to detection, mitigation and resolution. A negative difference
-- (a timestamp before the start) is not a duration: mart_incidents leaves it out and
-- flags it, so the data-quality view can list it and no metric averages it in.
SELECT
    file_path,
    date_diff('second', started_at, detected_at)  / 60.0     AS raw_ttd_minutes,
    date_diff('second', started_at, mitigated_at) / 60.0     AS raw_ttm_minutes,
    date_diff('second', started_at, resolved_at)  / 60.0     AS raw_ttr_minutes
FROM int_incident_times
