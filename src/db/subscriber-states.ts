import type { SubscriberKind } from '../domain/subscriber-types'

/**
 * A subscriber's state in Statuspage's words, from its stored status: `pending` (waiting for
 * its address, or a webhook for its receiver) is `unconfirmed`, `disabled` (deliveries kept
 * failing, or the receiver asked to stop) is `quarantined`.
 */
export const STATE_OF_STATUS = `CASE status WHEN 'pending' THEN 'unconfirmed'
  WHEN 'disabled' THEN 'quarantined' ELSE status END`

/** How many subscribers of each kind are in each state. */
export async function selectStateCounts(
  db: D1Database,
): Promise<{ kind: SubscriberKind; state: string; n: number }[]> {
  const { results } = await db
    .prepare(
      `SELECT kind, ${STATE_OF_STATUS} AS state, COUNT(*) AS n FROM subscribers
       GROUP BY kind, state ORDER BY kind, state`,
    )
    .all<{ kind: SubscriberKind; state: string; n: number }>()
  return results
}

/**
 * Brings a quarantined subscriber back: active again, its failure count and disabling cleared.
 * A webhook whose receiver never answered `webhook.verify` is not brought back (it never proved
 * itself). Check `meta.changes`: 1 means this call reactivated it.
 */
export function markReactivated(db: D1Database, id: string, at: string): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE subscribers SET status = 'active', disabled_at = NULL, disabled_reason = NULL,
         consecutive_failures = 0, updated_at = ?2
       WHERE id = ?1 AND status = 'disabled' AND verification IS NOT 'pending'`,
    )
    .bind(id, at)
}

/** The ids of quarantined subscribers that can be reactivated, optionally of one kind. */
export async function selectReactivatable(
  db: D1Database,
  kind: SubscriberKind | null,
  limit: number,
): Promise<string[]> {
  const { results } = await db
    .prepare(
      `SELECT id FROM subscribers WHERE status = 'disabled' AND verification IS NOT 'pending'
         AND (?1 IS NULL OR kind = ?1)
       ORDER BY id LIMIT ?2`,
    )
    .bind(kind, limit)
    .all<{ id: string }>()
  return results.map((r) => r.id)
}
