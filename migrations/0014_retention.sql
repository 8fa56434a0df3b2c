-- Retention: the clock prunes link tokens some days after they expire, in small batches.
CREATE INDEX link_tokens_by_expiry ON link_tokens (expires_at);
CREATE INDEX incident_link_tokens_by_expiry ON incident_link_tokens (expires_at);
