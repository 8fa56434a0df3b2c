import { Webhook } from 'standardwebhooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callCandor, until as waitUntil } from './candor-http'
import { startReceiver, type ReceivedRequest, type WebhookReceiver } from './webhook-receiver'
import { startCandor, type RunningCandor } from './wrangler-dev'

/** The notification pipeline under a real `wrangler dev`: its queues, consumers and fetch. */

let candor: RunningCandor
let receiver: WebhookReceiver
let receiverUrl: string
let received: ReceivedRequest[]

beforeAll(async () => {
  receiver = await startReceiver()
  received = receiver.received
  receiverUrl = `${receiver.url}/hook`
  candor = await startCandor({ ALLOW_HTTP_WEBHOOKS: 'true' })
})

afterAll(async () => {
  await candor?.stop()
  await receiver?.close()
})

const api = (method: string, path: string, body?: unknown) => callCandor(candor, method, path, body)

const until = (check: () => boolean, timeoutMs: number, what: string) =>
  waitUntil(check, timeoutMs, what, candor.logs)

describe('notifications under wrangler dev', () => {
  it('an incident reaches a webhook, signed, once per event; a failed attempt is retried', async () => {
    const hook = await api('POST', '/api/v1/webhooks', { url: receiverUrl })
    expect(hook.status).toBe(201)
    receiver.answers.push(500)
    const incident = await api('POST', '/api/v1/incidents', {
      name: 'Fibre down in M16',
      status: 'identified',
      impact: 'major',
      body: 'A cable was cut.',
    })
    expect(incident.status).toBe(201)
    // The first attempt gets 500; the retry, about 5 s later, is accepted.
    await until(() => received.length >= 2, 30_000, 'the retried delivery')
    await new Promise((r) => setTimeout(r, 2000))
    expect(received).toHaveLength(2)
    expect(received[0]!.headers['webhook-id']).toBe(received[1]!.headers['webhook-id'])
    const event = new Webhook(hook.json.secret).verify(
      received[1]!.body,
      received[1]!.headers,
    ) as any
    expect(event.meta.event_type).toBe('incident.created')
    expect(event.incident.id).toBe(incident.json.id)

    const log = await api('GET', `/api/v1/webhooks/${hook.json.id}/deliveries`)
    expect(log.json[0].attempt_log.map((a: any) => a.status_code)).toEqual([204, 500])
  }, 60_000)
})
