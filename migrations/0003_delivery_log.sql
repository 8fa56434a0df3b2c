-- The delivery log per incident (GET /api/v1/incidents/{id}/deliveries) finds an incident's
-- events without scanning the outbox.
CREATE INDEX outbox_by_incident ON outbox (incident_id);
