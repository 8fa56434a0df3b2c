-- Who stands behind an API token and an audited write, and when a member last signed in.

-- A token minted by a member (in the console, or with a token of theirs) belongs to them: it
-- acts for them, never beyond their current role, and removing the member revokes it (in the
-- same batch as the removal). The reference is cleared when the member row goes; `created_by`
-- still names who minted it.
ALTER TABLE api_tokens ADD COLUMN member_id TEXT REFERENCES members (id) ON DELETE SET NULL;
CREATE INDEX api_tokens_by_member ON api_tokens (member_id);

-- The member behind an audited write: the console member, or the owner of the member's token
-- that made it (`actor` stays the token's id). Null for the bootstrap token and for tokens
-- that belong to nobody.
ALTER TABLE audit_log ADD COLUMN member_email TEXT;

-- When the member last signed in (a link or Cloudflare Access); null until then.
ALTER TABLE members ADD COLUMN last_sign_in_at TEXT;
