import { insertDeliveries, selectPendingDeliveryIds } from '../../db/deliveries'
import {
  markOutboxDispatched,
  selectOutboxMessages,
  selectOutboxRow,
  storeOutboxMessage,
} from '../../db/outbox-fanout'
import {
  selectMatchingSubscriberIds,
  selectVerifyingSubscriberIds,
} from '../../db/subscriber-matching'
import type { AppEnv } from '../../env'
import { newId } from '../../lib/ids'
import { buildEventMessage, reachOf } from '../event-message'
import { backoffSeconds } from './retry-schedule'
import type { EventMessage, EventQueueMessage } from '../types'

/** Subscribers read per page (keyset pagination by id). */
export const FANOUT_PAGE_SIZE = 500
/** Messages per `sendBatch` call (the Queues limit). */
const SEND_BATCH_SIZE = 100

/** What one fan-out did. */
export interface FanOutResult {
  /** Subscribers the event reaches. */
  matched: number
  /** Delivery messages put on the DELIVERIES queue by this run. */
  enqueued: number
}

/** The event's message: the stored one, or built now and stored (the first stored wins). */
async function eventMessage(
  env: AppEnv,
  row: NonNullable<Awaited<ReturnType<typeof selectOutboxRow>>>,
  now: Date,
): Promise<EventMessage | null> {
  if (row.message) return JSON.parse(row.message) as EventMessage
  const built = await buildEventMessage(env.DB, row, env, now)
  if (!built) return null
  await storeOutboxMessage(env.DB, row.id, JSON.stringify(built)).run()
  const stored = (await selectOutboxMessages(env.DB, [row.id])).get(row.id)
  return stored ? (JSON.parse(stored) as EventMessage) : built
}

/**
 * Fans one outbox event out: one delivery row per matching active subscriber (a
 * `webhook.verify` event: its one webhook, while that waits for its receiver) (created with
 * INSERT OR IGNORE on the (event, subscriber) key), each still-pending delivery sent to the
 * DELIVERIES queue, then the event marked dispatched. Safe to run again from any point: a
 * repeat creates no second delivery, and the delivery consumer sends a delivery once however
 * often its message arrives. Returns null when there was nothing (left) to do.
 */
export async function fanOutEvent(
  env: AppEnv,
  outboxId: string,
  now = new Date(),
  pageSize = FANOUT_PAGE_SIZE,
): Promise<FanOutResult | null> {
  const db = env.DB
  const row = await selectOutboxRow(db, outboxId)
  if (!row || row.dispatchedAt) return null
  const at = now.toISOString()
  const message = await eventMessage(env, row, now)
  if (!message) {
    // What it announced no longer exists: there is nothing to tell anyone.
    await markOutboxDispatched(db, row.id, at).run()
    return null
  }
  const reach = reachOf(message)
  const result: FanOutResult = { matched: 0, enqueued: 0 }
  let afterId = ''
  for (;;) {
    const subscriberIds =
      row.eventType === 'webhook.verify'
        ? await selectVerifyingSubscriberIds(db, String(row.payload.subscriber_id ?? ''), afterId)
        : await selectMatchingSubscriberIds(db, reach, afterId, pageSize)
    if (subscriberIds.length === 0) break
    const rows = subscriberIds.map((subscriberId) => ({ id: newId(20), subscriberId }))
    const [, pending] = await db.batch<{ id: string }>([
      insertDeliveries(db, row.id, rows, at),
      selectPendingDeliveryIds(db, row.id, subscriberIds),
    ])
    const deliveryIds = pending!.results.map((r) => r.id)
    for (let i = 0; i < deliveryIds.length; i += SEND_BATCH_SIZE) {
      const chunk = deliveryIds.slice(i, i + SEND_BATCH_SIZE)
      await env.DELIVERIES.sendBatch(chunk.map((deliveryId) => ({ body: { deliveryId } })))
    }
    result.matched += subscriberIds.length
    result.enqueued += deliveryIds.length
    afterId = subscriberIds[subscriberIds.length - 1]!
    if (subscriberIds.length < pageSize) break
  }
  await markOutboxDispatched(db, row.id, at).run()
  return result
}

/**
 * The EVENTS consumer: fans out each event; acknowledged once done, retried with backoff when
 * anything failed (the repeat picks up where it is safe to).
 */
export async function consumeEvents(
  batch: MessageBatch<EventQueueMessage>,
  env: AppEnv,
  _ctx: ExecutionContext,
): Promise<void> {
  for (const message of batch.messages) {
    try {
      await fanOutEvent(env, message.body.outboxId)
      message.ack()
    } catch (error) {
      console.error(`fan-out of ${message.body.outboxId} failed; retrying`, error)
      message.retry({ delaySeconds: backoffSeconds(message.attempts) })
    }
  }
}
