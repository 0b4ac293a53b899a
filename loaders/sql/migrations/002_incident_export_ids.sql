-- Incident-tool exports carry two ids: the one people quote (PagerDuty's incident
-- number, incident.io's INC-77) and the tool's own (PagerDuty's P1ABCDE), which is what
-- postmortems usually link to. Keep both, with the incident's URL and status.
ALTER TABLE raw_incidents ADD COLUMN source_id VARCHAR;
ALTER TABLE raw_incidents ADD COLUMN url VARCHAR;
ALTER TABLE raw_incidents ADD COLUMN status VARCHAR;
