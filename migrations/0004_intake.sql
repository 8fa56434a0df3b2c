-- Monitoring intake: incidents held as drafts, the intake's settings, which incident each
-- alert group feeds, and the last state seen of each alert.

-- A draft is invisible on every public surface and notifies nobody until it is published.
ALTER TABLE incidents ADD COLUMN draft INTEGER NOT NULL DEFAULT 0;

-- One row: label names, the severity table, drafts, auto-resolution and the notify interval.
CREATE TABLE intake_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  settings TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- An alert group (Alertmanager's groupKey, or a generic alert's fingerprint) and the incident
-- it feeds now. `version` guards against two deliveries of the same group racing: a writer
-- that read an older version fails its whole batch and tries again.
CREATE TABLE intake_groups (
  group_key TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  -- when the intake last told subscribers about this incident (the flapping guard)
  last_notified_at TEXT,
  version INTEGER NOT NULL,
  updated_at TEXT NOT NULL
);

-- The last state the intake saw of each alert of an incident, so repeats change nothing.
CREATE TABLE intake_alerts (
  incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  fingerprint TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('firing', 'resolved')),
  starts_at TEXT,
  summary TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (incident_id, fingerprint)
);
