-- Ops alerts raised by the clock (update overdue, ETA passed, resolution disputed): one row per
-- alert, whose id is derived from (event type, incident, episode) so that an alert fires once
-- per episode however many cron runs see it; and one row per channel it is sent on (the
-- webhook at OPS_WEBHOOK_URL, the address at OPS_EMAIL), whose id is the webhook-id.

CREATE TABLE ops_alerts (
  id TEXT PRIMARY KEY,
  event_type TEXT NOT NULL,
  incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  -- what makes this episode itself: e.g. the missed next_update_at, the passed ETA
  episode TEXT NOT NULL,
  -- the message, built once when the alert was raised
  message TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX ops_alerts_by_incident ON ops_alerts (incident_id, created_at);
CREATE INDEX ops_alerts_by_time ON ops_alerts (created_at);

CREATE TABLE ops_alert_sends (
  id TEXT PRIMARY KEY,
  alert_id TEXT NOT NULL REFERENCES ops_alerts (id) ON DELETE CASCADE,
  channel TEXT NOT NULL CHECK (channel IN ('webhook', 'email')),
  target TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_status_code INTEGER,
  last_error TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  sent_at TEXT,
  UNIQUE (alert_id, channel)
);
CREATE INDEX ops_alert_sends_by_status ON ops_alert_sends (status, updated_at);
