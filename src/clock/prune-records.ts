import {
  deleteExpiredIncidentLinkTokens,
  deleteExpiredLinkTokens,
  deleteFinishedDeliveries,
  deleteFinishedOutboxRows,
} from '../db/retention'
import { deleteExpiredMemberLinks } from '../db/members'
import { deleteEndedSessions } from '../db/sessions'
import { SESSION_IDLE_MS } from '../domain/sessions'
import { pruneIdempotencyKeys } from '../domain/idempotency'
import { daysBefore, retentionPeriods } from '../domain/retention'
import type { AppEnv } from '../env'

/** Rows of each kind deleted per clock run at most; a backlog shrinks by this every minute. */
export const PRUNE_BATCH = 500

/** How many rows of each kind one run pruned. */
export interface PruneResult {
  deliveries: number
  events: number
  linkTokens: number
  incidentLinkTokens: number
  memberLinks: number
  sessions: number
  idempotencyKeys: number
}

/**
 * Retention, each clock run: deletes what is finished and older than its period (see
 * retentionPeriods), at most `limit` rows of each kind, oldest first. Never an undelivered
 * notice: deliveries pending, sending or failed (to be retried) stay, and so do outbox rows not
 * fanned out yet or with any delivery left. Deliveries go before the events they belong to, so
 * an event can go in the same run as its last delivery.
 * Console sign-in links go like link tokens; ended sessions go at once (nothing reads them).
 */
export async function pruneRecords(
  env: AppEnv,
  now: Date,
  limit = PRUNE_BATCH,
): Promise<PruneResult> {
  const db = env.DB
  const periods = retentionPeriods(env)
  const deliveriesBefore = daysBefore(now, periods.deliveriesDays)
  const eventsBefore = daysBefore(now, periods.eventsDays)
  const tokensBefore = daysBefore(now, periods.linkTokensDays)
  const results = await db.batch([
    ...deleteFinishedDeliveries(db, deliveriesBefore, limit),
    deleteFinishedOutboxRows(db, eventsBefore, limit),
    deleteExpiredLinkTokens(db, tokensBefore, limit),
    deleteExpiredIncidentLinkTokens(db, tokensBefore, limit),
    deleteExpiredMemberLinks(db, tokensBefore, limit),
    deleteEndedSessions(
      db,
      now.toISOString(),
      new Date(now.getTime() - SESSION_IDLE_MS).toISOString(),
      limit,
    ),
  ])
  const changes = results.map((r) => r.meta.changes)
  return {
    deliveries: changes[1]!,
    events: changes[2]!,
    linkTokens: changes[3]!,
    incidentLinkTokens: changes[4]!,
    memberLinks: changes[5]!,
    sessions: changes[6]!,
    idempotencyKeys: await pruneIdempotencyKeys(db, now, limit),
  }
}
