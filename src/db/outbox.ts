import type { EventType } from '../domain/event-types'

/** An event to announce, as the outbox keeps it. */
export interface OutboxEvent {
  id: string
  eventType: EventType
  incidentId: string | null
  updateId: string | null
  componentId: string | null
  payload: Record<string, unknown>
  createdAt: string
  dispatchedAt: string | null
}

/** Records an event to announce; always part of the batch that makes the change. */
export function insertOutbox(
  db: D1Database,
  e: Omit<OutboxEvent, 'dispatchedAt'>,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO outbox (id, event_type, incident_id, update_id, component_id, payload, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(
      e.id,
      e.eventType,
      e.incidentId,
      e.updateId,
      e.componentId,
      JSON.stringify(e.payload),
      e.createdAt,
    )
}

/** An outbox row as D1 returns it. */
export interface OutboxDbRow {
  id: string
  event_type: EventType
  incident_id: string | null
  update_id: string | null
  component_id: string | null
  payload: string
  created_at: string
  dispatched_at: string | null
}

/** Maps an outbox row to the event it records. */
export function toOutboxEvent(r: OutboxDbRow): OutboxEvent {
  return {
    id: r.id,
    eventType: r.event_type,
    incidentId: r.incident_id,
    updateId: r.update_id,
    componentId: r.component_id,
    payload: JSON.parse(r.payload) as Record<string, unknown>,
    createdAt: r.created_at,
    dispatchedAt: r.dispatched_at,
  }
}

/** The newest `limit` outbox events, dispatched or not. */
export async function selectOutbox(db: D1Database, limit: number): Promise<OutboxEvent[]> {
  const { results } = await db
    .prepare('SELECT * FROM outbox ORDER BY created_at DESC LIMIT ?')
    .bind(limit)
    .all<OutboxDbRow>()
  return results.map(toOutboxEvent)
}

/**
 * The `webhook.verify` event of a webhook now waiting for its receiver (run in the batch that
 * starts the wait): written once per webhook, and only while it waits.
 */
export function insertVerifyEvent(
  db: D1Database,
  e: { id: string; subscriberId: string; baseUrl: string; at: string },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO outbox (id, event_type, payload, created_at)
       SELECT ?1, 'webhook.verify', json_object('subscriber_id', ?2, 'base_url', ?3), ?4
       WHERE EXISTS (SELECT 1 FROM subscribers
                     WHERE id = ?2 AND status = 'pending' AND verification = 'pending')
         AND NOT EXISTS (SELECT 1 FROM outbox WHERE event_type = 'webhook.verify'
                         AND json_extract(payload, '$.subscriber_id') = ?2)`,
    )
    .bind(e.id, e.subscriberId, e.baseUrl, e.at)
}
