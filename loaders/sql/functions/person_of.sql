-- person_of(name): the person the config's `people:` names for an alias (a handle, a name
-- or a tracker display name, matched without case, a leading '@' or repeated spaces),
-- else the name as written. One rule for every owner: action items and incidents alike.
CREATE OR REPLACE MACRO person_of(name) AS coalesce(
    (SELECT any_value(pp.person) FROM people pp
     WHERE pp.alias = lower(array_to_string(string_split_regex(trim(ltrim(trim(name), '@')), '\s+'), ' '))),
    name);
