import type { ChallengePurpose, Passkey } from '../domain/passkeys'

/** A stored passkey, with what verifying a signature needs. */
export interface PasskeyRow extends Passkey {
  memberId: string
  publicKey: string
  counter: number
  transports: string[]
}

interface RawPasskey {
  id: string
  member_id: string
  public_key: string
  counter: number
  transports: string
  name: string
  created_at: string
  last_used_at: string | null
}

function transportsOf(text: string): string[] {
  try {
    const parsed: unknown = JSON.parse(text)
    return Array.isArray(parsed) ? parsed.filter((t): t is string => typeof t === 'string') : []
  } catch {
    return []
  }
}

function rowOf(raw: RawPasskey): PasskeyRow {
  return {
    id: raw.id,
    memberId: raw.member_id,
    publicKey: raw.public_key,
    counter: raw.counter,
    transports: transportsOf(raw.transports),
    name: raw.name,
    createdAt: raw.created_at,
    lastUsedAt: raw.last_used_at,
  }
}

/** A member's passkeys, oldest first. */
export async function selectMemberPasskeys(
  db: D1Database,
  memberId: string,
): Promise<PasskeyRow[]> {
  const { results } = await db
    .prepare('SELECT * FROM passkeys WHERE member_id = ? ORDER BY created_at, id')
    .bind(memberId)
    .all<RawPasskey>()
  return results.map(rowOf)
}

/** One passkey by its credential id. */
export async function selectPasskey(db: D1Database, id: string): Promise<PasskeyRow | null> {
  const raw = await db.prepare('SELECT * FROM passkeys WHERE id = ?').bind(id).first<RawPasskey>()
  return raw ? rowOf(raw) : null
}

/** Stores a new passkey (ignored when its credential id is already stored). */
export function insertPasskey(
  db: D1Database,
  p: {
    id: string
    memberId: string
    publicKey: string
    counter: number
    transports: string[]
    name: string
    at: string
  },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT OR IGNORE INTO passkeys (id, member_id, public_key, counter, transports, name, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(p.id, p.memberId, p.publicKey, p.counter, JSON.stringify(p.transports), p.name, p.at)
}

/**
 * Records a sign-in with a passkey: its new counter and the time, only while the counter is
 * still the one the signature was checked against (two sign-ins racing: one wins).
 */
export function usePasskey(
  db: D1Database,
  id: string,
  memberId: string,
  seenCounter: number,
  newCounter: number,
  at: string,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE passkeys SET counter = ?, last_used_at = ?
       WHERE id = ? AND member_id = ? AND counter = ?`,
    )
    .bind(newCounter, at, id, memberId, seenCounter)
}

/** Renames a member's passkey. */
export function renamePasskeyRow(
  db: D1Database,
  id: string,
  memberId: string,
  name: string,
): D1PreparedStatement {
  return db
    .prepare('UPDATE passkeys SET name = ? WHERE id = ? AND member_id = ?')
    .bind(name, id, memberId)
}

/** Removes a member's passkey. */
export function deletePasskey(db: D1Database, id: string, memberId: string): D1PreparedStatement {
  return db.prepare('DELETE FROM passkeys WHERE id = ? AND member_id = ?').bind(id, memberId)
}

/** Keeps a challenge (its hash) until `expiresAt`. */
export function insertChallenge(
  db: D1Database,
  c: { hash: string; purpose: ChallengePurpose; memberId: string | null; expiresAt: string },
): D1PreparedStatement {
  return db
    .prepare(
      'INSERT INTO passkey_challenges (challenge_hash, purpose, member_id, expires_at) VALUES (?, ?, ?, ?)',
    )
    .bind(c.hash, c.purpose, c.memberId, c.expiresAt)
}

/** Forgets challenges that have expired (at most `limit`). */
export function deleteExpiredChallenges(
  db: D1Database,
  now: string,
  limit = 100,
): D1PreparedStatement {
  return db
    .prepare(
      `DELETE FROM passkey_challenges WHERE challenge_hash IN
         (SELECT challenge_hash FROM passkey_challenges WHERE expires_at <= ? LIMIT ?)`,
    )
    .bind(now, limit)
}

/**
 * Uses a challenge: deletes it and returns what it was for, or null when it is unknown or
 * already used. Expiry is the caller's to judge (an expired one is deleted all the same).
 */
export async function takeChallenge(
  db: D1Database,
  hash: string,
): Promise<{ purpose: ChallengePurpose; memberId: string | null; expiresAt: string } | null> {
  const row = await db
    .prepare(
      'DELETE FROM passkey_challenges WHERE challenge_hash = ? RETURNING purpose, member_id, expires_at',
    )
    .bind(hash)
    .first<{ purpose: ChallengePurpose; member_id: string | null; expires_at: string }>()
  return row ? { purpose: row.purpose, memberId: row.member_id, expiresAt: row.expires_at } : null
}
