/**
 * Ops alerts and their sends. An alert's id is derived from its episode, so raising the same
 * alert twice inserts nothing the second time; its sends are inserted only alongside a new alert.
 */
import type { OpsChannel, OpsSendStatus } from '../domain/delivery-states'

/** An ops alert as ops read it back, with how each channel fared. */
export interface OpsAlertRecord {
  id: string
  eventType: string
  incidentId: string
  episode: string
  createdAt: string
  sends: {
    id: string
    channel: OpsChannel
    target: string
    status: OpsSendStatus
    attempts: number
    lastStatusCode: number | null
    lastError: string | null
    sentAt: string | null
  }[]
}

/** One send with the alert's message, as the sender needs it. */
export interface OpsSendTarget {
  id: string
  alertId: string
  channel: OpsChannel
  target: string
  status: OpsSendStatus
  attempts: number
  message: string
}

/**
 * Statements raising an alert: the alert row (ignored when this episode already has one) and
 * one pending send per channel, inserted only if the alert row is the one just written.
 */
export function insertOpsAlert(
  db: D1Database,
  alert: { id: string; eventType: string; incidentId: string; episode: string; message: string },
  sends: { id: string; channel: OpsChannel; target: string }[],
  at: string,
): D1PreparedStatement[] {
  return [
    db
      .prepare(
        `INSERT OR IGNORE INTO ops_alerts (id, event_type, incident_id, episode, message, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .bind(alert.id, alert.eventType, alert.incidentId, alert.episode, alert.message, at),
    ...sends.map((s) =>
      db
        .prepare(
          `INSERT OR IGNORE INTO ops_alert_sends
             (id, alert_id, channel, target, status, created_at, updated_at)
           SELECT ?1, ?2, ?3, ?4, 'pending', ?5, ?5
           WHERE EXISTS (SELECT 1 FROM ops_alerts WHERE id = ?2 AND created_at = ?5)`,
        )
        .bind(s.id, alert.id, s.channel, s.target, at),
    ),
  ]
}

/** Ids of alerts already raised among these. */
export async function selectRaisedAlertIds(db: D1Database, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const { results } = await db
    .prepare('SELECT id FROM ops_alerts WHERE id IN (SELECT value FROM json_each(?))')
    .bind(JSON.stringify(ids))
    .all<{ id: string }>()
  return new Set(results.map((r) => r.id))
}

/** Ids of the sends of these alerts still waiting to go out. */
export async function selectPendingSendIds(db: D1Database, alertIds: string[]): Promise<string[]> {
  if (alertIds.length === 0) return []
  const { results } = await db
    .prepare(
      `SELECT id FROM ops_alert_sends
       WHERE status = 'pending' AND alert_id IN (SELECT value FROM json_each(?))`,
    )
    .bind(JSON.stringify(alertIds))
    .all<{ id: string }>()
  return results.map((r) => r.id)
}

/**
 * Sends whose queue message was lost: pending or sending and unchanged since `before`, or failed
 * and unchanged since `failedBefore` (longer than any retry delay, so the queue has given up).
 */
export async function selectStuckSendIds(
  db: D1Database,
  before: string,
  limit: number,
  failedBefore = before,
): Promise<string[]> {
  const { results } = await db
    .prepare(
      `SELECT id FROM ops_alert_sends
       WHERE (status IN ('pending', 'sending') AND updated_at < ?1)
          OR (status = 'failed' AND updated_at < ?2)
       ORDER BY updated_at LIMIT ?3`,
    )
    .bind(before, failedBefore, limit)
    .all<{ id: string }>()
  return results.map((r) => r.id)
}

/** Marks sends as handed to the queue again, so the next sweep waits before re-sending. */
export function touchSends(db: D1Database, ids: string[], at: string): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE ops_alert_sends SET updated_at = ?
       WHERE id IN (SELECT value FROM json_each(?)) AND status IN ('pending', 'sending', 'failed')`,
    )
    .bind(at, JSON.stringify(ids))
}

/** A send with its alert's message, or null once it no longer exists. */
export async function selectSendTarget(db: D1Database, id: string): Promise<OpsSendTarget | null> {
  const row = await db
    .prepare(
      `SELECT s.id, s.alert_id, s.channel, s.target, s.status, s.attempts, a.message
       FROM ops_alert_sends s JOIN ops_alerts a ON a.id = s.alert_id WHERE s.id = ?`,
    )
    .bind(id)
    .first<{
      id: string
      alert_id: string
      channel: OpsChannel
      target: string
      status: OpsSendStatus
      attempts: number
      message: string
    }>()
  if (!row) return null
  return {
    id: row.id,
    alertId: row.alert_id,
    channel: row.channel,
    target: row.target,
    status: row.status,
    attempts: row.attempts,
    message: row.message,
  }
}

/** Takes a send for sending; only one worker wins (check `meta.changes`). */
export function claimSend(
  db: D1Database,
  id: string,
  at: string,
  leaseExpired: string,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE ops_alert_sends SET status = 'sending', updated_at = ?1
       WHERE id = ?2 AND (status IN ('pending', 'failed') OR (status = 'sending' AND updated_at < ?3))`,
    )
    .bind(at, id, leaseExpired)
}

/** Records one attempt's outcome: sent, dead, or failed (the queue retries it). */
export function recordSendAttempt(
  db: D1Database,
  r: {
    id: string
    status: 'sent' | 'failed' | 'dead'
    statusCode: number | null
    error: string | null
    at: string
  },
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE ops_alert_sends SET status = ?2, attempts = attempts + 1, updated_at = ?3,
         last_status_code = ?4, last_error = ?5,
         sent_at = CASE WHEN ?2 = 'sent' THEN ?3 ELSE sent_at END
       WHERE id = ?1`,
    )
    .bind(r.id, r.status, r.at, r.statusCode, r.error)
}

/** The most recent alerts with their sends, newest first; optionally for one incident. */
export async function selectOpsAlerts(
  db: D1Database,
  options: { incidentId?: string; limit: number },
): Promise<OpsAlertRecord[]> {
  const { results } = await db
    .prepare(
      `SELECT a.id, a.event_type, a.incident_id, a.episode, a.created_at,
              (SELECT json_group_array(json_object(
                 'id', s.id, 'channel', s.channel, 'target', s.target, 'status', s.status,
                 'attempts', s.attempts, 'last_status_code', s.last_status_code,
                 'last_error', s.last_error, 'sent_at', s.sent_at))
               FROM ops_alert_sends s WHERE s.alert_id = a.id) AS sends
       FROM ops_alerts a
       WHERE ?1 IS NULL OR a.incident_id = ?1
       ORDER BY a.created_at DESC, a.id LIMIT ?2`,
    )
    .bind(options.incidentId ?? null, options.limit)
    .all<{
      id: string
      event_type: string
      incident_id: string
      episode: string
      created_at: string
      sends: string
    }>()
  return results.map((r) => ({
    id: r.id,
    eventType: r.event_type,
    incidentId: r.incident_id,
    episode: r.episode,
    createdAt: r.created_at,
    sends: (
      JSON.parse(r.sends) as {
        id: string
        channel: OpsChannel
        target: string
        status: OpsSendStatus
        attempts: number
        last_status_code: number | null
        last_error: string | null
        sent_at: string | null
      }[]
    ).map((s) => ({
      id: s.id,
      channel: s.channel,
      target: s.target,
      status: s.status,
      attempts: s.attempts,
      lastStatusCode: s.last_status_code,
      lastError: s.last_error,
      sentAt: s.sent_at,
    })),
  }))
}

/** Gives a send up for good (its queue message's retries are spent), unless it got through. */
export function markSendDead(
  db: D1Database,
  id: string,
  error: string,
  at: string,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE ops_alert_sends SET status = 'dead', updated_at = ?2,
         last_error = COALESCE(last_error, ?3)
       WHERE id = ?1 AND status NOT IN ('sent', 'dead')`,
    )
    .bind(id, at, error)
}
