import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/app'
import { subscribe } from '../../src/domain/subscriptions'
import { createWebhook } from '../../src/domain/webhooks'
import type { AppEnv } from '../../src/env'
import { consumeDeliveries } from '../../src/notify/delivery/deliver'
import { opsChannels } from '../../src/notify/ops-alerts/ops-alerts'
import { ADMIN, domainContext, makeIncident, rows } from './factories'
import { hookRequests, hookUrl } from './harness'
import { deliveriesOf, hookName, makeWebhook, preparedDelivery } from './pipeline-helpers'
import { uniqueEmail, uniqueIp } from './subscriptions-helpers'
import { createMessageBatch, getQueueResult } from 'cloudflare:test'

/** The Worker's env with the development switch off, as in production. */
const strictEnv = { ...(env as AppEnv), ALLOW_HTTP_WEBHOOKS: 'false' }

const PRIVATE_TARGETS = [
  'https://169.254.169.254/latest/meta-data/',
  'https://10.0.0.1/hook',
  'https://2130706433/hook',
  'https://[::ffff:127.0.0.1]/hook',
  'https://localhost./hook',
  'https://metadata.google.internal/',
]

async function fetchStrict(path: string, init: RequestInit, appEnv: AppEnv = strictEnv) {
  const ctx = createExecutionContext()
  const res = await createApp().fetch(new Request(`http://candor.test${path}`, init), appEnv, ctx)
  await waitOnExecutionContext(ctx)
  return res
}

async function subscriberCount(): Promise<number> {
  const [row] = await rows<{ n: number }>('SELECT COUNT(*) AS n FROM subscribers')
  return row!.n
}

describe('outbound URLs over HTTP, with ALLOW_HTTP_WEBHOOKS off', () => {
  it.each(PRIVATE_TARGETS)(
    'the public subscribe API refuses %s on `url` and writes nothing',
    async (url) => {
      const before = await subscriberCount()
      const res = await fetchStrict('/api/v1/subscriptions', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'cf-connecting-ip': uniqueIp() },
        body: JSON.stringify({ email: uniqueEmail('owner'), url }),
      })
      expect(res.status).toBe(400)
      const body = (await res.json()) as any
      expect(body.error.code).toBe('validation_failed')
      expect(body.error.details).toEqual([{ path: 'url', message: expect.any(String) }])
      expect(body.error.message).toMatch(/local or private/)
      expect(await subscriberCount()).toBe(before)
    },
  )

  it('the public form refuses a private target and writes nothing', async () => {
    const before = await subscriberCount()
    const res = await fetchStrict('/subscribe/webhook', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ url: 'https://0x7f000001/x', email: uniqueEmail() }),
    })
    expect(res.status).toBe(400)
    expect(await res.text()).toMatch(/local or private/)
    expect(await subscriberCount()).toBe(before)
  })

  it.each(PRIVATE_TARGETS)('the admin webhooks API refuses %s on `url`', async (url) => {
    const before = await subscriberCount()
    const res = await fetchStrict('/api/v1/webhooks', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
      body: JSON.stringify({ url }),
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({
      error: { code: 'validation_failed', details: [{ path: 'url' }] },
    })
    expect(await subscriberCount()).toBe(before)
  })

  it('a public https address is accepted by both', async () => {
    const admin = await fetchStrict('/api/v1/webhooks', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
      body: JSON.stringify({ url: 'https://hooks.example.com/candor' }),
    })
    expect(admin.status).toBe(201)
    const open = await fetchStrict('/api/v1/subscriptions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cf-connecting-ip': uniqueIp() },
      body: JSON.stringify({ email: uniqueEmail('owner'), url: 'https://8.8.8.8/hook' }),
    })
    expect(open.status).toBe(202)
  })
})

describe('the verbs with allowHttpWebhooks false', () => {
  it('subscribe refuses a private target', async () => {
    const ctx = {
      db: env.DB,
      now: new Date(),
      baseUrl: 'https://status.candor.test',
      allowHttpWebhooks: false,
    }
    const before = await subscriberCount()
    for (const url of ['https://127.1/', 'https://[fd00::1]/', 'https://100.64.0.1/']) {
      await expect(subscribe(ctx, { email: uniqueEmail(), url })).rejects.toMatchObject({
        code: 'validation_failed',
        details: [{ path: 'url' }],
      })
    }
    expect(await subscriberCount()).toBe(before)
  })

  it('createWebhook refuses a private target', async () => {
    await expect(
      createWebhook(domainContext(), { url: 'https://[fe80::1]/hook' }, { allowHttp: false }),
    ).rejects.toMatchObject({ code: 'validation_failed', details: [{ path: 'url' }] })
  })
})

describe('send time: a stored URL is checked again before every POST', () => {
  it('a webhook stored with a local URL gets nothing once the switch is off: dead, disabled', async () => {
    const name = hookName('send-time')
    // Stored while the switch was on (as a URL stored before the rules would be).
    const webhook = await makeWebhook(name)
    const incident = await makeIncident()
    const deliveryId = await preparedDelivery(incident.id, webhook.id)
    const batch = createMessageBatch('candor-deliveries', [
      { id: `m-${deliveryId}`, timestamp: new Date(), attempts: 1, body: { deliveryId } },
    ])
    const ctx = createExecutionContext()
    await consumeDeliveries(batch, strictEnv, ctx)
    const result = await getQueueResult(batch, ctx)
    expect(result.explicitAcks).toEqual([`m-${deliveryId}`])
    expect(await hookRequests(name)).toEqual([])
    const [delivery] = (await deliveriesOf(webhook.id)).filter((d) => d.id === deliveryId)
    expect(delivery).toMatchObject({ status: 'dead' })
    const [row] = await rows<{ status: string; disabled_reason: string }>(
      'SELECT status, disabled_reason FROM subscribers WHERE id = ?',
      webhook.id,
    )
    expect(row).toMatchObject({ status: 'disabled' })
    expect(row!.disabled_reason).toMatch(/refused/)
  })
})

describe('OPS_WEBHOOK_URL', () => {
  it('a local or private setting is refused: no alerts go to it, and the API says why', async () => {
    const opsEnv = { ...strictEnv, OPS_WEBHOOK_URL: 'https://169.254.169.254/hook' }
    expect(opsChannels(opsEnv).webhook).toBeNull()
    const res = await fetchStrict(
      '/api/v1/ops-alerts/settings',
      { headers: { authorization: `Bearer ${ADMIN}` } },
      opsEnv,
    )
    expect(res.status).toBe(200)
    const body = (await res.json()) as any
    expect(body.webhook).toMatchObject({ configured: true, target: null, usable: false })
    expect(body.webhook.refused_reason).toMatch(/local or private.*169\.254\.169\.254/)
  })

  it('plain http is refused without the switch, accepted with it', async () => {
    const url = hookUrl('ops-settings')
    const refused = await fetchStrict(
      '/api/v1/ops-alerts/settings',
      { headers: { authorization: `Bearer ${ADMIN}` } },
      { ...strictEnv, OPS_WEBHOOK_URL: url },
    )
    expect(((await refused.json()) as any).webhook.refused_reason).toMatch(/https:\/\//)
    const allowed = await fetchStrict(
      '/api/v1/ops-alerts/settings',
      { headers: { authorization: `Bearer ${ADMIN}` } },
      { ...(env as AppEnv), OPS_WEBHOOK_URL: url },
    )
    expect(((await allowed.json()) as any).webhook).toEqual({
      configured: true,
      target: url,
      usable: true,
      refused_reason: null,
    })
  })
})
