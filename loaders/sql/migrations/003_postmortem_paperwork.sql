-- When a postmortem was written and reviewed (front matter `written:` / `reviewed:`, or
-- a "Written:" / "Reviewed:" metadata key): postmortem timeliness is measured from the
-- incident's resolution to these days.
ALTER TABLE raw_postmortems ADD COLUMN written_on VARCHAR;
ALTER TABLE raw_postmortems ADD COLUMN reviewed_on VARCHAR;
