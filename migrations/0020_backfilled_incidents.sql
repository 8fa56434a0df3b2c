-- An incident recorded after it happened (Statuspage's "backfilled" incidents): shown in the
-- history with its past times, never announced to anyone, and left out of the ETA record.
ALTER TABLE incidents ADD COLUMN backfilled INTEGER NOT NULL DEFAULT 0;
