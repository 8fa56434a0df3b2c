import type { ApiToken, TokenScope } from '../domain/types'

interface TokenRow {
  id: string
  name: string
  scopes: string
  created_at: string
  revoked_at: string | null
  last_used_at: string | null
}

function toToken(row: TokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    scopes: JSON.parse(row.scopes) as TokenScope[],
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  }
}

export function insertToken(
  db: D1Database,
  token: ApiToken,
  tokenHash: string,
  createdBy: string,
): D1PreparedStatement {
  return db
    .prepare(
      'INSERT INTO api_tokens (id, name, scopes, token_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .bind(token.id, token.name, JSON.stringify(token.scopes), tokenHash, token.createdAt, createdBy)
}

/** The live (not revoked) token with this hash, if any. */
export async function selectActiveTokenByHash(
  db: D1Database,
  tokenHash: string,
): Promise<ApiToken | null> {
  const row = await db
    .prepare('SELECT * FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL')
    .bind(tokenHash)
    .first<TokenRow>()
  return row ? toToken(row) : null
}

export async function selectToken(db: D1Database, id: string): Promise<ApiToken | null> {
  const row = await db.prepare('SELECT * FROM api_tokens WHERE id = ?').bind(id).first<TokenRow>()
  return row ? toToken(row) : null
}

export async function selectTokens(db: D1Database): Promise<ApiToken[]> {
  const { results } = await db
    .prepare('SELECT * FROM api_tokens ORDER BY created_at DESC')
    .all<TokenRow>()
  return results.map(toToken)
}

export function revokeTokenRow(db: D1Database, id: string, at: string): D1PreparedStatement {
  return db
    .prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
    .bind(at, id)
}

export function touchToken(db: D1Database, id: string, at: string): D1PreparedStatement {
  return db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?').bind(at, id)
}
