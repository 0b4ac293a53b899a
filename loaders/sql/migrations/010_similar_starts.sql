-- Each postmortem's start as loaders/similar.py last ranked it: with a horizon of the
-- HORIZON most recent earlier postmortems, a postmortem added, removed or moved shifts
-- the windows of those after it, and an update in place finds them by the old order.
ALTER TABLE similar_docs ADD COLUMN start_ts TIMESTAMP;
