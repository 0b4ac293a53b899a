-- One row per incident or near miss that has a postmortem.
SELECT
    p.file_path,
    p.incident_id,
    p.title,
    coalesce(p.incident_date, CAST(t.started_at AS DATE))    AS incident_date,
    p.severity,
    p.severity_level,
    p.severity_label,
    p.postmortem_status,
    p.is_near_miss,
    coalesce(p.incident_class, 'unclassified')               AS incident_class,
    coalesce(p.teams[1], 'unassigned')                       AS team,
    p.teams,
    p.services,
    person_of(p.owner)                                       AS owner,
    t.started_at,
    t.detected_at,
    t.mitigated_at,
    t.resolved_at,
    t.started_source,
    t.detected_source,
    t.mitigated_source,
    t.resolved_source,
    t.export_source,
    t.export_row_key,
    t.export_incident_id,
    t.matched_by                                             AS export_matched_by,
    -- timestamps that run backwards are no durations: one before the start, or a
    -- resolution before the mitigation (one of the two is wrong, and which is not known,
    -- so neither counts); they are listed for a reviewer to correct
    CASE WHEN t.raw_ttd_minutes >= 0 THEN t.raw_ttd_minutes END AS ttd_minutes,
    CASE WHEN t.raw_ttm_minutes >= 0 AND NOT coalesce(t.resolved_at < t.mitigated_at, false)
         THEN t.raw_ttm_minutes END                          AS ttm_minutes,
    CASE WHEN t.raw_ttr_minutes >= 0 AND NOT coalesce(t.resolved_at < t.mitigated_at, false)
         THEN t.raw_ttr_minutes END                          AS ttr_minutes,
    (t.raw_ttd_minutes < 0 OR t.raw_ttm_minutes < 0 OR t.raw_ttr_minutes < 0
     OR t.resolved_at < t.mitigated_at)                      AS has_negative_duration,
    p.reference,
    p.written_on,
    p.reviewed_on,
    -- the document's status says its review is done (whether or not it dates it)
    lower(coalesce(p.postmortem_status, '')) IN
        ('reviewed', 'complete', 'completed', 'final', 'published', 'closed', 'done')
        OR lower(coalesce(p.postmortem_status, '')) LIKE 'complete,%'   AS status_says_reviewed,
    -- ... or that it is still to come: a draft, a review under way, in the languages the
    -- parser reads ("[draft", "Brouillon", "草稿"); any other status (an incident's state in
    -- any language, a blog's "publish") says nothing about a review
    -- (written any way a front matter writes it: "in-review", "under_review", "Review")
    regexp_matches(regexp_replace(lower(coalesce(p.postmortem_status, '')), '[-_ ]+', ' ', 'g'),
        '^[^a-z\pL]*(draft|drafting|wip|work in progress|in progress|in review|under review|ready for review'
        || '|review pending|pending review|awaiting review|needs review|to review|for review|to be reviewed'
        || '|not yet reviewed|review|reviewing|awaiting approval|pending approval|needs approval'
        || '|awaiting sign ?off|pending sign ?off|pending|open'
        || '|todo|to do|not started|incomplete|unreviewed|not reviewed|brouillon|en cours|en revue|borrador'
        || '|en revisi[oó]n|entwurf|in pr[uü]fung|in bearbeitung|rascunho|em revis[aã]o|草稿|草案|审核中'
        || '|審査中|下書き|レビュー中|작성 ?중|초안|검토 ?중)([^a-z]|$)')   AS status_says_awaiting,
    date_diff('day', CAST(t.resolved_at AS DATE), p.written_on)       AS days_to_postmortem,
    date_diff('day', CAST(t.resolved_at AS DATE), p.reviewed_on)      AS days_to_review,
    p.summary,
    p.quality_score,
    p.corrected_fields
FROM int_postmortems p
JOIN int_incident_durations t USING (file_path)   -- the times and the minutes between them
