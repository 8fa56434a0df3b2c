/** What delivery outcomes do to a subscriber: failure counts and disabling a webhook. */

/** A delivery got through: the run of failed events is over. */
export function resetConsecutiveFailures(
  db: D1Database,
  subscriberId: string,
): D1PreparedStatement {
  return db
    .prepare(
      'UPDATE subscribers SET consecutive_failures = 0 WHERE id = ? AND consecutive_failures <> 0',
    )
    .bind(subscriberId)
}

/** One more event could not be delivered; returns the new count. */
export async function incrementConsecutiveFailures(
  db: D1Database,
  subscriberId: string,
  at: string,
): Promise<number> {
  const row = await db
    .prepare(
      `UPDATE subscribers SET consecutive_failures = consecutive_failures + 1, updated_at = ?
       WHERE id = ? RETURNING consecutive_failures`,
    )
    .bind(at, subscriberId)
    .first<{ consecutive_failures: number }>()
  return row?.consecutive_failures ?? 0
}

/**
 * Disables an active subscriber (or a webhook still waiting for its receiver to verify), with
 * the reason ops and the owner will read. Run it and check `meta.changes`: 1 means this call
 * disabled it (tell the owner once), 0 that it already was.
 */
export function disableSubscriber(
  db: D1Database,
  subscriberId: string,
  reason: string,
  at: string,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE subscribers SET status = 'disabled', disabled_at = ?2, disabled_reason = ?3,
         updated_at = ?2
       WHERE id = ?1 AND (status = 'active' OR (status = 'pending' AND verification = 'pending'))`,
    )
    .bind(subscriberId, at, reason)
}
