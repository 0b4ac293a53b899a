-- The dashboard's filters, applied in one place. Every page's query reads incidents and
-- action items through these macros, with the sidebar's values as parameters:
-- a date range on the incident date, teams, services, severity levels and classes (an
-- empty list means all), and whether near misses are included.
CREATE OR REPLACE MACRO filtered_incidents(f_from, f_to, f_teams, f_services, f_severities, f_classes, f_near) AS TABLE
SELECT *
FROM mart_incidents
WHERE incident_date BETWEEN f_from AND f_to
  AND (len(f_teams) = 0 OR list_contains(f_teams, team))
  AND (len(f_services) = 0 OR list_has_any(f_services, services))
  AND (len(f_severities) = 0 OR list_contains(f_severities, severity_label))
  AND (len(f_classes) = 0 OR list_contains(f_classes, incident_class))
  AND (f_near OR NOT is_near_miss);

CREATE OR REPLACE MACRO filtered_action_items(f_from, f_to, f_teams, f_services, f_severities, f_classes, f_near) AS TABLE
SELECT a.*
FROM mart_action_items a
WHERE a.file_path IN (
    SELECT file_path FROM filtered_incidents(f_from, f_to, f_teams, f_services, f_severities, f_classes, f_near));

-- What each filtered action item counts as on as_of: the one home of the rules of
-- docs/METRICS.md, "Action items in a report" and "Closing at equal age". overdue =
-- open and deadline < as_of; on time = done on or before the deadline (a done item with
-- no tracker date counts as on time); due_or_done (the on-time denominator) = done, or
-- open with deadline < as_of. Won't-do items are in neither. A wish: won't-do aside,
-- an item missing an owner, a due date or a ticket. Equal-age completion
-- (docs/METRICS.md, "Closing at equal age") reads close_known: won't-do aside, of an
-- incident up to as_of, and not done without a close date (the document's word alone,
-- done_undated, which no one can time); age_of_incident and days_to_close are in days
-- (metrics/sql/actions_within_days.sql counts them against its window).
CREATE OR REPLACE MACRO counted_action_items(f_from, f_to, f_teams, f_services, f_severities, f_classes, f_near,
                                             as_of) AS TABLE
SELECT
    a.*,
    strftime(a.incident_date, '%Y-%m')                                     AS month,
    a.status = 'done'                                                      AS is_done,
    a.status = 'open'                                                      AS is_open,
    a.status = 'wont_do'                                                   AS is_wont_do,
    a.status = 'open' AND a.deadline < as_of                               AS is_overdue,
    a.status = 'done' AND (a.done_on IS NULL OR a.done_on <= a.deadline)   AS is_on_time,
    a.status = 'done' OR (a.status = 'open' AND a.deadline < as_of)        AS is_due_or_done,
    CASE WHEN a.status = 'open' AND a.deadline < as_of
         THEN date_diff('day', a.deadline, as_of) END                      AS days_overdue,
    CASE WHEN a.status = 'open'
         THEN date_diff('day', a.incident_date, as_of) END                 AS age_days,
    a.status <> 'wont_do'
        AND (a.owner IS NULL OR a.due_date IS NULL OR a.ticket IS NULL)    AS is_wish,
    a.status <> 'wont_do' AND a.incident_date <= as_of
        AND NOT (a.status = 'done' AND a.done_on IS NULL)                  AS close_known,
    a.status = 'done' AND a.done_on IS NULL AND a.incident_date <= as_of  AS done_undated,
    date_diff('day', a.incident_date, as_of)                               AS age_of_incident,
    date_diff('day', a.incident_date, a.done_on)                           AS days_to_close
FROM filtered_action_items(f_from, f_to, f_teams, f_services, f_severities, f_classes, f_near) a;

-- Whether an incident-tool export covers a period: a row of one dated in it, dated as
-- mart_incident_coverage dates it. Without one, every incident known in the period has a
-- postmortem by construction, and postmortem coverage there measures nothing.
CREATE OR REPLACE MACRO exports_cover(f_from, f_to) AS (
    SELECT count(*) > 0 FROM stg_incident_rows
    WHERE CAST(coalesce(started_at, detected_at) AS DATE) BETWEEN f_from AND f_to);
