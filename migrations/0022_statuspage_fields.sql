-- The Statuspage-only fields of an incident, as the Manage API v1 received them (metadata,
-- impact_override, reminder_intervals, wants_twitter_update, auto_transition_*): one JSON
-- object, so that a client reads back what it wrote. Components need no such column: their
-- Statuspage fields (showcase, only_show_if_degraded, start_date) have had columns since 0001.
ALTER TABLE incidents ADD COLUMN statuspage_fields TEXT NOT NULL DEFAULT '{}';
