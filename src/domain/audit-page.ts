import { selectAuditActors, selectAuditPage, type AuditLine } from '../db/audit-page'

export type { AuditLine }

/** A page of the audit log, newest first, and where the next (older) page starts. */
export async function auditPage(
  db: D1Database,
  filter: { actor: string | null; beforeId: number | null; limit: number },
): Promise<{ lines: AuditLine[]; nextBefore: number | null }> {
  const found = await selectAuditPage(db, { ...filter, limit: filter.limit + 1 })
  const lines = found.slice(0, filter.limit)
  return { lines, nextBefore: found.length > filter.limit ? (lines.at(-1)?.id ?? null) : null }
}

/** Who has acted (the audit log's actors, most recent first), to filter by. */
export function auditActors(db: D1Database) {
  return selectAuditActors(db, 200)
}

/** How an actor reads: a member's address, a token's name, or the bootstrap token. */
export function actorLabel(line: { actor: string; tokenName: string | null }): string {
  if (line.tokenName) return `token “${line.tokenName}”`
  if (line.actor === 'admin-token') return 'ADMIN_TOKEN'
  return line.actor
}
