-- Each postmortem's four timestamps (int_incident_times, every column) with the minutes
-- from start to detection, mitigation and resolution. A negative difference (a
-- timestamp before the start) is not a duration: mart_incidents leaves it out and flags
-- it, so the data-quality view can list it and no metric averages it in. (mart_incidents
-- reads the times from here, not from int_incident_times as well: a second read of that
-- view matched every export row twice and doubled the mart's memory at 100,000.)
SELECT
    t.*,
    date_diff('second', t.started_at, t.detected_at)  / 60.0     AS raw_ttd_minutes,
    date_diff('second', t.started_at, t.mitigated_at) / 60.0     AS raw_ttm_minutes,
    date_diff('second', t.started_at, t.resolved_at)  / 60.0     AS raw_ttr_minutes
FROM int_incident_times t
