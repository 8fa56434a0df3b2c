import type { ClaimHolder } from './deliveries'

/**
 * The claim protocol shared by the two tables whose rows the DELIVERIES consumer sends
 * (deliveries and transactional mail): a row is claimed for sending by one run, that run
 * extends its claims while it works, and the clock's sweep finds rows whose queue message was
 * lost or whose run vanished.
 */
type ClaimedTable = 'deliveries' | 'transactional_mail'

/**
 * Takes a row for sending: only one run wins (check `meta.changes`). A row is claimable when it
 * waits, failed before, or was claimed by a run whose claim has run out.
 */
export function claimRow(
  db: D1Database,
  table: ClaimedTable,
  id: string,
  now: Date,
  holder: ClaimHolder,
): D1PreparedStatement {
  const at = now.toISOString()
  const leaseExpired = new Date(now.getTime() - holder.leaseMs).toISOString()
  return db
    .prepare(
      `UPDATE ${table} SET status = 'sending', claimed_at = ?1, claimed_by = ?4, updated_at = ?1
       WHERE id = ?2 AND (status IN ('pending', 'failed')
         OR (status = 'sending' AND (claimed_at IS NULL OR claimed_at < ?3)))`,
    )
    .bind(at, id, leaseExpired, holder.by)
}

/** Extends the claims run `by` still holds on these rows (they are being sent). */
export function extendClaims(
  db: D1Database,
  table: ClaimedTable,
  ids: string[],
  by: string,
  at: string,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE ${table} SET claimed_at = ?1
       WHERE id IN (SELECT value FROM json_each(?2)) AND claimed_by = ?3 AND status = 'sending'`,
    )
    .bind(at, JSON.stringify(ids), by)
}

/**
 * Rows waiting (pending) since before `before` — their queue message was lost — or claimed by
 * a run that stopped extending its claim before then: it vanished. Oldest first.
 */
export async function selectStuckIds(
  db: D1Database,
  table: ClaimedTable,
  before: string,
  limit: number,
): Promise<string[]> {
  const { results } = await db
    .prepare(
      `SELECT id FROM ${table}
       WHERE status IN ('pending', 'sending') AND updated_at < ?1
         AND (status = 'pending' OR claimed_at IS NULL OR claimed_at < ?1)
       ORDER BY updated_at LIMIT ?2`,
    )
    .bind(before, limit)
    .all<{ id: string }>()
  return results.map((r) => r.id)
}

/** Touches re-enqueued rows, so the next sweep waits for them again. */
export function touchRows(
  db: D1Database,
  table: ClaimedTable,
  ids: string[],
  at: string,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE ${table} SET updated_at = ? WHERE id IN (SELECT value FROM json_each(?))
       AND status IN ('pending', 'sending')`,
    )
    .bind(at, JSON.stringify(ids))
}
