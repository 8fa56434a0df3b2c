import { markDeliveryDead, selectDeliveryTargets } from '../db/deliveries'
import { incrementConsecutiveFailures } from '../db/subscriber-health'
import type { AppEnv } from '../env'
import type { DeliveryQueueMessage } from './types'
import { disableWebhook } from './webhook-disable'
import { awaitsVerification, failVerification, isVerifyDelivery } from './webhook-verification'

/** Consecutive failed events after which a webhook is disabled, unless configured. */
export const DEFAULT_WEBHOOK_DISABLE_AFTER = 5

function disableAfter(env: AppEnv): number {
  const configured = Number(env.WEBHOOK_DISABLE_AFTER)
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_WEBHOOK_DISABLE_AFTER
}

/**
 * The dead-letter consumer: a delivery whose retries are spent is recorded as dead (with its
 * last error, for ops) and counts as one more failed event for its subscriber; a webhook that
 * reaches WEBHOOK_DISABLE_AFTER failed events in a row is disabled and its owner told. A
 * public webhook whose `webhook.verify` event is dead is never switched on: it is disabled and
 * its owner told that it could not be verified.
 * Every message is acknowledged once recorded: this is the end of the line.
 */
export async function consumeDeadLetters(
  batch: MessageBatch<DeliveryQueueMessage>,
  env: AppEnv,
  _ctx: ExecutionContext,
): Promise<void> {
  const now = new Date()
  const at = now.toISOString()
  const limit = disableAfter(env)
  const ids = [...new Set(batch.messages.map((m) => m.body.deliveryId))]
  try {
    for (const target of await selectDeliveryTargets(env.DB, ids)) {
      const result = await markDeliveryDead(env.DB, target.id, null, at).run()
      // Already delivered, skipped or recorded dead: nothing new failed.
      if (result.meta.changes !== 1) continue
      const failures = await incrementConsecutiveFailures(env.DB, target.subscriber.id, at)
      const subscriber = target.subscriber
      if (isVerifyDelivery(target) && awaitsVerification(subscriber)) {
        const reason = `the receiver never answered the webhook.verify event with 2xx; last error: ${target.lastError ?? 'unknown'}`
        await failVerification(env, subscriber, reason, now)
        continue
      }
      if (subscriber.kind === 'webhook' && subscriber.status === 'active' && failures >= limit) {
        const reason = `${failures} events in a row could not be delivered; last error: ${target.lastError ?? 'unknown'}`
        await disableWebhook(env, subscriber, reason, now)
      }
    }
  } catch (error) {
    // Nothing may be lost: the record is written again when the message comes back.
    console.error('recording dead deliveries failed; retrying', error)
    batch.retryAll({ delaySeconds: 60 })
    return
  }
  batch.ackAll()
}
