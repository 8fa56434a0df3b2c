/**
 * Subscribers following one incident or maintenance (migration 0021): who follows it, and the
 * statements that start and stop following.
 */

/** Ids of the subscribers following incident `incidentId`, in the order they began to. */
export async function selectIncidentFollowerIds(
  db: D1Database,
  incidentId: string,
): Promise<string[]> {
  const { results } = await db
    .prepare(
      `SELECT subscriber_id FROM subscriber_incidents WHERE incident_id = ?
       ORDER BY created_at, subscriber_id`,
    )
    .bind(incidentId)
    .all<{ subscriber_id: string }>()
  return results.map((r) => r.subscriber_id)
}

/** Whether subscriber `subscriberId` follows incident `incidentId`. */
export async function followsIncident(
  db: D1Database,
  subscriberId: string,
  incidentId: string,
): Promise<boolean> {
  const row = await db
    .prepare('SELECT 1 AS n FROM subscriber_incidents WHERE subscriber_id = ? AND incident_id = ?')
    .bind(subscriberId, incidentId)
    .first<{ n: number }>()
  return row !== null
}

/** Starts following an incident; one already followed is left as it was. */
export function insertIncidentFollow(
  db: D1Database,
  subscriberId: string,
  incidentId: string,
  at: string,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT OR IGNORE INTO subscriber_incidents (subscriber_id, incident_id, created_at)
       VALUES (?, ?, ?)`,
    )
    .bind(subscriberId, incidentId, at)
}

/** Stops following an incident. */
export function deleteIncidentFollow(
  db: D1Database,
  subscriberId: string,
  incidentId: string,
): D1PreparedStatement {
  return db
    .prepare('DELETE FROM subscriber_incidents WHERE subscriber_id = ? AND incident_id = ?')
    .bind(subscriberId, incidentId)
}

/**
 * Unsubscribes the subscriber when it follows nothing at all any more: not everything, no
 * component, area or incident. Run after `deleteIncidentFollow` in the same batch.
 */
export function unsubscribeIfFollowingNothing(
  db: D1Database,
  subscriberId: string,
  at: string,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE subscribers SET status = 'unsubscribed', unsubscribed_at = ?1,
         confirm_expires_at = NULL, updated_at = ?1
       WHERE id = ?2 AND status <> 'unsubscribed' AND everything = 0
         AND NOT EXISTS (SELECT 1 FROM subscriber_components WHERE subscriber_id = ?2)
         AND NOT EXISTS (SELECT 1 FROM subscriber_areas WHERE subscriber_id = ?2)
         AND NOT EXISTS (SELECT 1 FROM subscriber_incidents WHERE subscriber_id = ?2)`,
    )
    .bind(at, subscriberId)
}
