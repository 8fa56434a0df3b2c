import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { Webhook } from 'standardwebhooks'
import { call, callJson, makeComponent, makeIncident, rows } from './factories'
import { hookRequests, hookUrl, mailTo, scriptHook } from './harness'
import {
  deliveriesOf,
  hookName,
  makeWebhook,
  preparedDelivery,
  runDeadLetters,
  runDeliveries,
  verified,
} from './pipeline-helpers'

/** A webhook on the real receiver following one fresh component, and an incident on it. */
async function setup(fields: Record<string, unknown> = {}) {
  const name = hookName('consumer')
  const component = await makeComponent()
  const hook = await makeWebhook(name, { component_ids: [component.id], ...fields })
  // notify: false — the test creates the events itself and runs the consumers by hand.
  const incident = await makeIncident({
    notify: false,
    components: { [component.id]: 'partial_outage' },
  })
  return { name, component, hook, incident }
}

async function deliveryRow(id: string) {
  const [row] = await rows<{
    status: string
    attempts: number
    last_status_code: number | null
    last_error: string | null
  }>('SELECT status, attempts, last_status_code, last_error FROM deliveries WHERE id = ?', id)
  return row!
}

describe('delivery consumer: receiver answers', () => {
  it('a receiver failing twice then accepting gets the same webhook-id each time and one success', async () => {
    const { name, hook, incident } = await setup()
    const deliveryId = await preparedDelivery(incident.id, hook.id)
    await scriptHook(name, [{ status: 503 }, { status: 500 }])

    const first = await runDeliveries([{ deliveryId, attempts: 1 }])
    expect(first.explicitAcks).toEqual([])
    expect(first.retryMessages).toHaveLength(1)
    expect(first.retryMessages[0]!.delaySeconds).toBeGreaterThanOrEqual(4)
    expect(first.retryMessages[0]!.delaySeconds).toBeLessThanOrEqual(6)

    const second = await runDeliveries([{ deliveryId, attempts: 2 }])
    expect(second.retryMessages[0]!.delaySeconds).toBeGreaterThanOrEqual(48)
    expect(second.retryMessages[0]!.delaySeconds).toBeLessThanOrEqual(72)

    const third = await runDeliveries([{ deliveryId, attempts: 3 }])
    expect(third.explicitAcks).toHaveLength(1)
    expect(third.retryMessages).toEqual([])

    const got = await hookRequests(name)
    expect(got.map((r) => r.headers['webhook-id'])).toEqual([deliveryId, deliveryId, deliveryId])
    for (const request of got) expect(verified(hook.secret, request).incident.id).toBe(incident.id)
    expect(await deliveryRow(deliveryId)).toMatchObject({
      status: 'sent',
      attempts: 3,
      last_status_code: 200,
    })

    // The delivery log shows each attempt, newest first.
    const log = await callJson('GET', `/api/v1/webhooks/${hook.id}/deliveries`)
    expect(log).toHaveLength(1)
    expect(log[0]).toMatchObject({
      id: deliveryId,
      status: 'sent',
      attempts: 3,
      channel: 'webhook',
    })
    expect(log[0].attempt_log.map((a: any) => a.status_code)).toEqual([200, 500, 503])
    expect(log[0].attempt_log.every((a: any) => a.duration_ms >= 0 && a.at)).toBe(true)

    // Delivered once: a later copy of the message sends nothing.
    const again = await runDeliveries([{ deliveryId, attempts: 4 }])
    expect(again.explicitAcks).toHaveLength(1)
    expect(await hookRequests(name)).toHaveLength(3)
  })

  it('429 and 503 honour Retry-After (seconds or a date), capped at 12 hours', async () => {
    const { name, hook, incident } = await setup()
    const first = await preparedDelivery(incident.id, hook.id)
    const second = await preparedDelivery(incident.id, hook.id)
    const third = await preparedDelivery(incident.id, hook.id)
    const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString()
    await scriptHook(name, [
      { status: 429, headers: { 'retry-after': '37' } },
      { status: 503, headers: { 'retry-after': inTwoMinutes } },
      { status: 429, headers: { 'retry-after': '999999' } },
    ])
    const a = await runDeliveries([{ deliveryId: first }])
    const b = await runDeliveries([{ deliveryId: second }])
    const c = await runDeliveries([{ deliveryId: third }])
    expect(a.retryMessages[0]!.delaySeconds).toBe(37)
    expect(b.retryMessages[0]!.delaySeconds).toBeGreaterThanOrEqual(118)
    expect(b.retryMessages[0]!.delaySeconds).toBeLessThanOrEqual(121)
    expect(c.retryMessages[0]!.delaySeconds).toBe(43_200)
    expect(await deliveryRow(first)).toMatchObject({ status: 'failed', last_status_code: 429 })
  })

  it('410 Gone disables the webhook, tells its owner, and later events are skipped', async () => {
    const owner = `owner-${crypto.randomUUID().slice(0, 8)}@example.net`
    const { name, hook, incident } = await setup({ email: owner })
    const deliveryId = await preparedDelivery(incident.id, hook.id)
    await scriptHook(name, [{ status: 410 }])

    const result = await runDeliveries([{ deliveryId }])
    expect(result.explicitAcks).toHaveLength(1)
    expect(await deliveryRow(deliveryId)).toMatchObject({ status: 'failed', last_status_code: 410 })
    const webhook = await callJson('GET', `/api/v1/webhooks/${hook.id}`)
    expect(webhook.status).toBe('disabled')
    expect(webhook.disabled_reason).toMatch(/410/)
    const mail = await mailTo(owner)
    expect(mail).toHaveLength(1)
    expect(mail[0]!.text).toContain(hookUrl(name))

    const later = await preparedDelivery(incident.id, hook.id)
    expect((await runDeliveries([{ deliveryId: later }])).explicitAcks).toHaveLength(1)
    expect(await deliveryRow(later)).toMatchObject({ status: 'skipped' })
    expect(await hookRequests(name)).toHaveLength(1)
  })

  it('redirects are not followed but retried; unreachable receivers are retried', async () => {
    const { name, hook, incident } = await setup()
    const elsewhere = hookName('redirect-target')
    await scriptHook(name, [{ status: 302, headers: { location: hookUrl(elsewhere) } }])
    const deliveryId = await preparedDelivery(incident.id, hook.id)
    const result = await runDeliveries([{ deliveryId }])
    expect(result.retryMessages).toHaveLength(1)
    expect(await hookRequests(elsewhere)).toEqual([])
    expect(await deliveryRow(deliveryId)).toMatchObject({
      status: 'failed',
      last_status_code: 302,
      last_error: expect.stringMatching(/redirect/),
    })

    const closed = await setup({ url: 'http://127.0.0.1:9/hooks/nobody' })
    const unreachable = await preparedDelivery(closed.incident.id, closed.hook.id)
    const failed = await runDeliveries([{ deliveryId: unreachable, attempts: 2 }])
    expect(failed.retryMessages[0]!.delaySeconds).toBeGreaterThanOrEqual(48)
    expect(await deliveryRow(unreachable)).toMatchObject({
      status: 'failed',
      last_status_code: null,
      last_error: expect.stringMatching(/network error/),
    })
  })

  it('a receiver that takes longer than 10 s is a failure, retried', async () => {
    const { name, hook, incident } = await setup()
    await scriptHook(name, [{ status: 200, delayMs: 11_000 }])
    const deliveryId = await preparedDelivery(incident.id, hook.id)
    const started = Date.now()
    const result = await runDeliveries([{ deliveryId }])
    expect(Date.now() - started).toBeLessThan(10_900)
    expect(result.retryMessages).toHaveLength(1)
    expect(await deliveryRow(deliveryId)).toMatchObject({
      status: 'failed',
      last_error: expect.stringMatching(/no answer within 10 s/),
    })
  }, 20_000)
})

describe('delivery consumer: nothing doubled', () => {
  it('the same message twice in one batch, and again later, sends once', async () => {
    const { name, hook, incident } = await setup()
    const deliveryId = await preparedDelivery(incident.id, hook.id)
    const result = await runDeliveries([{ deliveryId }, { deliveryId }])
    expect(result.explicitAcks).toHaveLength(2)
    const later = await runDeliveries([{ deliveryId, attempts: 2 }])
    expect(later.explicitAcks).toHaveLength(1)
    expect(await hookRequests(name)).toHaveLength(1)
  })

  it('two workers handed the same delivery at once send it once', async () => {
    const { name, hook, incident } = await setup()
    await scriptHook(name, [{ status: 200, delayMs: 400 }])
    const deliveryId = await preparedDelivery(incident.id, hook.id)
    const [a, b] = await Promise.all([
      runDeliveries([{ deliveryId }]),
      runDeliveries([{ deliveryId }]),
    ])
    expect(await hookRequests(name)).toHaveLength(1)
    // One sent and acknowledged; the other saw the claim and looks again after the lease.
    const outcomes = [a, b].map((r) =>
      r.explicitAcks.length ? 'ack' : r.retryMessages[0]!.delaySeconds,
    )
    expect(outcomes.sort()).toEqual([60, 'ack'])
    expect(await deliveryRow(deliveryId)).toMatchObject({ status: 'sent', attempts: 1 })
  })

  it('unsubscribed in the middle of an incident: the pending delivery is skipped, nothing sent', async () => {
    const { name, hook, incident } = await setup()
    const first = await preparedDelivery(incident.id, hook.id)
    await runDeliveries([{ deliveryId: first }])
    const [received] = await hookRequests(name)
    const body = verified(hook.secret, received!)
    const second = await preparedDelivery(incident.id, hook.id)

    // The receiver's owner follows the unsubscribe link from the first message (one click).
    const link = new URL(body.meta.unsubscribe)
    const res = await exports.default.fetch(
      new Request(`http://candor.test${link.pathname}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      }),
    )
    expect(res.status).toBe(200)
    expect((await callJson('GET', `/api/v1/webhooks/${hook.id}`)).status).toBe('unsubscribed')

    const result = await runDeliveries([{ deliveryId: second }])
    expect(result.explicitAcks).toHaveLength(1)
    expect(await deliveryRow(second)).toMatchObject({ status: 'skipped', attempts: 0 })
    expect(await hookRequests(name)).toHaveLength(1)
  })

  it('deliveries whose subscriber was removed are acknowledged without sending', async () => {
    const { name, hook, incident } = await setup()
    const deliveryId = await preparedDelivery(incident.id, hook.id)
    expect((await call('DELETE', `/api/v1/webhooks/${hook.id}`)).status).toBe(204)
    const result = await runDeliveries([{ deliveryId }])
    expect(result.explicitAcks).toHaveLength(1)
    expect(await hookRequests(name)).toEqual([])
  })
})

describe('secret rotation', () => {
  it('during the overlap both secrets verify; afterwards only the new one', async () => {
    const { name, hook, incident } = await setup()
    const rotated = await callJson('POST', `/api/v1/webhooks/${hook.id}/rotate-secret`, {
      body: { overlap_minutes: 30 },
      expect: 200,
    })
    expect(rotated.secret).toMatch(/^whsec_/)
    expect(rotated.secret).not.toBe(hook.secret)
    await runDeliveries([{ deliveryId: await preparedDelivery(incident.id, hook.id) }])
    const [during] = await hookRequests(name)
    expect(during!.headers['webhook-signature']!.split(' ')).toHaveLength(2)
    expect(verified(rotated.secret, during!).incident.id).toBe(incident.id)
    expect(verified(hook.secret, during!).incident.id).toBe(incident.id)

    // Overlap over: the old secret no longer signs.
    await env.DB.prepare('UPDATE subscribers SET previous_secret_expires_at = ? WHERE id = ?')
      .bind(new Date(Date.now() - 1000).toISOString(), hook.id)
      .run()
    await runDeliveries([{ deliveryId: await preparedDelivery(incident.id, hook.id) }])
    const [, after] = await hookRequests(name)
    expect(verified(rotated.secret, after!).incident.id).toBe(incident.id)
    expect(() => new Webhook(hook.secret).verify(after!.body, after!.headers)).toThrow()
  })
})

describe('dead-letter consumer', () => {
  it('records the final failure, visible to ops, and leaves delivered ones alone', async () => {
    const { name, hook, incident } = await setup()
    await scriptHook(name, [{ status: 500 }])
    const deliveryId = await preparedDelivery(incident.id, hook.id)
    await runDeliveries([{ deliveryId, attempts: 8 }])
    const result = await runDeadLetters([deliveryId])
    expect(result.explicitAcks.length + (result.ackAll ? 1 : 0)).toBeGreaterThan(0)
    expect(result.retryMessages).toEqual([])
    expect(await deliveryRow(deliveryId)).toMatchObject({
      status: 'dead',
      last_status_code: 500,
      last_error: 'HTTP 500',
    })
    const dead = await callJson('GET', '/api/v1/deliveries?status=dead&limit=500')
    expect(dead.map((d: any) => d.id)).toContain(deliveryId)

    const sent = await preparedDelivery(incident.id, hook.id)
    await runDeliveries([{ deliveryId: sent }])
    await runDeadLetters([sent])
    expect(await deliveryRow(sent)).toMatchObject({ status: 'sent' })
    // A success ends the run of failures.
    const webhook = await callJson('GET', `/api/v1/webhooks/${hook.id}`)
    expect(webhook.consecutive_failures).toBe(0)
  })

  it('after 5 failed events in a row a webhook is disabled and its owner told once', async () => {
    const owner = `owner-${crypto.randomUUID().slice(0, 8)}@example.net`
    const { hook, incident } = await setup({ email: owner })
    for (let i = 1; i <= 5; i++) {
      const deliveryId = await preparedDelivery(incident.id, hook.id)
      await env.DB.prepare(
        `UPDATE deliveries SET status = 'failed', last_error = 'HTTP 502' WHERE id = ?`,
      )
        .bind(deliveryId)
        .run()
      await runDeadLetters([deliveryId])
      const webhook = await callJson('GET', `/api/v1/webhooks/${hook.id}`)
      expect(webhook.consecutive_failures).toBe(i)
      expect(webhook.status).toBe(i < 5 ? 'active' : 'disabled')
    }
    const webhook = await callJson('GET', `/api/v1/webhooks/${hook.id}`)
    expect(webhook.disabled_reason).toMatch(/5 events in a row.*HTTP 502/)
    const mail = await mailTo(owner)
    expect(mail).toHaveLength(1)
  })
})
