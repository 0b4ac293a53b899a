-- Each postmortem's contributing factors and timeline entries as one text (records.py,
-- Postmortem.narrative), for int_incident_text: aggregating every factor and entry in
-- SQL was the ingest's largest memory need at 100,000 postmortems (over 192 MB). Rows
-- loaded before this migration have none until the next ingest, which re-reads every
-- file anyway, because the loaders' version changed with this column.
ALTER TABLE raw_postmortems ADD COLUMN narrative VARCHAR;
