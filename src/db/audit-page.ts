/** The audit log a page at a time, with the names of the tokens that acted. */

/** One audit line as the console shows it: the actor, and the token's name when it was one. */
export interface AuditLine {
  id: number
  actor: string
  /** The API token's name when the actor is a token (`token:<id>`), else null. */
  tokenName: string | null
  action: string
  targetType: string
  targetId: string | null
  details: unknown
  at: string
}

interface AuditLineRow {
  id: number
  actor: string
  token_name: string | null
  action: string
  target_type: string
  target_id: string | null
  details: string
  at: string
}

/** Audit lines older than `beforeId` (all when null), newest first; of one actor when given. */
export async function selectAuditPage(
  db: D1Database,
  filter: { actor: string | null; beforeId: number | null; limit: number },
): Promise<AuditLine[]> {
  const { results } = await db
    .prepare(
      `SELECT a.id, a.actor, t.name AS token_name, a.action, a.target_type, a.target_id,
         a.details, a.at
       FROM audit_log a LEFT JOIN api_tokens t ON a.actor = 'token:' || t.id
       WHERE (?1 IS NULL OR a.actor = ?1) AND (?2 IS NULL OR a.id < ?2)
       ORDER BY a.id DESC LIMIT ?3`,
    )
    .bind(filter.actor, filter.beforeId, filter.limit)
    .all<AuditLineRow>()
  return results.map((r) => ({
    id: r.id,
    actor: r.actor,
    tokenName: r.token_name,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    details: JSON.parse(r.details) as unknown,
    at: r.at,
  }))
}

/** Everyone who appears in the audit log, with the token's name for tokens; by most recent. */
export async function selectAuditActors(
  db: D1Database,
  limit: number,
): Promise<{ actor: string; tokenName: string | null }[]> {
  const { results } = await db
    .prepare(
      `SELECT a.actor, t.name AS token_name FROM audit_log a
       LEFT JOIN api_tokens t ON a.actor = 'token:' || t.id
       GROUP BY a.actor ORDER BY MAX(a.id) DESC LIMIT ?`,
    )
    .bind(limit)
    .all<{ actor: string; token_name: string | null }>()
  return results.map((r) => ({ actor: r.actor, tokenName: r.token_name }))
}
