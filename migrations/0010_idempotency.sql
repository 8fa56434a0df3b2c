-- Idempotent admin writes: one row per (acting token, Idempotency-Key), stored as the SHA-256
-- of both, so neither the key nor whose it is can be read back, and two tokens never share
-- one. A row is written 'in_progress' before the request runs (the primary key makes a racing
-- twin fail), then 'done' with the answer that is replayed for 24 hours. A request that fails
-- on our side (5xx) deletes its row, so the client's retry runs.
CREATE TABLE idempotency_keys (
  key_hash TEXT PRIMARY KEY,
  -- SHA-256 of method, path and body: the same key with another request is refused (422)
  request_hash TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('in_progress', 'done')),
  status INTEGER,
  -- the response headers that matter (JSON object), and the body, as first answered
  headers TEXT,
  body TEXT,
  created_at TEXT NOT NULL,
  completed_at TEXT
);
-- The clock prunes rows older than 24 hours.
CREATE INDEX idempotency_keys_by_time ON idempotency_keys (created_at);
