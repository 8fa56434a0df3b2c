/**
 * Pruning by age, in bounded batches: each statement deletes at most `limit` rows (its own
 * subquery picks them, oldest first), so one clock run never deletes an unbounded number.
 * Only finished things go: nothing here touches a notice still owed to anyone.
 */

/** Delivery states that are over: sent, skipped (nothing to send) or given up (dead). */
const FINISHED = `('sent', 'skipped', 'dead')`

const oldFinishedDeliveries = `SELECT id FROM deliveries
  WHERE status IN ${FINISHED} AND updated_at < ?1 ORDER BY updated_at, id LIMIT ?2`

/**
 * Finished deliveries last changed before `before`, with their attempt log: two statements
 * for one batch (both pick the same deliveries). Pending, sending and failed (to be retried)
 * deliveries are never picked. `meta.changes` of the second says how many deliveries went.
 */
export function deleteFinishedDeliveries(
  db: D1Database,
  before: string,
  limit: number,
): D1PreparedStatement[] {
  return [
    db
      .prepare(`DELETE FROM delivery_attempts WHERE delivery_id IN (${oldFinishedDeliveries})`)
      .bind(before, limit),
    db.prepare(`DELETE FROM deliveries WHERE id IN (${oldFinishedDeliveries})`).bind(before, limit),
  ]
}

/**
 * Outbox rows fanned out before `before` with no delivery left (so every notice they caused is
 * over and pruned), whose incident or maintenance is closed or gone. Rows not fanned out yet
 * are never picked; neither are an open incident's, which the clock may still look up (e.g.
 * a maintenance reminder, sent once per scheduled start).
 */
export function deleteFinishedOutboxRows(
  db: D1Database,
  before: string,
  limit: number,
): D1PreparedStatement {
  return db
    .prepare(
      `DELETE FROM outbox WHERE id IN (
         SELECT o.id FROM outbox o
         WHERE o.dispatched_at < ?1
           AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = o.id)
           AND NOT EXISTS (SELECT 1 FROM incidents i WHERE i.id = o.incident_id
             AND i.status NOT IN ('resolved', 'postmortem', 'completed'))
         ORDER BY o.dispatched_at, o.id LIMIT ?2)`,
    )
    .bind(before, limit)
}

/** Subscription link tokens (confirm, manage, unsubscribe) that expired before `before`. */
export function deleteExpiredLinkTokens(
  db: D1Database,
  before: string,
  limit: number,
): D1PreparedStatement {
  return db
    .prepare(
      `DELETE FROM link_tokens WHERE token_hash IN
         (SELECT token_hash FROM link_tokens WHERE expires_at < ? ORDER BY expires_at LIMIT ?)`,
    )
    .bind(before, limit)
}

/** Incident link tokens (fixed, still broken, reopen) that expired before `before`. */
export function deleteExpiredIncidentLinkTokens(
  db: D1Database,
  before: string,
  limit: number,
): D1PreparedStatement {
  return db
    .prepare(
      `DELETE FROM incident_link_tokens WHERE token_hash IN
         (SELECT token_hash FROM incident_link_tokens WHERE expires_at < ? ORDER BY expires_at
          LIMIT ?)`,
    )
    .bind(before, limit)
}
