import { recordDeadLetter } from '../../db/dead-letters'
import { markDeliveryDead, selectDeliveryTargets } from '../../db/deliveries'
import { markSendDead } from '../../db/ops-alerts'
import { disableSubscriber, incrementConsecutiveFailures } from '../../db/subscriber-health'
import { recordMailAttempt } from '../../db/transactional-mail'
import type { AppEnv } from '../../env'
import type { OpsAlertQueueMessage } from '../ops-alerts/ops-alerts'
import { QUEUES } from '../../lib/queue-names'
import {
  isMailMessage,
  type DeliveriesQueueMessage,
  type DeliveryQueueMessage,
  type EventQueueMessage,
  type MailQueueMessage,
} from '../types'
import { disableWebhook } from '../webhooks/webhook-disable'
import {
  awaitsVerification,
  failVerification,
  isVerifyDelivery,
} from '../webhooks/webhook-verification'

/**
 * Consecutive failed events after which a webhook or an email address is quarantined (status
 * `disabled`), unless configured.
 */
export const DEFAULT_WEBHOOK_DISABLE_AFTER = 5

function disableAfter(env: AppEnv): number {
  const configured = Number(env.WEBHOOK_DISABLE_AFTER)
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_WEBHOOK_DISABLE_AFTER
}

/** Runs `record`; on failure retries the whole batch later: nothing may be lost. */
async function recordOrRetry(
  batch: MessageBatch<unknown>,
  what: string,
  record: () => Promise<void>,
) {
  try {
    await record()
  } catch (error) {
    // The record is written again when the messages come back.
    console.error(`recording dead ${what} failed; retrying`, error)
    batch.retryAll({ delaySeconds: 60 })
    return
  }
  batch.ackAll()
}

/**
 * The deliveries dead-letter consumer: a delivery whose retries are spent is recorded as dead
 * (with its last error, for ops) and counts as one more failed event for its subscriber; a
 * webhook that reaches WEBHOOK_DISABLE_AFTER failed events in a row is quarantined (disabled,
 * kept until reactivated) and its owner told; an email address that does is quarantined too
 * (there is nobody else to tell); a public webhook whose `webhook.verify` event is dead is never switched on: it is
 * disabled and its owner told that it could not be verified. A transactional mail whose
 * retries are spent is recorded dead. Each is also listed in
 * GET /api/v1/dead-letters. Every message is acknowledged once recorded: this is the end of the
 * line.
 */
export async function consumeDeadLetters(
  batch: MessageBatch<DeliveriesQueueMessage>,
  env: AppEnv,
  _ctx: ExecutionContext,
): Promise<void> {
  const now = new Date()
  const at = now.toISOString()
  const limit = disableAfter(env)
  const queue = QUEUES.deliveries
  const mailIds = new Set<string>()
  const deliveryIds = new Set<string>()
  for (const m of batch.messages) {
    if (isMailMessage(m.body)) mailIds.add(m.body.mailId)
    else deliveryIds.add((m.body as DeliveryQueueMessage).deliveryId)
  }
  await recordOrRetry(batch, 'deliveries', async () => {
    for (const mailId of mailIds) {
      const error = 'its retries were spent'
      const body: MailQueueMessage = { mailId }
      await env.DB.batch([
        recordMailAttempt(env.DB, {
          id: mailId,
          status: 'dead',
          error,
          at,
          claimedBy: null,
          attempted: false,
        }),
        recordDeadLetter(env.DB, { queue, subjectId: mailId, body, error, at }),
      ])
    }
    for (const target of await selectDeliveryTargets(env.DB, [...deliveryIds])) {
      const result = await markDeliveryDead(env.DB, target.id, null, at).run()
      // Already delivered, skipped or recorded dead: nothing new failed.
      if (result.meta.changes !== 1) continue
      const body: DeliveryQueueMessage = { deliveryId: target.id }
      await recordDeadLetter(env.DB, {
        queue,
        subjectId: target.id,
        body,
        error: target.lastError,
        at,
      }).run()
      const failures = await incrementConsecutiveFailures(env.DB, target.subscriber.id, at)
      const subscriber = target.subscriber
      if (isVerifyDelivery(target) && awaitsVerification(subscriber)) {
        const reason = `the receiver never answered the webhook.verify event with 2xx; last error: ${target.lastError ?? 'unknown'}`
        await failVerification(env, subscriber, reason, now)
        continue
      }
      if (subscriber.status === 'active' && failures >= limit) {
        const reason = `${failures} events in a row could not be delivered; last error: ${target.lastError ?? 'unknown'}`
        if (subscriber.kind === 'webhook') await disableWebhook(env, subscriber, reason, now)
        else await disableSubscriber(env.DB, subscriber.id, reason, at).run()
      }
    }
  })
}

/**
 * The events dead-letter consumer: an outbox event whose fan-out failed on every try is listed
 * in GET /api/v1/dead-letters. The event stays undispatched, so the clock's sweep hands it to
 * the queue again: nothing is dropped, and ops see that it keeps failing (`times`).
 */
export async function consumeEventDeadLetters(
  batch: MessageBatch<EventQueueMessage>,
  env: AppEnv,
): Promise<void> {
  const at = new Date().toISOString()
  await recordOrRetry(batch, 'events', async () => {
    const statements = batch.messages.map((m) =>
      recordDeadLetter(env.DB, {
        queue: QUEUES.events,
        subjectId: m.body.outboxId,
        body: m.body,
        error: `fan-out failed ${m.attempts} times in a row (see the Worker's logs)`,
        at,
      }),
    )
    if (statements.length > 0) await env.DB.batch(statements)
  })
}

/**
 * The ops-alerts dead-letter consumer: a send whose message's retries are spent (the consumer
 * itself kept failing) is recorded dead, for GET /api/v1/ops-alerts, and listed in
 * GET /api/v1/dead-letters.
 */
export async function consumeOpsAlertDeadLetters(
  batch: MessageBatch<OpsAlertQueueMessage>,
  env: AppEnv,
): Promise<void> {
  const at = new Date().toISOString()
  const error = 'its retries were spent'
  await recordOrRetry(batch, 'ops alert sends', async () => {
    const statements = batch.messages.flatMap((m) => [
      markSendDead(env.DB, m.body.sendId, error, at),
      recordDeadLetter(env.DB, {
        queue: QUEUES.opsAlerts,
        subjectId: m.body.sendId,
        body: m.body,
        error,
        at,
      }),
    ])
    if (statements.length > 0) await env.DB.batch(statements)
  })
}
