/**
 * The statements that move a subscriber from one state to the next: pending (a confirmation
 * link out), confirmed, awaiting a webhook receiver's verification, verified, unsubscribed.
 * Each is one UPDATE, to run in the batch of the change that causes it.
 */

/** Puts a known address back to pending, awaiting a new confirmation until `expiresAt`. */
export function markPending(
  db: D1Database,
  id: string,
  expiresAt: string,
  at: string,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE subscribers SET status = 'pending', consent = 'double_opt_in',
         confirm_expires_at = ?, updated_at = ?
       WHERE id = ? AND status <> 'active'`,
    )
    .bind(expiresAt, at, id)
}

/**
 * Makes a pending subscriber active: its address (or its owner's) confirmed. A webhook whose
 * receiver is being verified is left waiting for its receiver.
 */
export function markConfirmed(db: D1Database, id: string, at: string): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE subscribers SET status = 'active', confirmed_at = ?, confirm_expires_at = NULL,
         unsubscribed_at = NULL, disabled_at = NULL, disabled_reason = NULL,
         consecutive_failures = 0, updated_at = ?
       WHERE id = ? AND status = 'pending' AND verification IS NOT 'pending'`,
    )
    .bind(at, at, id)
}

/**
 * A public webhook's owner confirmed it: it now waits for its receiver to answer the
 * `webhook.verify` event (stays pending, verification pending, no confirmation deadline).
 */
export function markAwaitingVerification(
  db: D1Database,
  id: string,
  at: string,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE subscribers SET verification = 'pending', confirmed_at = ?1,
         confirm_expires_at = NULL, consecutive_failures = 0, updated_at = ?1
       WHERE id = ?2 AND kind = 'webhook' AND status = 'pending' AND verification IS NULL`,
    )
    .bind(at, id)
}

/** The receiver answered the `webhook.verify` event: the webhook becomes active. */
export function markVerified(db: D1Database, id: string, at: string): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE subscribers SET status = 'active', verification = 'verified', updated_at = ?1
       WHERE id = ?2 AND status = 'pending' AND verification = 'pending'`,
    )
    .bind(at, id)
}

/** Marks a subscriber unsubscribed (once: a second call keeps the first time). */
export function markUnsubscribed(db: D1Database, id: string, at: string): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE subscribers SET status = 'unsubscribed', unsubscribed_at = ?, confirm_expires_at = NULL,
         updated_at = ?
       WHERE id = ? AND status <> 'unsubscribed'`,
    )
    .bind(at, at, id)
}
