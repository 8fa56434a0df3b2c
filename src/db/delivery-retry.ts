import type { DeliveryStatus } from '../domain/delivery-states'

/** Where a delivery stands, and its subscriber's status (for deciding whether to retry it). */
export interface DeliveryState {
  id: string
  status: DeliveryStatus
  subscriberId: string
  subscriberKind: 'email' | 'webhook'
  subscriberStatus: string
}

/** A delivery's status with its subscriber's, or null. */
export async function selectDeliveryState(
  db: D1Database,
  id: string,
): Promise<DeliveryState | null> {
  const row = await db
    .prepare(
      `SELECT d.id, d.status, d.subscriber_id, s.kind, s.status AS subscriber_status
       FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id WHERE d.id = ?`,
    )
    .bind(id)
    .first<{
      id: string
      status: DeliveryStatus
      subscriber_id: string
      kind: 'email' | 'webhook'
      subscriber_status: string
    }>()
  return row
    ? {
        id: row.id,
        status: row.status,
        subscriberId: row.subscriber_id,
        subscriberKind: row.kind,
        subscriberStatus: row.subscriber_status,
      }
    : null
}

/**
 * Puts a dead delivery back to pending, claimable by the delivery consumer (and found by the
 * sweep if its queue message is lost). Only a delivery still dead changes: check `changes`.
 */
export function requeueDeadDelivery(db: D1Database, id: string, at: string): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE deliveries SET status = 'pending', updated_at = ?2, claimed_at = NULL,
         claimed_by = NULL
       WHERE id = ?1 AND status = 'dead'`,
    )
    .bind(id, at)
}
