import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { pruneRecords } from '../../src/clock/prune-records'
import { runClock } from '../../src/clock/run-clock'
import { retentionPeriods } from '../../src/domain/retention'
import type { AppEnv } from '../../src/env'
import { call, callJson, rows } from './factories'
import { hookUrl } from './harness'

/**
 * Retention: the clock, run at a chosen time, prunes what is finished and past its period, and
 * never a notice still owed. Rows are seeded straight into D1 with times relative to the clock.
 */

const DAY = 86_400_000
const now = new Date()
const ago = (days: number) => new Date(now.getTime() - days * DAY).toISOString()
const inDays = (days: number) => new Date(now.getTime() + days * DAY).toISOString()

let seq = 0
const id = (what: string) => `${what}-${++seq}-${crypto.randomUUID().slice(0, 8)}`

async function run(sql: string, ...params: unknown[]) {
  await env.DB.prepare(sql)
    .bind(...params)
    .run()
}

async function seedIncident(status: 'resolved' | 'investigating'): Promise<string> {
  const incidentId = id('inc')
  await run(
    `INSERT INTO incidents (id, kind, name, status, impact, created_at, updated_at, started_at,
       resolved_at)
     VALUES (?, 'incident', ?, ?, 'minor', ?, ?, ?, ?)`,
    incidentId,
    `Seeded ${incidentId}`,
    status,
    ago(45),
    ago(41),
    ago(45),
    status === 'resolved' ? ago(41) : null,
  )
  return incidentId
}

async function seedSubscriber(): Promise<string> {
  const subscriberId = id('sub')
  // Unsubscribed: a delivery the sweep hands back to the queue is skipped, never sent.
  await run(
    `INSERT INTO subscribers (id, kind, email, status, consent, created_at, updated_at)
     VALUES (?, 'email', ?, 'unsubscribed', 'test', ?, ?)`,
    subscriberId,
    `${subscriberId}@example.net`,
    ago(60),
    ago(60),
  )
  return subscriberId
}

async function seedEvent(
  incidentId: string | null,
  createdAt: string,
  dispatchedAt: string | null,
): Promise<string> {
  const eventId = id('evt')
  await run(
    `INSERT INTO outbox (id, event_type, incident_id, payload, created_at, dispatched_at, enqueued_at)
     VALUES (?, ?, ?, '{}', ?, ?, ?)`,
    eventId,
    incidentId ? 'incident.updated' : 'component.updated',
    incidentId,
    createdAt,
    dispatchedAt,
    // Enqueued just now: the sweep leaves it alone (a real undispatched row waits for its fan-out).
    dispatchedAt ? createdAt : now.toISOString(),
  )
  return eventId
}

async function seedDelivery(
  eventId: string,
  subscriberId: string,
  status: string,
  updatedAt: string,
  attempts = 1,
): Promise<string> {
  const deliveryId = id('dlv')
  await run(
    `INSERT INTO deliveries (id, event_id, subscriber_id, status, attempts, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    deliveryId,
    eventId,
    subscriberId,
    status,
    attempts,
    updatedAt,
    // Touched now when still under way, so the sweep does not take it for a lost message.
    ['pending', 'sending'].includes(status) ? now.toISOString() : updatedAt,
  )
  for (let attempt = 1; attempt <= attempts; attempt++) {
    await run(
      `INSERT INTO delivery_attempts (delivery_id, attempt, at, status_code) VALUES (?, ?, ?, 500)`,
      deliveryId,
      attempt,
      updatedAt,
    )
  }
  return deliveryId
}

const exists = async (table: string, column: string, value: string) =>
  (await rows(`SELECT 1 FROM ${table} WHERE ${column} = ?`, value)).length === 1
const attemptsOf = async (deliveryId: string) =>
  (await rows('SELECT 1 FROM delivery_attempts WHERE delivery_id = ?', deliveryId)).length

describe('retention by the clock', () => {
  it('prunes old finished deliveries, events, link tokens and idempotency keys; keeps the rest', async () => {
    const closed = await seedIncident('resolved')
    const open = await seedIncident('investigating')
    const subscriber = await seedSubscriber()

    // An old event whose every delivery is over: it goes, with them.
    const doneEvent = await seedEvent(closed, ago(41), ago(41))
    const oldSent = await seedDelivery(doneEvent, subscriber, 'sent', ago(40), 2)
    const oldDead = await seedDelivery(doneEvent, await seedSubscriber(), 'dead', ago(40), 3)
    const oldSkipped = await seedDelivery(doneEvent, await seedSubscriber(), 'skipped', ago(40), 0)
    // An old event with notices still owed: it stays, and so do they.
    const owingEvent = await seedEvent(closed, ago(41), ago(41))
    const oldFailed = await seedDelivery(owingEvent, subscriber, 'failed', ago(40), 2)
    const oldPending = await seedDelivery(owingEvent, await seedSubscriber(), 'pending', ago(40), 0)
    const oldSending = await seedDelivery(owingEvent, await seedSubscriber(), 'sending', ago(40))
    // Old, but not fanned out yet: stays.
    const undispatched = await seedEvent(closed, ago(41), null)
    // Old and over, but its incident is still open: stays.
    const openIncidentEvent = await seedEvent(open, ago(41), ago(41))
    // Old component event with no delivery: goes.
    const componentEvent = await seedEvent(null, ago(41), ago(41))
    // Recent and over: stays.
    const recentEvent = await seedEvent(closed, ago(2), ago(2))
    const recentSent = await seedDelivery(recentEvent, subscriber, 'sent', ago(1))

    const linkToken = async (expiresAt: string) => {
      const hash = id('lt')
      await run(
        `INSERT INTO link_tokens (token_hash, subscriber_id, purpose, created_at, expires_at)
         VALUES (?, ?, 'manage', ?, ?)`,
        hash,
        subscriber,
        ago(100),
        expiresAt,
      )
      return hash
    }
    const incidentToken = async (expiresAt: string) => {
      const hash = id('ilt')
      await run(
        `INSERT INTO incident_link_tokens (token_hash, purpose, incident_id, created_at, expires_at)
         VALUES (?, 'reopen', ?, ?, ?)`,
        hash,
        closed,
        ago(100),
        expiresAt,
      )
      return hash
    }
    const [longExpired, justExpired, valid] = [
      await linkToken(ago(8)),
      await linkToken(ago(1)),
      await linkToken(inDays(30)),
    ]
    const [longExpiredAnswer, justExpiredAnswer, validAnswer] = [
      await incidentToken(ago(8)),
      await incidentToken(ago(1)),
      await incidentToken(inDays(3)),
    ]

    const key = async (createdAt: string, state: string) => {
      const hash = id('idem')
      await run(
        `INSERT INTO idempotency_keys (key_hash, request_hash, state, created_at) VALUES (?, 'r', ?, ?)`,
        hash,
        state,
        createdAt,
      )
      return hash
    }
    const dayOldKey = await key(new Date(now.getTime() - 25 * 3_600_000).toISOString(), 'done')
    const freshKey = await key(new Date(now.getTime() - 3_600_000).toISOString(), 'in_progress')

    await runClock(env as AppEnv, now)

    for (const gone of [oldSent, oldDead, oldSkipped]) {
      expect(await exists('deliveries', 'id', gone), gone).toBe(false)
      expect(await attemptsOf(gone), gone).toBe(0)
    }
    expect(await exists('outbox', 'id', doneEvent)).toBe(false)
    expect(await exists('outbox', 'id', componentEvent)).toBe(false)

    for (const kept of [oldFailed, oldPending, oldSending, recentSent]) {
      expect(await exists('deliveries', 'id', kept), kept).toBe(true)
    }
    expect(await attemptsOf(oldFailed)).toBe(2)
    expect(await attemptsOf(recentSent)).toBe(1)
    for (const kept of [owingEvent, undispatched, openIncidentEvent, recentEvent]) {
      expect(await exists('outbox', 'id', kept), kept).toBe(true)
    }

    expect(await exists('link_tokens', 'token_hash', longExpired)).toBe(false)
    expect(await exists('link_tokens', 'token_hash', justExpired)).toBe(true)
    expect(await exists('link_tokens', 'token_hash', valid)).toBe(true)
    expect(await exists('incident_link_tokens', 'token_hash', longExpiredAnswer)).toBe(false)
    expect(await exists('incident_link_tokens', 'token_hash', justExpiredAnswer)).toBe(true)
    expect(await exists('incident_link_tokens', 'token_hash', validAnswer)).toBe(true)

    expect(await exists('idempotency_keys', 'key_hash', dayOldKey)).toBe(false)
    expect(await exists('idempotency_keys', 'key_hash', freshKey)).toBe(true)
  })

  it('prunes in bounded batches: at most `limit` rows of a kind per run', async () => {
    const closed = await seedIncident('resolved')
    const event = await seedEvent(closed, ago(50), ago(50))
    const deliveries = []
    for (let i = 0; i < 5; i++) {
      deliveries.push(await seedDelivery(event, await seedSubscriber(), 'sent', ago(45 - i)))
    }
    const remaining = async () =>
      (await rows('SELECT id FROM deliveries WHERE event_id = ?', event)).length

    expect((await pruneRecords(env as AppEnv, now, 2)).deliveries).toBe(2)
    expect(await remaining()).toBe(3)
    // Oldest first.
    expect(await exists('deliveries', 'id', deliveries[0]!)).toBe(false)
    expect(await exists('deliveries', 'id', deliveries[4]!)).toBe(true)
    await pruneRecords(env as AppEnv, now, 2)
    expect(await remaining()).toBe(1)
    expect(await exists('outbox', 'id', event)).toBe(true)
    await pruneRecords(env as AppEnv, now, 2)
    expect(await remaining()).toBe(0)
    // The event went in the run that took its last delivery.
    expect(await exists('outbox', 'id', event)).toBe(false)
  })

  it('follows the configured periods', async () => {
    const closed = await seedIncident('resolved')
    const event = await seedEvent(closed, ago(41), ago(41))
    const delivery = await seedDelivery(event, await seedSubscriber(), 'sent', ago(40))
    const longer = {
      ...(env as AppEnv),
      RETENTION_DELIVERIES_DAYS: '60',
      RETENTION_EVENTS_DAYS: '90',
    }
    await pruneRecords(longer, now)
    expect(await exists('deliveries', 'id', delivery)).toBe(true)
    const shorter = {
      ...(env as AppEnv),
      RETENTION_DELIVERIES_DAYS: '39',
      RETENTION_EVENTS_DAYS: '39',
    }
    await pruneRecords(shorter, now)
    expect(await exists('deliveries', 'id', delivery)).toBe(false)
    expect(await exists('outbox', 'id', event)).toBe(false)
  })

  it('reads whole days ≥ 1 from the settings, else the defaults', () => {
    const periods = (vars: Partial<AppEnv>) => retentionPeriods({ ...(env as AppEnv), ...vars })
    expect(periods({})).toEqual({ deliveriesDays: 30, eventsDays: 30, linkTokensDays: 7 })
    expect(
      periods({
        RETENTION_DELIVERIES_DAYS: '90',
        RETENTION_EVENTS_DAYS: '0',
        RETENTION_LINK_TOKENS_DAYS: 'soon',
      }),
    ).toEqual({ deliveriesDays: 90, eventsDays: 30, linkTokensDays: 7 })
  })
})

describe('the delivery log says how far back it reaches', () => {
  const sinceFor = (days: number) => Date.now() - days * DAY

  it('in the incident summary', async () => {
    const incident = await callJson('POST', '/api/v1/incidents', {
      body: { name: 'Reach', status: 'investigating', impact: 'minor', body: 'Looking.' },
    })
    const summary = await callJson('GET', `/api/v1/incidents/${incident.id}/deliveries`)
    expect(summary.retention_days).toBe(30)
    expect(Math.abs(Date.parse(summary.retained_since) - sinceFor(30))).toBeLessThan(60_000)
  })

  it('in headers on the delivery lists', async () => {
    const webhook = await callJson('POST', '/api/v1/webhooks', {
      body: { url: hookUrl('retention-reach') },
    })
    for (const path of ['/api/v1/deliveries', `/api/v1/webhooks/${webhook.id}/deliveries`]) {
      const res = await call('GET', path)
      expect(res.status, path).toBe(200)
      expect(res.headers.get('candor-retention-days'), path).toBe('30')
      const since = Date.parse(res.headers.get('candor-retained-since') ?? '')
      expect(Math.abs(since - sinceFor(30)), path).toBeLessThan(60_000)
    }
  })
})
