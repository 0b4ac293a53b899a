-- One incident: its metadata, the four timestamps with the rule that filled each, its
-- durations and its postmortem body (untrusted text: the page shows it as text only).
SELECT i.*, p.body
FROM mart_incidents i
LEFT JOIN stg_postmortems p USING (file_path)
WHERE i.file_path = $file_path
