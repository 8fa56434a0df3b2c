/** Pending subscribers whose confirmation window closed, and expired link tokens. */

const NEVER_CONFIRMED_EXPIRED = `SELECT id FROM subscribers
  WHERE status = 'pending' AND confirmed_at IS NULL AND confirm_expires_at <= ?`

/**
 * Pending subscribers whose confirmation window closed: never-confirmed ones are deleted with
 * their choices and tokens; ones confirmed once before (they left and asked to come back) go
 * back to unsubscribed, keeping their history. The last statement deletes the subscribers, so
 * its `changes` count is how many were removed. Link tokens expired before `tokensBefore` go too.
 */
export function expirePendingRows(
  db: D1Database,
  now: string,
  tokensBefore: string,
): D1PreparedStatement[] {
  return [
    db.prepare('DELETE FROM link_tokens WHERE expires_at <= ?').bind(tokensBefore),
    db
      .prepare(
        `UPDATE subscribers SET status = 'unsubscribed', confirm_expires_at = NULL, updated_at = ?
         WHERE status = 'pending' AND confirmed_at IS NOT NULL AND confirm_expires_at <= ?`,
      )
      .bind(now, now),
    db
      .prepare(`DELETE FROM link_tokens WHERE subscriber_id IN (${NEVER_CONFIRMED_EXPIRED})`)
      .bind(now),
    db
      .prepare(
        `DELETE FROM subscriber_components WHERE subscriber_id IN (${NEVER_CONFIRMED_EXPIRED})`,
      )
      .bind(now),
    db
      .prepare(`DELETE FROM subscriber_areas WHERE subscriber_id IN (${NEVER_CONFIRMED_EXPIRED})`)
      .bind(now),
    db
      .prepare(
        `DELETE FROM subscriber_incidents WHERE subscriber_id IN (${NEVER_CONFIRMED_EXPIRED})`,
      )
      .bind(now),
    db.prepare(`DELETE FROM subscribers WHERE id IN (${NEVER_CONFIRMED_EXPIRED})`).bind(now),
  ]
}
