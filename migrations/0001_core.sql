-- Candor core schema: page, components, areas, incidents and maintenances, their updates,
-- ETA history, component status history, API tokens, audit log and the notification outbox.
-- Times are ISO-8601 UTC strings with milliseconds ("2026-11-23T19:02:48.000Z"), so they sort
-- as text.

CREATE TABLE page_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  page_id TEXT NOT NULL,
  name TEXT,
  time_zone TEXT NOT NULL DEFAULT 'Etc/UTC',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Statuspage models a group as a component with group = true; so do we.
CREATE TABLE components (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT,
  status TEXT NOT NULL DEFAULT 'operational' CHECK (status IN
    ('operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance')),
  position INTEGER NOT NULL,
  is_group INTEGER NOT NULL DEFAULT 0,
  group_id TEXT REFERENCES components (id),
  showcase INTEGER NOT NULL DEFAULT 1,
  only_show_if_degraded INTEGER NOT NULL DEFAULT 0,
  start_date TEXT,
  help_url TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX components_name ON components (is_group, name COLLATE NOCASE);
CREATE INDEX components_group ON components (group_id, position);

-- Every status a component has had, for the 90-day bars and uptime.
CREATE TABLE component_status_changes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  component_id TEXT NOT NULL REFERENCES components (id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  incident_id TEXT
);
CREATE INDEX component_status_changes_by_time ON component_status_changes (component_id, changed_at);

CREATE TABLE areas (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX areas_name ON areas (name COLLATE NOCASE);

-- Incidents and scheduled maintenances share one table (kind), as in Statuspage.
CREATE TABLE incidents (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('incident', 'maintenance')),
  name TEXT NOT NULL,
  status TEXT NOT NULL,
  impact TEXT NOT NULL CHECK (impact IN ('none', 'minor', 'major', 'critical', 'maintenance')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  started_at TEXT NOT NULL,
  monitoring_at TEXT,
  resolved_at TEXT,
  eta TEXT,
  next_update_at TEXT,
  progress INTEGER CHECK (progress BETWEEN 0 AND 100),
  workaround TEXT,
  scheduled_for TEXT,
  scheduled_until TEXT,
  remind_before_minutes INTEGER,
  auto_start INTEGER NOT NULL DEFAULT 0,
  auto_complete INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX incidents_by_kind_time ON incidents (kind, created_at);
CREATE INDEX incidents_open ON incidents (kind, resolved_at);

-- The status each incident asserts for each component it touches.
CREATE TABLE incident_components (
  incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  component_id TEXT NOT NULL REFERENCES components (id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  PRIMARY KEY (incident_id, component_id)
);
CREATE INDEX incident_components_by_component ON incident_components (component_id);

CREATE TABLE incident_areas (
  incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  area_id TEXT NOT NULL REFERENCES areas (id) ON DELETE CASCADE,
  PRIMARY KEY (incident_id, area_id)
);

CREATE TABLE incident_updates (
  id TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  display_at TEXT NOT NULL,
  -- the ETA and next-update promise in force after this update
  eta TEXT,
  next_update_at TEXT,
  -- the promise this update answered (the next_update_at in force before it), for accountability
  promised_by TEXT,
  progress INTEGER,
  next_steps TEXT,
  workaround TEXT,
  affected_components TEXT NOT NULL DEFAULT '[]',
  deliver_notifications INTEGER NOT NULL DEFAULT 1,
  actor TEXT
);
CREATE INDEX incident_updates_by_incident ON incident_updates (incident_id, display_at);

-- Every ETA ever set, with when and by which update. eta NULL means "estimate withdrawn".
CREATE TABLE eta_changes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  update_id TEXT NOT NULL,
  eta TEXT,
  set_at TEXT NOT NULL
);
CREATE INDEX eta_changes_by_incident ON eta_changes (incident_id, id);

CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  scopes TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  created_by TEXT,
  revoked_at TEXT,
  last_used_at TEXT
);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  target_type TEXT NOT NULL,
  target_id TEXT,
  details TEXT NOT NULL DEFAULT '{}',
  at TEXT NOT NULL
);
CREATE INDEX audit_log_by_time ON audit_log (at);

-- Events to announce, written in the same batch as the change they announce.
CREATE TABLE outbox (
  id TEXT PRIMARY KEY,
  event_type TEXT NOT NULL,
  incident_id TEXT,
  update_id TEXT,
  component_id TEXT,
  payload TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL,
  dispatched_at TEXT
);
CREATE INDEX outbox_pending ON outbox (dispatched_at, created_at);
