-- The config's `people:` (loaders/config.py), rewritten at every load: each alias a
-- person is written as (a handle, a name, a tracker display name), normalised as the
-- marts match owners: lower case, without a leading '@'. The person's own name is one of
-- its aliases.
CREATE TABLE people (
    alias   VARCHAR,
    person  VARCHAR
);
