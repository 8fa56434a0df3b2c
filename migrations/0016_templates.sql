-- Templates: the incidents and updates ops post again and again, ready to fill in. Title and
-- body may hold placeholders ({{component}}, {{area}}, {{eta}}, {{next_update}}) filled when an
-- incident or update is posted from one.
CREATE TABLE templates (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('incident', 'update')),
  name TEXT NOT NULL COLLATE NOCASE UNIQUE,
  -- The incident's name (incident templates only).
  title TEXT,
  status TEXT NOT NULL,
  impact TEXT,
  body TEXT NOT NULL,
  -- {component_id: status}, as JSON.
  components TEXT NOT NULL DEFAULT '{}',
  -- [area_id, …], as JSON.
  area_ids TEXT NOT NULL DEFAULT '[]',
  workaround TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
