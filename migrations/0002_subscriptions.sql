-- Subscribers (email and webhook), what they follow, single-purpose link tokens, and the
-- delivery log: one row per (event, subscriber), so each notice is sent exactly once.

CREATE TABLE subscribers (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('email', 'webhook')),
  -- the address of an email subscriber; for a webhook, its owner's address (optional)
  email TEXT,
  url TEXT,
  format TEXT NOT NULL DEFAULT 'standard'
    CHECK (format IN ('email', 'standard', 'slack', 'discord', 'teams')),
  -- webhook signing secret (whsec_…); kept in clear because every delivery is signed with it
  secret TEXT,
  previous_secret TEXT,
  previous_secret_expires_at TEXT,
  status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'disabled', 'unsubscribed')),
  -- 1 when no component or area was chosen: the subscriber hears about everything
  everything INTEGER NOT NULL DEFAULT 1,
  consent TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  confirmed_at TEXT,
  confirm_expires_at TEXT,
  unsubscribed_at TEXT,
  disabled_at TEXT,
  disabled_reason TEXT,
  consecutive_failures INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX subscribers_email ON subscribers (email COLLATE NOCASE) WHERE kind = 'email';
CREATE INDEX subscribers_by_status ON subscribers (status, id);

CREATE TABLE subscriber_components (
  subscriber_id TEXT NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
  component_id TEXT NOT NULL REFERENCES components (id) ON DELETE CASCADE,
  PRIMARY KEY (subscriber_id, component_id)
);
CREATE INDEX subscriber_components_by_component ON subscriber_components (component_id);

CREATE TABLE subscriber_areas (
  subscriber_id TEXT NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
  area_id TEXT NOT NULL REFERENCES areas (id) ON DELETE CASCADE,
  PRIMARY KEY (subscriber_id, area_id)
);
CREATE INDEX subscriber_areas_by_area ON subscriber_areas (area_id);

-- Random tokens in links (confirm, manage, unsubscribe), stored as SHA-256, one purpose each.
CREATE TABLE link_tokens (
  token_hash TEXT PRIMARY KEY,
  subscriber_id TEXT NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
  purpose TEXT NOT NULL CHECK (purpose IN ('confirm', 'manage', 'unsubscribe')),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX link_tokens_by_subscriber ON link_tokens (subscriber_id);

-- The message an event carries, built once when it is fanned out, so every subscriber and
-- every retry gets the same content.
ALTER TABLE outbox ADD COLUMN message TEXT;
ALTER TABLE outbox ADD COLUMN enqueued_at TEXT;

-- One row per (event, subscriber): the delivery key. Its id is the webhook-id.
CREATE TABLE deliveries (
  id TEXT PRIMARY KEY,
  event_id TEXT NOT NULL REFERENCES outbox (id),
  subscriber_id TEXT NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'skipped', 'dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_status_code INTEGER,
  last_error TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  claimed_at TEXT,
  sent_at TEXT,
  UNIQUE (event_id, subscriber_id)
);
CREATE INDEX deliveries_by_subscriber ON deliveries (subscriber_id, created_at);
CREATE INDEX deliveries_by_status ON deliveries (status, updated_at);
CREATE INDEX deliveries_by_event ON deliveries (event_id);

CREATE TABLE delivery_attempts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  delivery_id TEXT NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
  attempt INTEGER NOT NULL,
  at TEXT NOT NULL,
  status_code INTEGER,
  error TEXT,
  duration_ms INTEGER
);
CREATE INDEX delivery_attempts_by_delivery ON delivery_attempts (delivery_id, attempt);
