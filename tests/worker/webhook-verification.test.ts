import { describe, expect, it } from 'vitest'
import { SubscriberList } from '../../src/schemas/subscriptions'
import { WebhookJson } from '../../src/schemas/webhooks'
import { callJson, makeIncident, rows } from './factories'
import { hookRequests, hookUrl, scriptHook } from './harness'
import {
  deliveriesOf,
  hookName,
  makeWebhook,
  preparedDelivery,
  runDeadLetters,
  runDeliveries,
  verified,
  waitFor,
} from './pipeline-helpers'
import {
  linkPath,
  postForm,
  subscribeApi,
  subscriberRows,
  uniqueEmail,
  waitForMail,
} from './subscriptions-helpers'

/** Subscribes a webhook through the public API and presses the emailed confirm button. */
async function confirmedPublicWebhook(name: string) {
  const email = uniqueEmail('owner')
  const url = hookUrl(name)
  expect((await subscribeApi({ email, url })).status).toBe(202)
  const [mail] = await waitForMail(email)
  const confirmed = await postForm(linkPath(mail!, 'confirm'), {})
  expect(confirmed.status).toBe(200)
  const html = await confirmed.text()
  const secret = /whsec_[A-Za-z0-9+/=]+/.exec(html)![0]
  const [row] = await subscriberRows(email)
  return { email, url, secret, id: row!.id as string, html }
}

async function webhookStatus(id: string): Promise<string> {
  const webhook = WebhookJson.parse(await callJson('GET', `/api/v1/webhooks/${id}`))
  return webhook.status
}

/** The receiver's requests for `name`, each verified against `secret` and parsed. */
async function receivedEvents(name: string, secret: string) {
  return (await hookRequests(name)).map((r) => ({ request: r, body: verified(secret, r) }))
}

/** Waits until every outbox event of the incident has been fanned out. */
async function fannedOut(incidentId: string) {
  await waitFor(
    () =>
      rows<{ n: number }>(
        'SELECT COUNT(*) AS n FROM outbox WHERE incident_id = ? AND dispatched_at IS NULL',
        incidentId,
      ),
    (r) => r[0]!.n === 0,
    15_000,
    'the incident to be fanned out',
  )
}

describe('a webhook subscribed by the public proves its receiver', () => {
  it('confirm → a signed webhook.verify event → 2xx → active, and then it hears of incidents', async () => {
    const name = hookName('verify-ok')
    const hook = await confirmedPublicWebhook(name)
    expect(hook.html).toContain('one last check')

    const [first] = await waitFor(
      () => receivedEvents(name, hook.secret),
      (events) => events.length >= 1,
      15_000,
      'the webhook.verify event',
    )
    // Signed per Standard Webhooks with the secret shown once; verified() throws otherwise.
    expect(first!.request.headers['webhook-id']).toBeTruthy()
    expect(first!.request.headers['webhook-timestamp']).toMatch(/^\d+$/)
    expect(first!.request.headers['webhook-signature']).toMatch(/^v1,/)
    expect(first!.body).toMatchObject({
      meta: {
        event_type: 'webhook.verify',
        event_id: expect.any(String),
        generated_at: expect.any(String),
        unsubscribe: expect.stringContaining('/subscriptions/unsubscribe/'),
        documentation: expect.stringMatching(/\/api\/v1\/openapi\.json$/),
      },
      page: { id: expect.any(String), status_indicator: expect.any(String) },
    })
    expect(first!.body.incident).toBeUndefined()

    await waitFor(
      () => webhookStatus(hook.id),
      (s) => s === 'active',
      15_000,
      'active',
    )

    const incident = await makeIncident()
    const events = await waitFor(
      () => receivedEvents(name, hook.secret),
      (list) => list.some((e) => e.body.incident?.id === incident.id),
      15_000,
      'the incident.created event',
    )
    expect(events.map((e) => e.body.meta.event_type)).toEqual([
      'webhook.verify',
      'incident.created',
    ])
  }, 30_000)

  it('a receiver that fails stays pending_verification and gets no incident notices', async () => {
    const name = hookName('verify-failing')
    await scriptHook(
      name,
      Array.from({ length: 30 }, () => ({ status: 500 })),
    )
    const hook = await confirmedPublicWebhook(name)
    await waitFor(
      () => hookRequests(name),
      (r) => r.length >= 1,
      15_000,
      'the first verification attempt',
    )
    expect(await webhookStatus(hook.id)).toBe('pending_verification')
    const listed = SubscriberList.parse(
      await callJson('GET', '/api/v1/subscribers?kind=webhook&status=pending_verification'),
    )
    expect(listed.subscribers.map((s) => s.id)).toContain(hook.id)
    const pending = SubscriberList.parse(
      await callJson('GET', '/api/v1/subscribers?status=pending'),
    )
    expect(pending.subscribers.map((s) => s.id)).not.toContain(hook.id)

    const incident = await makeIncident()
    await fannedOut(incident.id)
    const [verifyEvent] = await rows<{ id: string }>(
      "SELECT id FROM outbox WHERE event_type = 'webhook.verify' AND json_extract(payload, '$.subscriber_id') = ?",
      hook.id,
    )
    // Its only delivery is the verification; the incident did not reach it.
    expect((await deliveriesOf(hook.id)).map((d) => d.event_id)).toEqual([verifyEvent!.id])
    // Even a delivery made for it by hand is skipped, not sent.
    const forced = await preparedDelivery(incident.id, hook.id)
    await runDeliveries([{ deliveryId: forced }])
    const [skipped] = (await deliveriesOf(hook.id)).filter((d) => d.id === forced)
    expect(skipped).toMatchObject({ status: 'skipped' })
    const received = (await hookRequests(name)).map((r) => JSON.parse(r.body).meta.event_type)
    expect(new Set(received)).toEqual(new Set(['webhook.verify']))
  }, 30_000)

  it('retries exhausted: disabled, never active, and its address is told by email', async () => {
    const name = hookName('verify-dead')
    await scriptHook(
      name,
      Array.from({ length: 30 }, () => ({ status: 503 })),
    )
    const hook = await confirmedPublicWebhook(name)
    const [delivery] = await waitFor(
      () => deliveriesOf(hook.id),
      (d) => d.length === 1 && d[0]!.attempts >= 1,
      15_000,
      'a failed verification attempt',
    )
    // The queue gives up and hands the message to the dead-letter queue.
    await runDeadLetters([delivery!.id])
    expect(await webhookStatus(hook.id)).toBe('disabled')
    const [row] = await rows<{ disabled_reason: string; verification: string }>(
      'SELECT disabled_reason, verification FROM subscribers WHERE id = ?',
      hook.id,
    )
    expect(row!.disabled_reason).toMatch(/never answered the webhook\.verify event/)
    const mail = await waitForMail(hook.email, 2)
    const notice = mail.find((m) => /not verified/i.test(m.subject))
    expect(notice, 'the not-verified email').toBeDefined()
    expect(notice!.text).toContain(hook.url)
    expect(notice!.text).toMatch(/never got a 2xx answer/)
    // Said once: a second dead letter for it tells nobody again.
    await runDeadLetters([delivery!.id])
    await new Promise((r) => setTimeout(r, 300))
    expect((await waitForMail(hook.email, 2)).length).toBe(2)
  }, 30_000)

  it('a webhook created by ops needs no verification: active at once, no webhook.verify', async () => {
    const name = hookName('verify-admin')
    const webhook = await makeWebhook(name)
    expect(await webhookStatus(webhook.id)).toBe('active')
    const [n] = await rows<{ n: number }>(
      "SELECT COUNT(*) AS n FROM outbox WHERE event_type = 'webhook.verify' AND json_extract(payload, '$.subscriber_id') = ?",
      webhook.id,
    )
    expect(n!.n).toBe(0)
  }, 30_000)
})
