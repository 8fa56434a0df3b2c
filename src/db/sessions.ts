import type { Member } from '../domain/members'

/** A live session with its member. */
export interface SessionRow {
  tokenHash: string
  csrfToken: string
  lastSeenAt: string
  expiresAt: string
  member: Member
}

/** Starts a session for a member that exists. */
export function insertSession(
  db: D1Database,
  s: { tokenHash: string; memberId: string; csrfToken: string; at: string; expiresAt: string },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO sessions (token_hash, member_id, csrf_token, created_at, last_seen_at, expires_at)
       SELECT ?1, ?2, ?3, ?4, ?4, ?5 WHERE EXISTS (SELECT 1 FROM members WHERE id = ?2)`,
    )
    .bind(s.tokenHash, s.memberId, s.csrfToken, s.at, s.expiresAt)
}

/**
 * Starts a session, only when the statement just before it in the batch changed a row (the
 * link it comes from was used just now) and its member exists.
 */
export function insertSessionIfChanged(
  db: D1Database,
  s: { tokenHash: string; memberId: string; csrfToken: string; at: string; expiresAt: string },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO sessions (token_hash, member_id, csrf_token, created_at, last_seen_at, expires_at)
       SELECT ?1, ?2, ?3, ?4, ?4, ?5
       WHERE changes() = 1 AND EXISTS (SELECT 1 FROM members WHERE id = ?2)`,
    )
    .bind(s.tokenHash, s.memberId, s.csrfToken, s.at, s.expiresAt)
}

/**
 * The session with this hash if it has not ended (absolute expiry after `now`, last used after
 * `idleSince`) and its member exists and is active.
 */
export async function selectLiveSession(
  db: D1Database,
  tokenHash: string,
  now: string,
  idleSince: string,
): Promise<SessionRow | null> {
  const row = await db
    .prepare(
      `SELECT s.token_hash, s.csrf_token, s.last_seen_at, s.expires_at, m.id, m.email, m.name,
         m.role, m.status, m.created_at, m.updated_at, m.last_sign_in_at
       FROM sessions s JOIN members m ON m.id = s.member_id
       WHERE s.token_hash = ? AND s.expires_at > ? AND s.last_seen_at > ? AND m.status = 'active'`,
    )
    .bind(tokenHash, now, idleSince)
    .first<{
      token_hash: string
      csrf_token: string
      last_seen_at: string
      expires_at: string
      id: string
      email: string
      name: string | null
      role: Member['role']
      status: Member['status']
      created_at: string
      updated_at: string
      last_sign_in_at: string | null
    }>()
  if (!row) return null
  return {
    tokenHash: row.token_hash,
    csrfToken: row.csrf_token,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    member: {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      status: row.status,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      lastSignInAt: row.last_sign_in_at,
    },
  }
}

/** Records that a session was used (idle expiry counts from here). */
export function touchSession(db: D1Database, tokenHash: string, at: string): D1PreparedStatement {
  return db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?').bind(at, tokenHash)
}

/** Ends one session. */
export function deleteSession(db: D1Database, tokenHash: string): D1PreparedStatement {
  return db.prepare('DELETE FROM sessions WHERE token_hash = ?').bind(tokenHash)
}

/** Ends every session of a member. */
export function deleteMemberSessions(db: D1Database, memberId: string): D1PreparedStatement {
  return db.prepare('DELETE FROM sessions WHERE member_id = ?').bind(memberId)
}

/** Ends every session of a member that no longer exists (after a guarded delete). */
export function deleteSessionsOfRemoved(db: D1Database, memberId: string): D1PreparedStatement {
  return db
    .prepare(
      'DELETE FROM sessions WHERE member_id = ?1 AND NOT EXISTS (SELECT 1 FROM members WHERE id = ?1)',
    )
    .bind(memberId)
}

/** Sessions that have ended (past their absolute expiry, or unused since `idleSince`). */
export function deleteEndedSessions(
  db: D1Database,
  now: string,
  idleSince: string,
  limit: number,
): D1PreparedStatement {
  return db
    .prepare(
      `DELETE FROM sessions WHERE token_hash IN
         (SELECT token_hash FROM sessions WHERE expires_at <= ?1 OR last_seen_at <= ?2 LIMIT ?3)`,
    )
    .bind(now, idleSince, limit)
}
