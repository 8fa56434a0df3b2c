-- Known faults published early: an incident may be posted before it takes effect
-- ("loss of service expected from Tue 09:00 while the cable is replaced").
-- expected_start: when it is expected to begin; NULL for an incident live from its creation.
-- live_at: when an incident posted early went live (the clock reached expected_start, or ops
-- posted an update first); NULL while it is still upcoming.
ALTER TABLE incidents ADD COLUMN expected_start TEXT;
ALTER TABLE incidents ADD COLUMN live_at TEXT;
-- The clock looks for upcoming incidents that are due.
CREATE INDEX incidents_upcoming ON incidents (expected_start)
  WHERE expected_start IS NOT NULL AND live_at IS NULL;
