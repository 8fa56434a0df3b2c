-- A scheduled maintenance called off before it began. It is closed as `completed` (the
-- Statuspage status set has no "cancelled"), and cancelled_at says when it was called off, so
-- readers, subscribers and calendars are told it did not take place. NULL: not cancelled.
ALTER TABLE incidents ADD COLUMN cancelled_at TEXT;
