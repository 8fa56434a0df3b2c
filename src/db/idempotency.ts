/** The stored answers of idempotent admin writes (migrations/0010_idempotency.sql). */

/** A stored key: in progress, or done with the answer to replay. */
export interface IdempotencyRecord {
  keyHash: string
  requestHash: string
  state: 'in_progress' | 'done'
  status: number | null
  headers: Record<string, string>
  body: string | null
  createdAt: string
}

interface RecordRow {
  key_hash: string
  request_hash: string
  state: 'in_progress' | 'done'
  status: number | null
  headers: string | null
  body: string | null
  created_at: string
}

function toRecord(row: RecordRow): IdempotencyRecord {
  return {
    keyHash: row.key_hash,
    requestHash: row.request_hash,
    state: row.state,
    status: row.status,
    headers: row.headers ? (JSON.parse(row.headers) as Record<string, string>) : {},
    body: row.body,
    createdAt: row.created_at,
  }
}

/**
 * Records a key as in progress, unless a live record holds it: a new key, or one whose record
 * is older than `expiredBefore`, is taken (check `meta.changes` = 1); a racing twin is not.
 */
export function claimIdempotencyKey(
  db: D1Database,
  keyHash: string,
  requestHash: string,
  at: string,
  expiredBefore: string,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO idempotency_keys (key_hash, request_hash, state, created_at)
       VALUES (?1, ?2, 'in_progress', ?3)
       ON CONFLICT (key_hash) DO UPDATE SET request_hash = excluded.request_hash,
         state = 'in_progress', status = NULL, headers = NULL, body = NULL,
         created_at = excluded.created_at, completed_at = NULL
       WHERE idempotency_keys.created_at < ?4`,
    )
    .bind(keyHash, requestHash, at, expiredBefore)
}

/** The record of a key, or null. */
export async function selectIdempotencyRecord(
  db: D1Database,
  keyHash: string,
): Promise<IdempotencyRecord | null> {
  const row = await db
    .prepare(
      `SELECT key_hash, request_hash, state, status, headers, body, created_at
       FROM idempotency_keys WHERE key_hash = ?`,
    )
    .bind(keyHash)
    .first<RecordRow>()
  return row ? toRecord(row) : null
}

/** Stores the answer of the request that holds the key (claimed at `claimedAt`). */
export function completeIdempotencyKey(
  db: D1Database,
  keyHash: string,
  claimedAt: string,
  response: { status: number; headers: Record<string, string>; body: string },
  at: string,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE idempotency_keys SET state = 'done', status = ?3, headers = ?4, body = ?5,
         completed_at = ?6
       WHERE key_hash = ?1 AND created_at = ?2 AND state = 'in_progress'`,
    )
    .bind(keyHash, claimedAt, response.status, JSON.stringify(response.headers), response.body, at)
}

/** Frees a key whose request failed on our side, so that a retry runs. */
export function releaseIdempotencyKey(
  db: D1Database,
  keyHash: string,
  claimedAt: string,
): D1PreparedStatement {
  return db
    .prepare(
      `DELETE FROM idempotency_keys WHERE key_hash = ? AND created_at = ? AND state = 'in_progress'`,
    )
    .bind(keyHash, claimedAt)
}

/** Deletes up to `limit` records older than `before`; `meta.changes` says how many. */
export function deleteIdempotencyKeysBefore(
  db: D1Database,
  before: string,
  limit: number,
): D1PreparedStatement {
  return db
    .prepare(
      `DELETE FROM idempotency_keys WHERE key_hash IN
         (SELECT key_hash FROM idempotency_keys WHERE created_at < ? ORDER BY created_at LIMIT ?)`,
    )
    .bind(before, limit)
}
