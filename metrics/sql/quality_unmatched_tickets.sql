SELECT incident_id, action, ticket, status, file_path FROM mart_unmatched_tickets ORDER BY incident_id
