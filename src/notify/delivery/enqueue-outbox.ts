import { markOutboxEnqueued, selectUndispatchedOutboxIds } from '../../db/outbox-dispatch'
import type { EventQueueMessage } from '../types'

/** An enqueued event not fanned out after this long is sent again by the sweep. */
export const OUTBOX_RETRY_AFTER_MS = 2 * 60_000

/**
 * Sends outbox rows that no queue has yet (or that were lost on the way) to the EVENTS queue.
 * Called after every write and by the cron sweep; fan-out is idempotent, so sending an event
 * twice never notifies anyone twice.
 */
export async function enqueuePendingOutbox(
  env: { DB: D1Database; EVENTS: Queue<EventQueueMessage> },
  now = new Date(),
  limit = 100,
): Promise<number> {
  const staleBefore = new Date(now.getTime() - OUTBOX_RETRY_AFTER_MS).toISOString()
  const ids = await selectUndispatchedOutboxIds(env.DB, staleBefore, limit)
  if (ids.length === 0) return 0
  await env.EVENTS.sendBatch(ids.map((outboxId) => ({ body: { outboxId } })))
  await markOutboxEnqueued(env.DB, ids, now.toISOString()).run()
  return ids.length
}
