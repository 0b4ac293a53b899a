-- The dashboard's filters, applied in one place. Every page's query reads incidents and
-- action items through these macros, with the sidebar's values as parameters:
-- a date range on the incident date, teams, services, severity levels and classes (an
-- empty list means all), and whether near misses are included.
CREATE OR REPLACE MACRO filtered_incidents(f_from, f_to, f_teams, f_services, f_severities, f_classes, f_near) AS TABLE
SELECT *
FROM mart_incidents
WHERE incident_date BETWEEN f_from AND f_to
  AND (len(f_teams) = 0 OR list_contains(f_teams, team))
  AND (len(f_services) = 0 OR list_has_any(f_services, services))
  AND (len(f_severities) = 0 OR list_contains(f_severities, severity_label))
  AND (len(f_classes) = 0 OR list_contains(f_classes, incident_class))
  AND (f_near OR NOT is_near_miss);

CREATE OR REPLACE MACRO filtered_action_items(f_from, f_to, f_teams, f_services, f_severities, f_classes, f_near) AS TABLE
SELECT a.*
FROM mart_action_items a
WHERE a.file_path IN (
    SELECT file_path FROM filtered_incidents(f_from, f_to, f_teams, f_services, f_severities, f_classes, f_near));
