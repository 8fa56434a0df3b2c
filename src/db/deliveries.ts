/**
 * The delivery log: one row per (event, subscriber) — the key that makes each notice go out
 * once — and one row per attempt to send it.
 */
import { claimRow, extendClaims, selectStuckIds, touchRows } from './claimed-rows'
import type { DeliveryStatus } from '../domain/delivery-states'

/** A delivery with what the sender needs about its subscriber. */
export interface DeliveryTarget {
  id: string
  eventId: string
  /** The event's type (null if its outbox row is gone). */
  eventType: string | null
  status: DeliveryStatus
  attempts: number
  lastError: string | null
  subscriber: {
    id: string
    kind: 'email' | 'webhook'
    email: string | null
    url: string | null
    format: 'email' | 'standard' | 'slack' | 'discord' | 'teams'
    secret: string | null
    previousSecret: string | null
    previousSecretExpiresAt: string | null
    status: 'pending' | 'active' | 'disabled' | 'unsubscribed'
    /** `pending` while a public webhook waits for its receiver to answer `webhook.verify`. */
    verification: 'pending' | 'verified' | null
    consecutiveFailures: number
    /** Its own time zone and language for emails (null: the page's). */
    timeZone: string | null
    language: string | null
  }
}

interface TargetRow {
  id: string
  event_id: string
  event_type: string | null
  status: DeliveryStatus
  attempts: number
  last_error: string | null
  subscriber_id: string
  kind: 'email' | 'webhook'
  email: string | null
  url: string | null
  format: DeliveryTarget['subscriber']['format']
  secret: string | null
  previous_secret: string | null
  previous_secret_expires_at: string | null
  subscriber_status: DeliveryTarget['subscriber']['status']
  verification: DeliveryTarget['subscriber']['verification']
  consecutive_failures: number
  time_zone: string | null
  language: string | null
}

function toTarget(row: TargetRow): DeliveryTarget {
  return {
    id: row.id,
    eventId: row.event_id,
    eventType: row.event_type,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    subscriber: {
      id: row.subscriber_id,
      kind: row.kind,
      email: row.email,
      url: row.url,
      format: row.format,
      secret: row.secret,
      previousSecret: row.previous_secret,
      previousSecretExpiresAt: row.previous_secret_expires_at,
      status: row.subscriber_status,
      verification: row.verification,
      consecutiveFailures: row.consecutive_failures,
      timeZone: row.time_zone,
      language: row.language,
    },
  }
}

/**
 * Creates the pending deliveries of one event for these subscribers in one statement; a pair
 * that already has a delivery keeps it (the UNIQUE key), so fanning out twice adds nothing.
 */
export function insertDeliveries(
  db: D1Database,
  eventId: string,
  rows: { id: string; subscriberId: string }[],
  at: string,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT OR IGNORE INTO deliveries (id, event_id, subscriber_id, status, created_at, updated_at)
       SELECT json_extract(value, '$[0]'), ?1, json_extract(value, '$[1]'), 'pending', ?2, ?2
       FROM json_each(?3)`,
    )
    .bind(eventId, at, JSON.stringify(rows.map((r) => [r.id, r.subscriberId])))
}

/** Ids of the event's deliveries to these subscribers that are still waiting to be sent. */
export function selectPendingDeliveryIds(
  db: D1Database,
  eventId: string,
  subscriberIds: string[],
): D1PreparedStatement {
  return db
    .prepare(
      `SELECT id FROM deliveries
       WHERE event_id = ? AND status = 'pending'
         AND subscriber_id IN (SELECT value FROM json_each(?))`,
    )
    .bind(eventId, JSON.stringify(subscriberIds))
}

/** Deliveries by id, joined with their subscribers; ids that no longer exist are left out. */
export async function selectDeliveryTargets(
  db: D1Database,
  ids: string[],
): Promise<DeliveryTarget[]> {
  if (ids.length === 0) return []
  const { results } = await db
    .prepare(
      `SELECT d.id, d.event_id, d.status, d.attempts, d.last_error, d.subscriber_id,
              s.kind, s.email, s.url, s.format, s.secret, s.previous_secret,
              s.previous_secret_expires_at, s.status AS subscriber_status, s.verification,
              s.consecutive_failures, s.time_zone, s.language,
              (SELECT event_type FROM outbox WHERE id = d.event_id) AS event_type
       FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id
       WHERE d.id IN (SELECT value FROM json_each(?))`,
    )
    .bind(JSON.stringify(ids))
    .all<TargetRow>()
  return results.map(toTarget)
}

/** How long a claim protects a delivery being sent, unless DELIVERY_CLAIM_SECONDS says otherwise. */
export const CLAIM_LEASE_MS = 60_000

/** Who claims, and for how long the claim holds unless extended. */
export interface ClaimHolder {
  /** The consumer run's own id: only it may extend the claim or record a failure under it. */
  by: string
  leaseMs: number
}

/**
 * Takes a delivery for sending: only one worker wins (check `meta.changes`). A delivery is
 * claimable when it waits, failed before, or was claimed by a worker whose claim has run out
 * (it vanished: a live worker keeps extending its claims).
 */
export function claimDelivery(
  db: D1Database,
  id: string,
  now: Date,
  holder: ClaimHolder,
): D1PreparedStatement {
  return claimRow(db, 'deliveries', id, now, holder)
}

/** Extends the claims this run still holds on these deliveries (they are being sent). */
export function extendDeliveryClaims(
  db: D1Database,
  ids: string[],
  by: string,
  at: string,
): D1PreparedStatement {
  return extendClaims(db, 'deliveries', ids, by, at)
}

/** The outcome of one attempt, recorded on the delivery and in its attempt log. */
export interface AttemptRecord {
  deliveryId: string
  status: 'sent' | 'failed' | 'skipped' | 'dead'
  statusCode: number | null
  error: string | null
  durationMs: number | null
  at: string
  /** False when nothing was tried (a skip): the attempt log and counter stay as they are. */
  attempted: boolean
  /**
   * The claim it was made under: an outcome other than `sent` is recorded only while that claim
   * is still this run's (a run that lost its claim must not undo another's work). A send that
   * got through is always recorded.
   */
  claimedBy?: string
}

/** Statements recording one attempt: the delivery's new state and, if tried, a log line. */
export function recordAttempt(db: D1Database, r: AttemptRecord): D1PreparedStatement[] {
  const statements = [
    db
      .prepare(
        `UPDATE deliveries SET status = ?2, updated_at = ?3,
           attempts = attempts + ?4,
           last_status_code = CASE WHEN ?4 = 1 THEN ?5 ELSE last_status_code END,
           last_error = CASE WHEN ?4 = 1 THEN ?6 ELSE last_error END,
           sent_at = CASE WHEN ?2 = 'sent' THEN ?3 ELSE sent_at END,
           claimed_at = NULL, claimed_by = NULL
         WHERE id = ?1 AND status <> 'sent'
           AND (?2 = 'sent' OR ?7 IS NULL OR claimed_by = ?7)`,
      )
      .bind(
        r.deliveryId,
        r.status,
        r.at,
        r.attempted ? 1 : 0,
        r.statusCode,
        r.error,
        r.claimedBy ?? null,
      ),
  ]
  if (r.attempted) {
    statements.push(
      db
        .prepare(
          `INSERT INTO delivery_attempts (delivery_id, attempt, at, status_code, error, duration_ms)
           SELECT id, attempts, ?2, ?3, ?4, ?5 FROM deliveries WHERE id = ?1`,
        )
        .bind(r.deliveryId, r.at, r.statusCode, r.error, r.durationMs),
    )
  }
  return statements
}

/** Marks a delivery as given up for good (its retries are spent), unless it got through. */
export function markDeliveryDead(
  db: D1Database,
  id: string,
  error: string | null,
  at: string,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE deliveries SET status = 'dead', updated_at = ?2, claimed_at = NULL, claimed_by = NULL,
         last_error = COALESCE(?3, last_error)
       WHERE id = ?1 AND status NOT IN ('sent', 'skipped', 'dead')`,
    )
    .bind(id, at, error)
}

/**
 * Deliveries waiting (pending) since before `before` — the queue message was lost — or claimed
 * (sending) by a worker that stopped extending its claim before `before`: it vanished. Oldest
 * first.
 */
export function selectStuckDeliveryIds(
  db: D1Database,
  before: string,
  limit: number,
): Promise<string[]> {
  return selectStuckIds(db, 'deliveries', before, limit)
}

/** Touches re-enqueued deliveries, so the next sweep waits for them again. */
export function touchDeliveries(db: D1Database, ids: string[], at: string): D1PreparedStatement {
  return touchRows(db, 'deliveries', ids, at)
}
