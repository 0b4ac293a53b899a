-- One row per action item as the postmortem wrote it.
CREATE OR REPLACE VIEW stg_action_items AS
SELECT
    file_path,
    seq                                    AS item_seq,
    text                                   AS action,
    nullif(trim(owner), '')                AS doc_owner,
    try_cast(due AS DATE)                  AS due_date,
    nullif(trim(ticket), '')               AS ticket,
    coalesce(status, 'open')               AS doc_status,
    kind                                   AS action_kind,
    line
FROM raw_action_items;
