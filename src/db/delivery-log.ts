import type { DeliveryStatus } from '../domain/delivery-states'

/** One delivery as ops read it, with the event it carried and whom it was for. */
export interface DeliveryLogEntry {
  id: string
  eventId: string
  eventType: string
  incidentId: string | null
  componentId: string | null
  subscriberId: string
  channel: 'email' | 'webhook'
  /** The webhook URL or the email address. */
  recipient: string | null
  status: DeliveryStatus
  attempts: number
  lastStatusCode: number | null
  lastError: string | null
  createdAt: string
  updatedAt: string
  sentAt: string | null
}

/** One attempt to send a delivery. */
export interface DeliveryAttempt {
  deliveryId: string
  attempt: number
  at: string
  statusCode: number | null
  error: string | null
  durationMs: number | null
}

interface LogRow {
  id: string
  event_id: string
  event_type: string
  incident_id: string | null
  component_id: string | null
  subscriber_id: string
  kind: 'email' | 'webhook'
  recipient: string | null
  status: DeliveryStatus
  attempts: number
  last_status_code: number | null
  last_error: string | null
  created_at: string
  updated_at: string
  sent_at: string | null
}

const SELECT = `SELECT d.id, d.event_id, o.event_type, o.incident_id, o.component_id,
    d.subscriber_id, s.kind, CASE s.kind WHEN 'webhook' THEN s.url ELSE s.email END AS recipient,
    d.status, d.attempts, d.last_status_code, d.last_error, d.created_at, d.updated_at, d.sent_at
  FROM deliveries d
  JOIN outbox o ON o.id = d.event_id
  JOIN subscribers s ON s.id = d.subscriber_id`

function toEntry(r: LogRow): DeliveryLogEntry {
  return {
    id: r.id,
    eventId: r.event_id,
    eventType: r.event_type,
    incidentId: r.incident_id,
    componentId: r.component_id,
    subscriberId: r.subscriber_id,
    channel: r.kind,
    recipient: r.recipient,
    status: r.status,
    attempts: r.attempts,
    lastStatusCode: r.last_status_code,
    lastError: r.last_error,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    sentAt: r.sent_at,
  }
}

/** A subscriber's deliveries, newest first. */
export async function selectSubscriberDeliveries(
  db: D1Database,
  subscriberId: string,
  limit: number,
): Promise<DeliveryLogEntry[]> {
  const { results } = await db
    .prepare(`${SELECT} WHERE d.subscriber_id = ? ORDER BY d.created_at DESC, d.id LIMIT ?`)
    .bind(subscriberId, limit)
    .all<LogRow>()
  return results.map(toEntry)
}

/** Deliveries across all subscribers, optionally in one status, most recently changed first. */
export async function selectDeliveriesByStatus(
  db: D1Database,
  status: DeliveryStatus | null,
  limit: number,
): Promise<DeliveryLogEntry[]> {
  const where = status ? 'WHERE d.status = ?1' : 'WHERE ?1 IS NULL'
  const { results } = await db
    .prepare(`${SELECT} ${where} ORDER BY d.updated_at DESC, d.id LIMIT ?2`)
    .bind(status, limit)
    .all<LogRow>()
  return results.map(toEntry)
}

/** The attempts of these deliveries, newest first. */
export async function selectAttempts(
  db: D1Database,
  deliveryIds: string[],
): Promise<DeliveryAttempt[]> {
  if (deliveryIds.length === 0) return []
  const { results } = await db
    .prepare(
      `SELECT delivery_id, attempt, at, status_code, error, duration_ms FROM delivery_attempts
       WHERE delivery_id IN (SELECT value FROM json_each(?)) ORDER BY at DESC, attempt DESC`,
    )
    .bind(JSON.stringify(deliveryIds))
    .all<{
      delivery_id: string
      attempt: number
      at: string
      status_code: number | null
      error: string | null
      duration_ms: number | null
    }>()
  return results.map((r) => ({
    deliveryId: r.delivery_id,
    attempt: r.attempt,
    at: r.at,
    statusCode: r.status_code,
    error: r.error,
    durationMs: r.duration_ms,
  }))
}

/** How many deliveries an incident's events have, per channel and status. */
export async function selectIncidentDeliveryCounts(
  db: D1Database,
  incidentId: string,
): Promise<{ channel: 'email' | 'webhook'; status: DeliveryStatus; count: number }[]> {
  const { results } = await db
    .prepare(
      `SELECT s.kind AS channel, d.status, COUNT(*) AS count
       FROM deliveries d
       JOIN outbox o ON o.id = d.event_id
       JOIN subscribers s ON s.id = d.subscriber_id
       WHERE o.incident_id = ?
       GROUP BY s.kind, d.status`,
    )
    .bind(incidentId)
    .all<{ channel: 'email' | 'webhook'; status: DeliveryStatus; count: number }>()
  return results
}

/** The events recorded for an incident (outbox rows), oldest first. */
export async function selectIncidentEvents(
  db: D1Database,
  incidentId: string,
): Promise<{ id: string; eventType: string; createdAt: string; dispatchedAt: string | null }[]> {
  const { results } = await db
    .prepare(
      `SELECT id, event_type, created_at, dispatched_at FROM outbox WHERE incident_id = ?
       ORDER BY created_at, id`,
    )
    .bind(incidentId)
    .all<{ id: string; event_type: string; created_at: string; dispatched_at: string | null }>()
  return results.map((r) => ({
    id: r.id,
    eventType: r.event_type,
    createdAt: r.created_at,
    dispatchedAt: r.dispatched_at,
  }))
}
