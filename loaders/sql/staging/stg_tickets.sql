-- One row per tracker ticket; a key exported twice keeps its most recently resolved /
-- created copy.
SELECT
    key                                                      AS ticket_key,
    source                                                   AS ticket_source,
    title                                                    AS ticket_title,
    status                                                   AS ticket_status,
    status_category,
    nullif(trim(assignee), '')                               AS assignee,
    try_strptime(created_at,  '%Y-%m-%dT%H:%M:%SZ')          AS created_at,
    try_strptime(resolved_at, '%Y-%m-%dT%H:%M:%SZ')          AS resolved_at,
    try_cast(due AS DATE)                                    AS due_date,
    coalesce(labels, [])                                     AS labels,
    url,
    file_path
FROM raw_tickets
WHERE key IS NOT NULL
QUALIFY row_number() OVER (
    PARTITION BY key
    ORDER BY try_strptime(resolved_at, '%Y-%m-%dT%H:%M:%SZ') DESC NULLS LAST,
             try_strptime(created_at, '%Y-%m-%dT%H:%M:%SZ') DESC NULLS LAST, file_path
) = 1
