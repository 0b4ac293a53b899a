-- One row per lint finding (loaders/lint.py): what a reviewer would flag in a
-- postmortem as written, with the rule, the line and the fix. A blameful sentence's
-- words are in finding_text.
SELECT
    file_path,
    seq                                                      AS finding_seq,
    rule,
    line,
    level,
    message,
    hint,
    text                                                     AS finding_text
FROM raw_findings
