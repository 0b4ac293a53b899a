-- One row per contributing factor, in the document's order.
SELECT
    file_path,
    seq                                                      AS factor_seq,
    text                                                     AS factor
FROM raw_factors
