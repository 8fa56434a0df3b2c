/**
 * Transactional mail (confirmations, sign-in links, …): one row per mail, written in the same
 * batch as what it is about, sent by the DELIVERIES consumer. `params` may hold a one-time link,
 * so it is cleared once the mail is sent or given up.
 */

import type { MailStatus } from '../domain/delivery-states'
import { claimRow, extendClaims, selectStuckIds, touchRows } from './claimed-rows'
import type { ClaimHolder } from './deliveries'

/** A mail to record: its template and what the template needs. */
export interface NewMail {
  id: string
  template: string
  recipient: string
  params: Record<string, unknown>
  expiresAt: string
}

/** A recorded mail, as the sender reads it. */
export interface MailRow {
  id: string
  template: string
  recipient: string
  params: Record<string, unknown> | null
  status: MailStatus
  attempts: number
  expiresAt: string
}

/** Records mails, pending, in one statement (to run in the batch of what they are about). */
export function insertMails(db: D1Database, mails: NewMail[], at: string): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO transactional_mail (id, template, recipient, params, status, created_at,
         updated_at, expires_at)
       SELECT json_extract(value, '$.id'), json_extract(value, '$.template'),
              json_extract(value, '$.recipient'), json_extract(value, '$.params'), 'pending',
              ?1, ?1, json_extract(value, '$.expiresAt')
       FROM json_each(?2)`,
    )
    .bind(at, JSON.stringify(mails.map((m) => ({ ...m, params: JSON.stringify(m.params) }))))
}

/** Mails by id; ids that do not exist are left out. */
export async function selectMails(db: D1Database, ids: string[]): Promise<MailRow[]> {
  if (ids.length === 0) return []
  const { results } = await db
    .prepare(
      `SELECT id, template, recipient, params, status, attempts, expires_at FROM transactional_mail
       WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .bind(JSON.stringify(ids))
    .all<{
      id: string
      template: string
      recipient: string
      params: string | null
      status: MailStatus
      attempts: number
      expires_at: string
    }>()
  return results.map((r) => ({
    id: r.id,
    template: r.template,
    recipient: r.recipient,
    params: r.params === null ? null : (JSON.parse(r.params) as Record<string, unknown>),
    status: r.status,
    attempts: r.attempts,
    expiresAt: r.expires_at,
  }))
}

/** Takes a mail for sending, as claimDelivery does for a delivery (check `meta.changes`). */
export function claimMail(
  db: D1Database,
  id: string,
  now: Date,
  holder: ClaimHolder,
): D1PreparedStatement {
  return claimRow(db, 'transactional_mail', id, now, holder)
}

/** Extends this run's claims on these mails. */
export function extendMailClaims(
  db: D1Database,
  ids: string[],
  by: string,
  at: string,
): D1PreparedStatement {
  return extendClaims(db, 'transactional_mail', ids, by, at)
}

/**
 * Records one attempt. A mail that is sent or given up (dead) forgets its params; a failure is
 * recorded only under this run's claim, a success always.
 */
export function recordMailAttempt(
  db: D1Database,
  r: {
    id: string
    status: 'sent' | 'failed' | 'dead'
    error: string | null
    at: string
    claimedBy: string | null
    attempted: boolean
  },
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE transactional_mail SET status = ?2, updated_at = ?3, attempts = attempts + ?6,
         last_error = ?4, claimed_at = NULL, claimed_by = NULL,
         sent_at = CASE WHEN ?2 = 'sent' THEN ?3 ELSE sent_at END,
         params = CASE WHEN ?2 IN ('sent', 'dead') THEN NULL ELSE params END
       WHERE id = ?1 AND status NOT IN ('sent', 'dead')
         AND (?2 = 'sent' OR ?5 IS NULL OR claimed_by = ?5)`,
    )
    .bind(r.id, r.status, r.at, r.error, r.claimedBy, r.attempted ? 1 : 0)
}

/**
 * Mails waiting since before `before` (their queue message was lost, or never sent) or claimed
 * by a run that stopped extending its claim before then. Oldest first.
 */
export function selectStuckMailIds(
  db: D1Database,
  before: string,
  limit: number,
): Promise<string[]> {
  return selectStuckIds(db, 'transactional_mail', before, limit)
}

/** Touches re-enqueued mails, so the next sweep waits for them again. */
export function touchMails(db: D1Database, ids: string[], at: string): D1PreparedStatement {
  return touchRows(db, 'transactional_mail', ids, at)
}
