-- One row per action item with its effective status (tracker first, then document),
-- its deadline (due date, else incident date + the SLA days of its severity: its own
-- level's, else the most severe configured level's when it is more severe than all of
-- them and that deadline is the shorter, a SEV0 under SEV1's 14 days, else the
-- default's), and
-- the incident it belongs to. The owner is person_of(the owner as written) (people:). The ticket's
-- address, the one rule every listing shows: the export's (or the document's) URL, else
-- the key itself when it is a URL, else GitHub's address for an owner/repo#N key, else
-- `jira_base_url`/browse/KEY for a Jira key. Whether it may become a link (http(s) only)
-- is decided where it is shown (metrics/safe.py link). done_at is the tracker's
-- resolution time; an item done only by the document's word has none. Overdue depends on an as-of date: see metrics/.
SELECT
    a.file_path,
    a.item_seq,
    i.incident_id,
    i.title                                                  AS incident_title,
    i.incident_date,
    i.incident_class,
    i.team,
    i.severity_level,
    i.severity_label,
    i.is_near_miss,
    a.action,
    a.action_kind,
    person_of(a.owner)                                       AS owner,
    a.owner_source,
    a.due_date,
    coalesce(a.due_date,
             i.incident_date + CAST(coalesce(s.days, CASE WHEN top.days < coalesce(sd.days, 60) THEN top.days END,
                                             sd.days, 60) AS INTEGER))
                                                             AS deadline,
    a.due_date IS NULL                                       AS deadline_from_sla,
    a.ticket,
    a.ticket_matched,
    coalesce(a.ticket_url,
             CASE WHEN regexp_full_match(coalesce(a.ticket, ''), 'https?://\S+') THEN a.ticket
                  WHEN regexp_full_match(coalesce(a.ticket, ''), '[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+#[0-9]+')
                  THEN 'https://github.com/' || replace(a.ticket, '#', '/issues/')
                  WHEN regexp_full_match(coalesce(a.ticket, ''), '[A-Z][A-Z0-9]{1,9}-[0-9]+') AND jira.value <> ''
                  THEN jira.value || '/browse/' || a.ticket END)   AS ticket_url,
    a.ticket_status,
    a.status,
    a.status_source,
    CASE WHEN a.status = 'done' THEN a.ticket_resolved_at END  AS done_at,
    CASE WHEN a.status = 'done' THEN CAST(a.ticket_resolved_at AS DATE) END AS done_on
FROM int_action_items_tracked a
JOIN mart_incidents i USING (file_path)
LEFT JOIN sla_days s  ON s.severity_level = i.severity_level
LEFT JOIN (SELECT min(severity_level) AS severity_level, arg_min(days, severity_level) AS days
           FROM sla_days WHERE severity_level IS NOT NULL) top ON i.severity_level < top.severity_level
LEFT JOIN settings jira ON jira.key = 'jira_base_url'
LEFT JOIN sla_days sd ON sd.severity_level IS NULL
