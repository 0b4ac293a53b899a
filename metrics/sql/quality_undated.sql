-- Postmortems with no date (none in the document, its front matter or its timeline):
-- loaded, but on no chart, since every chart and figure is bounded by dates.
SELECT incident_id, title, file_path AS file
FROM mart_incidents
WHERE incident_date IS NULL
ORDER BY file_path
