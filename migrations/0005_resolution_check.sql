-- The customer's word on the fix: "fixed for me / still broken" votes on resolved incidents,
-- "I'm affected" reports on open ones, the links that carry them, and the page's threshold.

-- When ops hear that a resolution is disputed: at least this many "still broken" answers,
-- making up at least this share (percent) of all answers. Affected counts are shown publicly
-- only when show_affected_counts is 1. voter_salt keeps readers' IP addresses out of the
-- database: only a salted hash is stored.
ALTER TABLE page_settings ADD COLUMN dispute_min_votes INTEGER NOT NULL DEFAULT 3;
ALTER TABLE page_settings ADD COLUMN dispute_min_share INTEGER NOT NULL DEFAULT 30;
ALTER TABLE page_settings ADD COLUMN show_affected_counts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE page_settings ADD COLUMN voter_salt TEXT;
UPDATE page_settings SET voter_salt = lower(hex(randomblob(16))) WHERE voter_salt IS NULL;

-- Random tokens in links about one incident, stored as SHA-256, one purpose each: a
-- subscriber's "fixed" or "still broken" answer, or ops' one-click reopen. Kept apart from
-- link_tokens (subscription links) so that neither kind can ever stand for the other.
CREATE TABLE incident_link_tokens (
  token_hash TEXT PRIMARY KEY,
  purpose TEXT NOT NULL CHECK (purpose IN ('fixed', 'still_broken', 'reopen')),
  incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  subscriber_id TEXT REFERENCES subscribers (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX incident_link_tokens_by_incident ON incident_link_tokens (incident_id);

-- One answer per voter per incident, changeable. voter_key is "subscriber:<id>" or
-- "ip:<salted hash>". A vote without area_id counts for the subscriber's areas.
CREATE TABLE resolution_votes (
  incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  voter_key TEXT NOT NULL,
  subscriber_id TEXT REFERENCES subscribers (id) ON DELETE CASCADE,
  choice TEXT NOT NULL CHECK (choice IN ('fixed', 'still_broken')),
  area_id TEXT REFERENCES areas (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (incident_id, voter_key)
);

-- "I'm affected", once per IP per open incident.
CREATE TABLE affected_reports (
  incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  voter_key TEXT NOT NULL,
  area_id TEXT REFERENCES areas (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (incident_id, voter_key)
);
