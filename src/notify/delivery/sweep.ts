import { selectStuckDeliveryIds, touchDeliveries } from '../../db/deliveries'
import { expirePendingSubscribers } from '../../domain/subscriber-expiry'
import type { AppEnv } from '../../env'
import { enqueuePendingOutbox } from './enqueue-outbox'
import { requeueStuckMail } from './transactional-mail'
import type { DeliveryQueueMessage } from '../types'

/** A delivery still pending or sending after this long has lost its queue message. */
export const STUCK_AFTER_MS = 2 * 60_000
/** Deliveries re-sent per sweep at most (the rest wait for the next minute). */
export const SWEEP_DELIVERY_LIMIT = 500

/**
 * Re-sends deliveries stuck pending (the D1 write landed, the queue send did not) or sending
 * with a claim nobody extends any more (the worker sending it vanished). The delivery consumer
 * claims before sending and extends its claims while it works, so a delivery whose message was
 * only slow, or whose batch is still being sent, is still sent once.
 */
export async function requeueStuckDeliveries(
  env: { DB: D1Database; DELIVERIES: Queue<DeliveryQueueMessage> | Queue },
  now = new Date(),
  limit = SWEEP_DELIVERY_LIMIT,
): Promise<number> {
  const before = new Date(now.getTime() - STUCK_AFTER_MS).toISOString()
  const ids = await selectStuckDeliveryIds(env.DB, before, limit)
  for (let i = 0; i < ids.length; i += 100) {
    const chunk = ids.slice(i, i + 100)
    await env.DELIVERIES.sendBatch(chunk.map((deliveryId) => ({ body: { deliveryId } })))
    await touchDeliveries(env.DB, chunk, now.toISOString()).run()
  }
  return ids.length
}

/**
 * The cron sweep (every minute, the last part of the clock): re-send outbox rows, deliveries and
 * transactional mail the queues may have lost, and remove subscriptions left unconfirmed past their 48 hours. Each
 * step runs even if another fails.
 */
export async function runSweep(env: AppEnv, now: Date): Promise<void> {
  const steps: [string, () => Promise<unknown>][] = [
    ['outbox', () => enqueuePendingOutbox(env, now)],
    ['stuck deliveries', () => requeueStuckDeliveries(env, now)],
    ['stuck transactional mail', () => requeueStuckMail(env, now)],
    ['expired subscriptions', () => expirePendingSubscribers(env.DB, now)],
  ]
  for (const [name, step] of steps) {
    await step().catch((error: unknown) => console.error(`sweep step "${name}" failed`, error))
  }
}
