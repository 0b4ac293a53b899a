-- One row per postmortem with what the blameless practice's six mistakes are measured on
-- (docs/METRICS.md, "Practice health"): its blameful sentences (loaders/lint.py), its
-- action items, those with no ticket and those whose ticket no loaded tracker export
-- holds, its contributing factors, and its quality score (0-100, loaders/lint.py).
-- Days from resolution to write-up is mart_incidents.days_to_postmortem.
-- The four mistakes judged per postmortem are flags here, their one home: the signals'
-- counts (metrics/sql/practice_counts.sql) and the listing behind each signal
-- (metrics/practice.py) both read them. Near misses are not held to having action items
-- or several causes.
WITH blame AS (
    SELECT file_path, count(*) AS blameful_sentences
    FROM stg_findings
    WHERE rule = 'blame'
    GROUP BY ALL
),
items AS (
    SELECT file_path,
           count(*)                                                   AS action_items,
           count(*) FILTER (WHERE ticket IS NULL)                     AS items_without_ticket,
           count(*) FILTER (WHERE ticket IS NOT NULL AND NOT ticket_matched) AS items_ticket_not_found
    FROM mart_action_items
    GROUP BY ALL
),
factors AS (
    SELECT file_path, count(*) AS contributing_factors
    FROM stg_factors
    GROUP BY ALL
)
SELECT
    i.file_path,
    i.incident_id,
    i.title,
    i.incident_date,
    i.team,
    i.severity_level,
    i.severity_label,
    i.incident_class,
    i.services,
    i.is_near_miss,
    coalesce(b.blameful_sentences, 0)                        AS blameful_sentences,
    coalesce(a.action_items, 0)                              AS action_items,
    coalesce(a.items_without_ticket, 0)                      AS items_without_ticket,
    coalesce(a.items_ticket_not_found, 0)                    AS items_ticket_not_found,
    coalesce(f.contributing_factors, 0)                      AS contributing_factors,
    i.quality_score,
    i.days_to_postmortem,
    coalesce(b.blameful_sentences, 0) > 0                                     AS is_blameful,
    NOT i.is_near_miss AND coalesce(a.action_items, 0) = 0                     AS lists_no_actions,
    coalesce(a.items_without_ticket, 0) + coalesce(a.items_ticket_not_found, 0) > 0 AS has_untracked_items,
    NOT i.is_near_miss AND coalesce(f.contributing_factors, 0) < 2             AS has_single_cause
FROM mart_incidents i
LEFT JOIN blame b USING (file_path)
LEFT JOIN items a USING (file_path)
LEFT JOIN factors f USING (file_path)
