import type { LinkPurpose } from '../domain/link-purpose'

export interface LinkTokenRow {
  subscriberId: string
  purpose: LinkPurpose
  expiresAt: string
  usedAt: string | null
}

export function insertLinkToken(
  db: D1Database,
  tokenHash: string,
  subscriberId: string,
  purpose: LinkPurpose,
  createdAt: string,
  expiresAt: string,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO link_tokens (token_hash, subscriber_id, purpose, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?)`,
    )
    .bind(tokenHash, subscriberId, purpose, createdAt, expiresAt)
}

export async function selectLinkToken(
  db: D1Database,
  tokenHash: string,
): Promise<LinkTokenRow | null> {
  const row = await db
    .prepare(
      'SELECT subscriber_id, purpose, expires_at, used_at FROM link_tokens WHERE token_hash = ?',
    )
    .bind(tokenHash)
    .first<{
      subscriber_id: string
      purpose: LinkPurpose
      expires_at: string
      used_at: string | null
    }>()
  return row
    ? {
        subscriberId: row.subscriber_id,
        purpose: row.purpose,
        expiresAt: row.expires_at,
        usedAt: row.used_at,
      }
    : null
}

export function markLinkTokenUsed(
  db: D1Database,
  tokenHash: string,
  at: string,
): D1PreparedStatement {
  return db.prepare('UPDATE link_tokens SET used_at = ? WHERE token_hash = ?').bind(at, tokenHash)
}

/** Stores many tokens of one purpose in one statement (a hash per subscriber). */
export function insertLinkTokens(
  db: D1Database,
  tokens: { tokenHash: string; subscriberId: string }[],
  purpose: LinkPurpose,
  createdAt: string,
  expiresAt: string,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO link_tokens (token_hash, subscriber_id, purpose, created_at, expires_at)
       SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), ?, ?, ?
       FROM json_each(?)`,
    )
    .bind(
      purpose,
      createdAt,
      expiresAt,
      JSON.stringify(tokens.map((t) => [t.tokenHash, t.subscriberId])),
    )
}
