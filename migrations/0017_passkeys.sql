-- Passkeys (WebAuthn credentials) of console members, and the short-lived challenges of the
-- ceremonies that add a passkey or sign in with one.

-- One passkey: the credential id (base64url, as the browser reports it), its COSE public key
-- (base64url), the signature counter last seen, the transports the browser named (JSON array),
-- the member's name for it, and when it was added and last used to sign in.
CREATE TABLE passkeys (
  id TEXT PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  public_key TEXT NOT NULL,
  counter INTEGER NOT NULL DEFAULT 0,
  transports TEXT NOT NULL DEFAULT '[]',
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_used_at TEXT
);
CREATE INDEX passkeys_by_member ON passkeys (member_id);

-- A challenge handed to a browser, usable once, for a few minutes. Only its SHA-256 is kept.
-- A registration challenge belongs to the member who asked for it; a sign-in one to nobody yet.
CREATE TABLE passkey_challenges (
  challenge_hash TEXT PRIMARY KEY,
  purpose TEXT NOT NULL CHECK (purpose IN ('register', 'sign_in')),
  member_id TEXT REFERENCES members (id) ON DELETE CASCADE,
  expires_at TEXT NOT NULL
);
CREATE INDEX passkey_challenges_by_expiry ON passkey_challenges (expires_at);
