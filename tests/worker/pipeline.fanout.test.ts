import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { insertDeliveries } from '../../src/db/deliveries'
import { selectOutboxRow, storeOutboxMessage } from '../../src/db/outbox-fanout'
import { buildEventMessage } from '../../src/notify/event-message'
import { fanOutEvent } from '../../src/notify/delivery/fan-out'
import { runSweep } from '../../src/notify/delivery/sweep'
import { call, makeComponent, makeIncident, rows } from './factories'
import { hookRequests } from './harness'
import {
  deliveriesOf,
  hookName,
  makeEmailSubscriber,
  makeWebhook,
  preparedDelivery,
  recordEvent,
  runFanOut,
  waitFor,
} from './pipeline-helpers'

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString()

async function outboxRow(id: string) {
  const [row] = await rows<{ dispatched_at: string | null; message: string | null }>(
    'SELECT dispatched_at, message FROM outbox WHERE id = ?',
    id,
  )
  return row!
}

async function deliveryCount(eventId: string): Promise<number> {
  const [row] = await rows<{ n: number }>(
    'SELECT COUNT(*) AS n FROM deliveries WHERE event_id = ?',
    eventId,
  )
  return row!.n
}

/** Five webhooks following a fresh component, and others that must hear nothing. */
async function audience() {
  const component = await makeComponent()
  const other = await makeComponent()
  const names = Array.from({ length: 5 }, () => hookName('fan'))
  const followers = []
  for (const name of names)
    followers.push(await makeWebhook(name, { component_ids: [component.id] }))
  const silent = {
    pending: hookName('pending'),
    disabled: hookName('disabled'),
    unsubscribed: hookName('unsubscribed'),
    elsewhere: hookName('elsewhere'),
  }
  for (const status of ['pending', 'disabled', 'unsubscribed'] as const) {
    const hook = await makeWebhook(silent[status], { component_ids: [component.id] })
    await env.DB.prepare('UPDATE subscribers SET status = ? WHERE id = ?')
      .bind(status, hook.id)
      .run()
  }
  await makeWebhook(silent.elsewhere, { component_ids: [other.id] })
  const incident = await makeIncident({
    notify: false,
    components: { [component.id]: 'major_outage' },
  })
  return { component, names, followers, silent, incident }
}

async function requestCounts(names: string[]): Promise<number[]> {
  return Promise.all(names.map(async (n) => (await hookRequests(n)).length))
}

describe('fan-out', () => {
  it('pages through active followers, one delivery each, then marks the event dispatched', async () => {
    const { names, followers, silent, incident } = await audience()
    const eventId = await recordEvent(incident.id)
    // Pages of two: three pages for five followers.
    const result = await fanOutEvent(env, eventId, new Date(), 2)
    expect(result).toEqual({ matched: 5, enqueued: 5 })
    expect(await deliveryCount(eventId)).toBe(5)
    const row = await outboxRow(eventId)
    expect(row.dispatched_at).not.toBeNull()
    expect(JSON.parse(row.message!)).toMatchObject({
      eventId,
      eventType: 'incident.updated',
      incident: { id: incident.id },
    })
    await waitFor(
      () => requestCounts(names),
      (c) => c.every((n) => n === 1),
      15_000,
      'deliveries',
    )
    for (const follower of followers) {
      expect((await deliveriesOf(follower.id)).map((d) => d.status)).toEqual(['sent'])
    }
    for (const name of Object.values(silent)) expect(await hookRequests(name)).toEqual([])
  }, 30_000)

  it('a crash before the end, and the same message twice: nothing new, nothing sent twice', async () => {
    const { names, followers, incident } = await audience()
    const eventId = await recordEvent(incident.id)
    // A first run died after its first page: the message and two deliveries exist, the event
    // is not dispatched, and those two may or may not have reached the queue.
    const message = JSON.stringify(
      await buildEventMessage(env.DB, (await selectOutboxRow(env.DB, eventId))!, env),
    )
    const early = followers
      .slice(0, 2)
      .map((f, i) => ({ id: `early${i}${eventId}`, subscriberId: f.id }))
    await env.DB.batch([
      storeOutboxMessage(env.DB, eventId, message),
      insertDeliveries(env.DB, eventId, early, new Date().toISOString()),
    ])
    // The queue redelivers the event, twice over.
    const result = await runFanOut([eventId, eventId])
    expect(result.explicitAcks).toHaveLength(2)
    expect(await deliveryCount(eventId)).toBe(5)
    const ids = await rows<{ id: string }>(
      'SELECT id FROM deliveries WHERE event_id = ? AND id LIKE ?',
      eventId,
      'early%',
    )
    expect(ids).toHaveLength(2)
    // The message is built once: every retry tells the same thing.
    expect((await outboxRow(eventId)).message).toBe(message)
    await waitFor(
      () => requestCounts(names),
      (c) => c.every((n) => n >= 1),
      15_000,
      'deliveries',
    )
    await new Promise((r) => setTimeout(r, 2000))
    expect(await requestCounts(names)).toEqual([1, 1, 1, 1, 1])
    const received = await Promise.all(names.slice(0, 2).map(hookRequests))
    expect(received.map((r) => r[0]!.headers['webhook-id'])).toEqual(early.map((e) => e.id))
  }, 30_000)

  it('acknowledges unknown and finished events; retries a failure, never acknowledging it', async () => {
    const { incident } = await audience()
    expect((await runFanOut(['no-such-event'])).explicitAcks).toHaveLength(1)

    const broken = await recordEvent(incident.id)
    await env.DB.prepare(`UPDATE outbox SET message = '{not json' WHERE id = ?`).bind(broken).run()
    const failed = await runFanOut([broken], 1)
    expect(failed.explicitAcks).toEqual([])
    expect(failed.retryMessages).toHaveLength(1)
    expect(failed.retryMessages[0]!.delaySeconds).toBeGreaterThanOrEqual(4)
    expect(failed.retryMessages[0]!.delaySeconds).toBeLessThanOrEqual(6)
    expect((await outboxRow(broken)).dispatched_at).toBeNull()
  })

  it('an event about something deleted since is dispatched to no one', async () => {
    const component = await makeComponent()
    const name = hookName('gone-component')
    await makeWebhook(name, { component_ids: [component.id] })
    expect((await call('DELETE', `/api/v1/components/${component.id}`)).status).toBe(204)
    const now = new Date().toISOString()
    await env.DB.prepare(
      `INSERT INTO outbox (id, event_type, component_id, payload, created_at, enqueued_at)
       VALUES (?, 'component.updated', ?, '{}', ?, ?)`,
    )
      .bind(`gone${component.id}`, component.id, now, now)
      .run()
    const missingIncident = await recordEvent('missing-incident')
    const result = await runFanOut([`gone${component.id}`, missingIncident])
    expect(result.explicitAcks).toHaveLength(2)
    for (const id of [`gone${component.id}`, missingIncident]) {
      expect((await outboxRow(id)).dispatched_at).not.toBeNull()
      expect(await deliveryCount(id)).toBe(0)
    }
    expect(await hookRequests(name)).toEqual([])
  })
})

describe('cron sweep', () => {
  it('re-sends deliveries stuck pending or sending, once; leaves fresh claims alone', async () => {
    const { followers, names, incident } = await audience()
    const stuckPending = await preparedDelivery(incident.id, followers[0]!.id)
    const stuckSending = await preparedDelivery(incident.id, followers[1]!.id)
    const freshClaim = await preparedDelivery(incident.id, followers[2]!.id)
    await env.DB.batch([
      env.DB.prepare('UPDATE deliveries SET updated_at = ? WHERE id = ?').bind(
        minutesAgo(3),
        stuckPending,
      ),
      env.DB.prepare(
        `UPDATE deliveries SET status = 'sending', claimed_at = ?1, updated_at = ?1 WHERE id = ?2`,
      ).bind(minutesAgo(3), stuckSending),
      env.DB.prepare(
        `UPDATE deliveries SET status = 'sending', claimed_at = ?1, updated_at = ?1 WHERE id = ?2`,
      ).bind(new Date().toISOString(), freshClaim),
    ])
    await runSweep(env, new Date())
    await runSweep(env, new Date())
    await waitFor(
      () => requestCounts(names.slice(0, 2)),
      (c) => c.every((n) => n === 1),
      15_000,
      'stuck deliveries',
    )
    await new Promise((r) => setTimeout(r, 1500))
    expect(await requestCounts(names.slice(0, 3))).toEqual([1, 1, 0])
    const [row] = await rows<{ status: string }>(
      'SELECT status FROM deliveries WHERE id = ?',
      freshClaim,
    )
    expect(row!.status).toBe('sending')
  }, 30_000)

  it('re-sends events the queue never got, and removes subscriptions left unconfirmed', async () => {
    const { names, incident } = await audience()
    const eventId = await recordEvent(incident.id)
    await env.DB.prepare('UPDATE outbox SET enqueued_at = ? WHERE id = ?')
      .bind(minutesAgo(3), eventId)
      .run()
    const pending = await makeEmailSubscriber(`late-${crypto.randomUUID().slice(0, 8)}@example.net`)
    await env.DB.prepare(
      `UPDATE subscribers SET status = 'pending', confirmed_at = NULL, confirm_expires_at = ?
       WHERE id = ?`,
    )
      .bind(minutesAgo(1), pending)
      .run()

    await runSweep(env, new Date())
    await waitFor(
      () => requestCounts(names),
      (c) => c.every((n) => n === 1),
      15_000,
      'the event',
    )
    expect(await rows('SELECT id FROM subscribers WHERE id = ?', pending)).toEqual([])
  }, 30_000)
})
