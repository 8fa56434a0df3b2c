import type { MemberRole } from '../domain/members'
import type { ApiToken, TokenScope } from '../domain/types'

interface TokenRow {
  id: string
  name: string
  scopes: string
  created_at: string
  created_by: string | null
  revoked_at: string | null
  last_used_at: string | null
  member_id: string | null
  member_email: string | null
}

/** Every token column, with the address of the member it belongs to. */
const TOKEN_COLUMNS = `t.id, t.name, t.scopes, t.created_at, t.created_by, t.revoked_at,
  t.last_used_at, t.member_id, m.email AS member_email`
const TOKENS_WITH_MEMBER = 'api_tokens t LEFT JOIN members m ON m.id = t.member_id'

function toToken(row: TokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    scopes: JSON.parse(row.scopes) as TokenScope[],
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
    member:
      row.member_id && row.member_email ? { id: row.member_id, email: row.member_email } : null,
    createdBy: row.created_by,
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
      `INSERT INTO api_tokens (id, name, scopes, token_hash, created_at, created_by, member_id)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(
      token.id,
      token.name,
      JSON.stringify(token.scopes),
      tokenHash,
      token.createdAt,
      createdBy,
      token.member?.id ?? null,
    )
}

/**
 * The live (not revoked) token with this hash, if any, with the role of the member it belongs
 * to. A token whose member is gone is not live.
 */
export async function selectActiveTokenByHash(
  db: D1Database,
  tokenHash: string,
): Promise<(ApiToken & { memberRole: MemberRole | null }) | null> {
  const row = await db
    .prepare(
      `SELECT ${TOKEN_COLUMNS}, m.role AS member_role FROM ${TOKENS_WITH_MEMBER}
       WHERE t.token_hash = ? AND t.revoked_at IS NULL
       AND (t.member_id IS NULL OR m.id IS NOT NULL)`,
    )
    .bind(tokenHash)
    .first<TokenRow & { member_role: MemberRole | null }>()
  return row ? { ...toToken(row), memberRole: row.member_role } : null
}

export async function selectToken(db: D1Database, id: string): Promise<ApiToken | null> {
  const row = await db
    .prepare(`SELECT ${TOKEN_COLUMNS} FROM ${TOKENS_WITH_MEMBER} WHERE t.id = ?`)
    .bind(id)
    .first<TokenRow>()
  return row ? toToken(row) : null
}

export async function selectTokens(db: D1Database): Promise<ApiToken[]> {
  const { results } = await db
    .prepare(`SELECT ${TOKEN_COLUMNS} FROM ${TOKENS_WITH_MEMBER} ORDER BY t.created_at DESC`)
    .all<TokenRow>()
  return results.map(toToken)
}

export function revokeTokenRow(db: D1Database, id: string, at: string): D1PreparedStatement {
  return db
    .prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
    .bind(at, id)
}

/**
 * Revokes every live token of a member about to be removed: put just before the guarded
 * delete in its batch, with the same guard (the last owner stays, and so do their tokens).
 */
export function revokeTokensOfRemovable(
  db: D1Database,
  memberId: string,
  at: string,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE api_tokens SET revoked_at = ?2 WHERE member_id = ?1 AND revoked_at IS NULL
       AND EXISTS (SELECT 1 FROM members m WHERE m.id = ?1 AND (m.role != 'owner'
         OR EXISTS (SELECT 1 FROM members o WHERE o.role = 'owner' AND o.id != ?1)))`,
    )
    .bind(memberId, at)
}

export function touchToken(db: D1Database, id: string, at: string): D1PreparedStatement {
  return db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?').bind(at, id)
}
