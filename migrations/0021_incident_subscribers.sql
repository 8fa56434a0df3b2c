-- Subscribers following one incident (or maintenance), as Statuspage's "incident subscribers":
-- each hears every event of the incidents it follows, besides what else it follows. One that
-- follows only incidents has everything = 0 and no components or areas.
CREATE TABLE subscriber_incidents (
  subscriber_id TEXT NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
  incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  PRIMARY KEY (subscriber_id, incident_id)
);
CREATE INDEX subscriber_incidents_by_incident ON subscriber_incidents (incident_id, subscriber_id);
