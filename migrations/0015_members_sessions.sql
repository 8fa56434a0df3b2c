-- People who sign in to the console, their email links and their sessions.

-- A member: an address with a role. Invited until they first follow a link.
CREATE TABLE members (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL COLLATE NOCASE UNIQUE,
  name TEXT,
  role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
  status TEXT NOT NULL CHECK (status IN ('invited', 'active')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Single-use links mailed to members (an invitation, 72 h; a sign-in link, 15 min). Only the
-- SHA-256 of the token is kept.
CREATE TABLE member_links (
  token_hash TEXT PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  purpose TEXT NOT NULL CHECK (purpose IN ('invite', 'sign_in')),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX member_links_by_member ON member_links (member_id);
CREATE INDEX member_links_by_expiry ON member_links (expires_at);

-- Console sessions: the SHA-256 of the cookie's token, the form token (CSRF), when it was last
-- used (idle expiry) and when it ends regardless (absolute expiry).
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_by_member ON sessions (member_id);
