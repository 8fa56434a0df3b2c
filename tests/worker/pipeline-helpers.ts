import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { Webhook } from 'standardwebhooks'
import { insertDeliveries } from '../../src/db/deliveries'
import {
  markOutboxDispatched,
  selectOutboxRow,
  storeOutboxMessage,
} from '../../src/db/outbox-fanout'
import { consumeDeadLetters } from '../../src/notify/delivery/dead-letter'
import { consumeDeliveries } from '../../src/notify/delivery/deliver'
import { buildEventMessage } from '../../src/notify/event-message'
import { consumeEvents } from '../../src/notify/delivery/fan-out'
import type { ReceivedRequest } from '../support/global-setup'
import { callJson, rows } from './factories'
import { hookUrl } from './harness'

let counter = 0

/** A fresh receiver name, so each test reads only its own requests. */
export function hookName(prefix: string): string {
  return `${prefix}-${++counter}-${crypto.randomUUID().slice(0, 8)}`
}

/** A webhook created through the admin API, pointing at the real receiver. */
export async function makeWebhook(
  name: string,
  fields: Record<string, unknown> = {},
): Promise<{ id: string; url: string; secret: string; format: string }> {
  return callJson('POST', '/api/v1/webhooks', { body: { url: hookUrl(name), ...fields } })
}

/** Polls `read` until `done` holds, failing after `timeoutMs`. */
export async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (done(value)) return value
    if (Date.now() > until) {
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value).slice(0, 500)}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** Verifies a received request's Standard Webhooks signature and returns the parsed body. */
export function verified(secret: string, request: ReceivedRequest): any {
  return new Webhook(secret).verify(request.body, request.headers)
}

/** The deliveries of one subscriber, oldest first. */
export async function deliveriesOf(subscriberId: string) {
  return rows<{ id: string; event_id: string; status: string; attempts: number }>(
    'SELECT id, event_id, status, attempts FROM deliveries WHERE subscriber_id = ? ORDER BY created_at, id',
    subscriberId,
  )
}

type Outcome = Awaited<ReturnType<typeof getQueueResult>>

/**
 * The batch as the consumer sees it, noting the delay of each retry: `getQueueResult` reports
 * which messages were retried but (in this plugin version) not their `delaySeconds`.
 */
function recordingDelays<T>(batch: MessageBatch<T>) {
  const delays = new Map<string, number | undefined>()
  const messages = batch.messages.map((message) => {
    const wrapped = Object.create(message) as Message<T>
    wrapped.retry = (options?: QueueRetryOptions) => {
      delays.set(message.id, options?.delaySeconds)
      message.retry(options)
    }
    wrapped.ack = () => message.ack()
    return wrapped
  })
  const view = Object.create(batch) as MessageBatch<T>
  Object.defineProperty(view, 'messages', { value: messages })
  view.ackAll = () => batch.ackAll()
  view.retryAll = (options?: QueueRetryOptions) => batch.retryAll(options)
  return { view, delays }
}

/** The queue's view of a consumer run, with each retry's delay filled in. */
async function outcomeOf<T>(
  batch: MessageBatch<T>,
  ctx: ExecutionContext,
  delays: Map<string, number | undefined>,
): Promise<Outcome> {
  const result = await getQueueResult(batch, ctx)
  return {
    ...result,
    retryMessages: result.retryMessages.map((r) => ({ ...r, delaySeconds: delays.get(r.msgId) })),
  }
}

/** Runs the delivery consumer on a hand-made batch, as the queue would (with `settings` set). */
export async function runDeliveries(
  messages: (({ deliveryId: string } | { mailId: string }) & { attempts?: number })[],
  settings: Partial<typeof env> = {},
): Promise<Outcome> {
  const batch = createMessageBatch(
    'candor-deliveries',
    messages.map((m, i) => ({
      id: `msg-${i}-${crypto.randomUUID()}`,
      timestamp: new Date(),
      attempts: m.attempts ?? 1,
      body: 'mailId' in m ? { mailId: m.mailId } : { deliveryId: m.deliveryId },
    })),
  )
  const ctx = createExecutionContext()
  const { view, delays } = recordingDelays(batch)
  await consumeDeliveries(view, { ...env, ...settings }, ctx)
  return outcomeOf(batch, ctx, delays)
}

/** Runs the fan-out consumer on a hand-made batch. */
export async function runFanOut(outboxIds: string[], attempts = 1): Promise<Outcome> {
  const batch = createMessageBatch(
    'candor-events',
    outboxIds.map((outboxId, i) => ({
      id: `evt-${i}-${crypto.randomUUID()}`,
      timestamp: new Date(),
      attempts,
      body: { outboxId },
    })),
  )
  const ctx = createExecutionContext()
  const { view, delays } = recordingDelays(batch)
  await consumeEvents(view, env, ctx)
  return outcomeOf(batch, ctx, delays)
}

/** Runs the dead-letter consumer on a hand-made batch. */
export async function runDeadLetters(deliveryIds: string[]): Promise<Outcome> {
  const batch = createMessageBatch(
    'candor-deliveries-dlq',
    deliveryIds.map((deliveryId, i) => ({
      id: `dlq-${i}-${crypto.randomUUID()}`,
      timestamp: new Date(),
      attempts: 1,
      body: { deliveryId },
    })),
  )
  const ctx = createExecutionContext()
  const { view, delays } = recordingDelays(batch)
  await consumeDeadLetters(view, env, ctx)
  return outcomeOf(batch, ctx, delays)
}

/**
 * Records an event for an existing incident directly in the outbox, marked as just enqueued so
 * the live pipeline leaves it alone: the test drives the consumers itself.
 */
export async function recordEvent(
  incidentId: string,
  eventType = 'incident.updated',
): Promise<string> {
  const id = `evt${crypto.randomUUID().replaceAll('-', '').slice(0, 13)}`
  const now = new Date().toISOString()
  await env.DB.prepare(
    `INSERT INTO outbox (id, event_type, incident_id, payload, created_at, enqueued_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  )
    .bind(id, eventType, incidentId, JSON.stringify({ base_url: 'http://candor.test' }), now, now)
    .run()
  return id
}

/** An active email subscriber following `choices` (nothing = everything). */
export async function makeEmailSubscriber(
  address: string,
  choices: { componentIds?: string[]; areaIds?: string[] } = {},
): Promise<string> {
  const id = `sub${crypto.randomUUID().replaceAll('-', '').slice(0, 13)}`
  const now = new Date().toISOString()
  const componentIds = choices.componentIds ?? []
  const areaIds = choices.areaIds ?? []
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO subscribers (id, kind, email, format, status, everything, consent, created_at,
         updated_at, confirmed_at)
       VALUES (?, 'email', ?, 'email', 'active', ?, 'double_opt_in', ?, ?, ?)`,
    ).bind(id, address, componentIds.length + areaIds.length === 0 ? 1 : 0, now, now, now),
    ...componentIds.map((c) =>
      env.DB.prepare(
        'INSERT INTO subscriber_components (subscriber_id, component_id) VALUES (?, ?)',
      ).bind(id, c),
    ),
    ...areaIds.map((a) =>
      env.DB.prepare('INSERT INTO subscriber_areas (subscriber_id, area_id) VALUES (?, ?)').bind(
        id,
        a,
      ),
    ),
  ])
  return id
}

/**
 * A pending delivery of a fresh event about `incidentId` to `subscriberId`, made the way the
 * fan-out makes it (message built and stored) but not queued: the test runs the consumer.
 */
export async function preparedDelivery(incidentId: string, subscriberId: string): Promise<string> {
  const eventId = await recordEvent(incidentId)
  const row = await selectOutboxRow(env.DB, eventId)
  const message = await buildEventMessage(env.DB, row!, env)
  const id = `dlv${crypto.randomUUID().replaceAll('-', '').slice(0, 17)}`
  const now = new Date().toISOString()
  await env.DB.batch([
    storeOutboxMessage(env.DB, eventId, JSON.stringify(message)),
    markOutboxDispatched(env.DB, eventId, now),
    insertDeliveries(env.DB, eventId, [{ id, subscriberId }], now),
  ])
  return id
}
