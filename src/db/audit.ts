import type { Actor } from '../domain/types'

export interface AuditEntry {
  id: number
  actor: string
  /** The member behind the write (see Actor.member), or null. */
  memberEmail: string | null
  action: string
  targetType: string
  targetId: string | null
  details: unknown
  at: string
}

/** One line of "who did what, when" — written in the same batch as the change. */
export function insertAudit(
  db: D1Database,
  actor: Actor,
  action: string,
  target: { type: string; id: string | null },
  details: unknown,
  at: string,
): D1PreparedStatement {
  return db
    .prepare(
      'INSERT INTO audit_log (actor, member_email, action, target_type, target_id, details, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .bind(
      actor.id,
      actor.member?.email ?? null,
      action,
      target.type,
      target.id,
      JSON.stringify(details ?? {}),
      at,
    )
}

/**
 * insertAudit, but written only when the statement just before it in the batch changed a row
 * (an `INSERT OR IGNORE` that was ignored leaves no audit line).
 */
export function insertAuditIfChanged(
  db: D1Database,
  actor: Actor,
  action: string,
  target: { type: string; id: string | null },
  details: unknown,
  at: string,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO audit_log (actor, member_email, action, target_type, target_id, details, at)
       SELECT ?, ?, ?, ?, ?, ?, ? WHERE changes() = 1`,
    )
    .bind(
      actor.id,
      actor.member?.email ?? null,
      action,
      target.type,
      target.id,
      JSON.stringify(details ?? {}),
      at,
    )
}

export async function selectAudit(db: D1Database, limit: number): Promise<AuditEntry[]> {
  const { results } = await db
    .prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?')
    .bind(limit)
    .all<{
      id: number
      actor: string
      member_email: string | null
      action: string
      target_type: string
      target_id: string | null
      details: string
      at: string
    }>()
  return results.map((r) => ({
    id: r.id,
    actor: r.actor,
    memberEmail: r.member_email,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    details: JSON.parse(r.details) as unknown,
    at: r.at,
  }))
}
