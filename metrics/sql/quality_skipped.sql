-- Files read and found not to be incidents (templates, READMEs that hold no incident,
-- index pages), with why.
SELECT path AS file, note AS why
FROM files
WHERE kind = 'skipped'
ORDER BY path
