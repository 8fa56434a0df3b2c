import {
  claimDelivery,
  extendDeliveryClaims,
  recordAttempt,
  selectDeliveryTargets,
  type AttemptRecord,
  type ClaimHolder,
  type DeliveryTarget,
} from '../../db/deliveries'
import { selectOutboxMessages } from '../../db/outbox-fanout'
import { resetConsecutiveFailures } from '../../db/subscriber-health'
import { markVerified } from '../../db/subscriber-transitions'
import type { AppEnv } from '../../env'
import { ClaimKeeper } from './claim-keeper'
import { issueLinks, type Claimed } from './delivery-links'
import { claimLeaseMs } from './claim-lease'
import { sendEmailDelivery } from '../email/email-deliveries'
import { createMailer } from '../email/mailer'
import { backoffSeconds } from './retry-schedule'
import { processMail } from './transactional-mail'
import { ACK, emailResult, webhookResult, type Verdict } from './send-verdicts'
import {
  isMailMessage,
  type DeliveriesQueueMessage,
  type DeliveryQueueMessage,
  type EventMessage,
  type MailQueueMessage,
} from '../types'
import { sendWebhook } from '../webhooks/webhook-delivery'
import { disableWebhook } from '../webhooks/webhook-disable'
import {
  awaitsVerification,
  failVerification,
  isVerifyDelivery,
} from '../webhooks/webhook-verification'

type DeliveryMessage = Message<DeliveryQueueMessage>

const FINISHED = new Set(['sent', 'skipped', 'dead'])
/** Webhook requests in flight at once (Workers allow six open connections per invocation). */
const WEBHOOK_CONCURRENCY = 6

/** Runs `work` over `items`, at most `limit` at a time. */
async function inPool<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!)
  })
  await Promise.all(runners)
}

/** Why a subscriber gets nothing any more, or null when it is still to be told. */
function skipReason(target: DeliveryTarget): string | null {
  const s = target.subscriber
  // A webhook waiting for its receiver gets its webhook.verify event and nothing else.
  if (isVerifyDelivery(target)) {
    return awaitsVerification(s) ? null : 'webhook is not waiting for verification'
  }
  if (s.status !== 'active') return `subscriber is ${s.status}`
  if (s.kind === 'webhook' && !s.url) return 'webhook has no URL'
  if (s.kind === 'email' && !s.email) return 'subscriber has no address'
  return null
}

/** A fresh claim holder for one consumer run. */
export function claimHolder(env: AppEnv): ClaimHolder {
  return { by: crypto.randomUUID(), leaseMs: claimLeaseMs(env) }
}

/**
 * The delivery consumer. A message names one delivery (or one transactional mail, see
 * processMail). The batch's deliveries are claimed atomically before anything is sent, and the
 * claims are extended while the batch runs, so a message delivered twice (or a delivery re-sent
 * by the sweep) is sent once however slow the batch is. Webhooks are POSTed (signed); emails go
 * out one after the other over one mail session. Each outcome is recorded as soon as it is
 * known; failures are retried with backoff, and a message whose retries are spent moves to the
 * dead-letter queue.
 */
export async function consumeDeliveries(
  batch: MessageBatch<DeliveriesQueueMessage>,
  env: AppEnv,
  _ctx: ExecutionContext,
): Promise<void> {
  const holder = claimHolder(env)
  const mails: Message<MailQueueMessage>[] = []
  const byDelivery = new Map<string, DeliveryMessage>()
  for (const message of batch.messages) {
    if (isMailMessage(message.body)) mails.push(message as Message<MailQueueMessage>)
    // The same delivery twice in one batch: one of them carries it.
    else if (byDelivery.has(message.body.deliveryId)) message.ack()
    else byDelivery.set(message.body.deliveryId, message as DeliveryMessage)
  }
  const messages = [...byDelivery.values()]
  const settle = (list: Message<unknown>[], run: () => Promise<Map<Message<unknown>, Verdict>>) =>
    run().then(
      (verdicts) => {
        for (const message of list) {
          const verdict = verdicts.get(message) ?? {
            ack: false,
            delaySeconds: backoffSeconds(message.attempts),
          }
          if (verdict.ack) message.ack()
          else message.retry({ delaySeconds: verdict.delaySeconds })
        }
      },
      (error: unknown) => {
        console.error('delivery batch failed; its messages will be retried', error)
        for (const message of list)
          message.retry({ delaySeconds: backoffSeconds(message.attempts) })
      },
    )
  await Promise.all([
    messages.length > 0
      ? settle(messages, () => processDeliveries(env, messages, new Date(), holder))
      : null,
    mails.length > 0 ? settle(mails, () => processMail(env, mails, new Date(), holder)) : null,
  ])
}

async function processDeliveries(
  env: AppEnv,
  messages: DeliveryMessage[],
  now: Date,
  holder: ClaimHolder,
): Promise<Map<Message<unknown>, Verdict>> {
  const db = env.DB
  const verdicts = new Map<Message<unknown>, Verdict>()
  const targets = new Map(
    (
      await selectDeliveryTargets(
        db,
        messages.map((m) => m.body.deliveryId),
      )
    ).map((t) => [t.id, t]),
  )

  // Deliveries gone (their subscriber was removed) or finished need nothing more.
  const open: { message: DeliveryMessage; target: DeliveryTarget }[] = []
  for (const message of messages) {
    const target = targets.get(message.body.deliveryId)
    if (!target || FINISHED.has(target.status)) verdicts.set(message, ACK)
    else open.push({ message, target })
  }
  if (open.length === 0) return verdicts

  const claims = await db.batch(open.map(({ target }) => claimDelivery(db, target.id, now, holder)))
  const keeper = new ClaimKeeper(
    (ids, when) => extendDeliveryClaims(db, ids, holder.by, when).run(),
    holder.leaseMs,
  )
  try {
    return await sendClaimed(env, open, claims, verdicts, now, holder, keeper)
  } finally {
    keeper.stop()
  }
}

async function sendClaimed(
  env: AppEnv,
  open: { message: DeliveryMessage; target: DeliveryTarget }[],
  claims: D1Result[],
  verdicts: Map<Message<unknown>, Verdict>,
  now: Date,
  holder: ClaimHolder,
  keeper: ClaimKeeper,
): Promise<Map<Message<unknown>, Verdict>> {
  const db = env.DB
  const at = now.toISOString()
  const skips: D1PreparedStatement[] = []
  const claimed: { message: DeliveryMessage; target: DeliveryTarget }[] = []
  open.forEach((item, i) => {
    if (claims[i]!.meta.changes !== 1) {
      // Another worker holds it (or just finished it): look again when its claim would end.
      verdicts.set(item.message, { ack: false, delaySeconds: Math.ceil(holder.leaseMs / 1000) })
      return
    }
    const reason = skipReason(item.target)
    if (reason) {
      skips.push(...record(db, item.target, 'skipped', null, reason, null, at, false, holder))
      verdicts.set(item.message, ACK)
      return
    }
    claimed.push(item)
  })
  keeper.hold(claimed.map((c) => c.target.id))
  if (skips.length > 0) await db.batch(skips)

  const events = await selectOutboxMessages(db, [...new Set(claimed.map((c) => c.target.eventId))])
  const ready: Claimed[] = []
  const unready: D1PreparedStatement[] = []
  for (const item of claimed) {
    const text = events.get(item.target.eventId)
    if (!text) {
      const error = 'event message not built yet'
      unready.push(...record(db, item.target, 'failed', null, error, null, at, false, holder))
      keeper.release(item.target.id)
      verdicts.set(item.message, {
        ack: false,
        delaySeconds: backoffSeconds(item.message.attempts),
      })
      continue
    }
    ready.push({ ...item, event: JSON.parse(text) as EventMessage })
  }
  if (unready.length > 0) await db.batch(unready)

  const webhooks = ready.filter((c) => c.target.subscriber.kind === 'webhook')
  const emails = ready.filter((c) => c.target.subscriber.kind === 'email')
  const links = await issueLinks(db, webhooks, emails, now)
  const afterwards: (() => Promise<unknown>)[] = []

  /** Writes one delivery's outcome the moment it is known, then lets its claim go. */
  const settle = async (c: Claimed, statements: D1PreparedStatement[], verdict: Verdict) => {
    try {
      await writeNow(db, statements)
      verdicts.set(c.message, verdict)
    } catch (error) {
      // The outcome is unknown to D1: the message comes back and the delivery is looked at again.
      console.error(`recording the outcome of delivery ${c.target.id} failed`, error)
      verdicts.set(c.message, { ack: false, delaySeconds: backoffSeconds(c.message.attempts) })
    }
    keeper.release(c.target.id)
  }

  const sendWebhooks = inPool(webhooks, WEBHOOK_CONCURRENCY, async (c) => {
    const outcome = await sendWebhook(
      c.target,
      c.event,
      links.get(c.target.id)?.unsubscribe ?? null,
      env.ALLOW_HTTP_WEBHOOKS === 'true',
    )
    const result = webhookResult(c, outcome)
    const statements = record(
      db,
      c.target,
      result.status,
      outcome.statusCode,
      result.error,
      outcome.durationMs,
      new Date().toISOString(),
      true,
      holder,
    )
    const verifying = isVerifyDelivery(c.target)
    if (outcome.result === 'sent') {
      statements.push(resetConsecutiveFailures(db, c.target.subscriber.id))
      if (verifying) statements.push(markVerified(db, c.target.subscriber.id, at))
    }
    if (outcome.result === 'gone' || outcome.result === 'refused') {
      const subscriber = c.target.subscriber
      const reason =
        outcome.result === 'refused' ? `the URL is refused: ${outcome.error}` : outcome.error
      afterwards.push(() =>
        verifying
          ? failVerification(env, subscriber, reason, now)
          : disableWebhook(env, subscriber, reason, now),
      )
    }
    await settle(c, statements, result.verdict)
  })

  const sendEmails = async () => {
    if (emails.length === 0) return
    const session = createMailer(env).open()
    try {
      for (const c of emails) {
        const started = Date.now()
        const sent = await sendEmailDelivery(env, session, {
          deliveryId: c.target.id,
          to: c.target.subscriber.email!,
          message: c.event,
          links: links.get(c.target.id)!,
          reader: c.target.subscriber,
        })
        const result = emailResult(c, sent)
        const statements = record(
          db,
          c.target,
          result.status,
          null,
          result.error,
          Date.now() - started,
          new Date().toISOString(),
          true,
          holder,
        )
        if (result.status === 'sent')
          statements.push(resetConsecutiveFailures(db, c.target.subscriber.id))
        await settle(c, statements, result.verdict)
      }
    } finally {
      await session.close()
    }
  }

  await Promise.all([sendWebhooks, sendEmails()])
  for (const task of afterwards) {
    await task().catch((error: unknown) => console.error('after-delivery task failed', error))
  }
  return verdicts
}

/** Runs statements together, trying once more if D1 fails the first time. */
async function writeNow(db: D1Database, statements: D1PreparedStatement[]): Promise<void> {
  try {
    await db.batch(statements)
  } catch {
    await db.batch(statements)
  }
}

function record(
  db: D1Database,
  target: DeliveryTarget,
  status: AttemptRecord['status'],
  statusCode: number | null,
  error: string | null,
  durationMs: number | null,
  at: string,
  attempted: boolean,
  holder: ClaimHolder,
): D1PreparedStatement[] {
  return recordAttempt(db, {
    deliveryId: target.id,
    status,
    statusCode,
    error,
    durationMs,
    at,
    attempted,
    claimedBy: holder.by,
  })
}
