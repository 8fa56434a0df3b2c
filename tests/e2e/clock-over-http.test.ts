import { Webhook } from 'standardwebhooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callCandor, until as waitUntil } from './candor-http'
import { startReceiver, type ReceivedRequest, type WebhookReceiver } from './webhook-receiver'
import { startCandor, type RunningCandor } from './wrangler-dev'

/**
 * The clock under a real `wrangler dev --test-scheduled`: the Cron Trigger is run over HTTP and
 * the signed ops alert reaches a real receiver.
 */

const OPS_SECRET = 'whsec_ZTJlLW9wcy1hbGVydHMtc2lnbmluZy1zZWNyZXQ='

let candor: RunningCandor
let receiver: WebhookReceiver
let received: ReceivedRequest[]

beforeAll(async () => {
  receiver = await startReceiver()
  received = receiver.received
  candor = await startCandor(
    {
      ALLOW_HTTP_WEBHOOKS: 'true',
      OPS_WEBHOOK_URL: `${receiver.url}/ops`,
      OPS_WEBHOOK_SECRET: OPS_SECRET,
    },
    ['--test-scheduled'],
  )
})

afterAll(async () => {
  await candor?.stop()
  await receiver?.close()
})

const api = (method: string, path: string, body?: unknown) => callCandor(candor, method, path, body)

/**
 * Runs the Cron Trigger: `/__scheduled` (what --test-scheduled offers) at the real time, or
 * wrangler dev's trigger endpoint with a chosen scheduled time.
 */
async function cron(at?: Date) {
  const path = at
    ? `/cdn-cgi/local/scheduled?cron=*+*+*+*+*&time=${at.getTime()}`
    : '/__scheduled?cron=*+*+*+*+*'
  const res = await fetch(candor.url + path)
  expect(res.status).toBe(200)
  await res.text()
}

const until = (check: () => boolean, timeoutMs: number, what: string) =>
  waitUntil(check, timeoutMs, what, candor.logs)

describe('the clock under wrangler dev', () => {
  it('a promised update that does not come: ops get one signed alert, however often the cron runs', async () => {
    const promised = new Date(Date.now() + 2 * 60_000)
    const incident = await api('POST', '/api/v1/incidents', {
      name: 'Mast fault in M16',
      status: 'investigating',
      impact: 'minor',
      body: 'Checking the mast.',
      next_update_at: promised.toISOString(),
    })
    expect(incident.status).toBe(201)

    // The clock now: nothing is late.
    await cron()
    // Three minutes on, twice: one alert.
    const threeMinutesOn = new Date(Date.now() + 3 * 60_000)
    await cron(threeMinutesOn)
    await cron(new Date(threeMinutesOn.getTime() + 30_000))
    await until(() => received.length >= 1, 30_000, 'the ops alert')
    await new Promise((r) => setTimeout(r, 2000))
    expect(received).toHaveLength(1)

    const alert = new Webhook(OPS_SECRET).verify(received[0]!.body, received[0]!.headers) as any
    expect(alert.meta.event_type).toBe('ops.update_overdue')
    expect(alert.incident).toMatchObject({ id: incident.json.id, update_overdue: true })
    expect(alert.alert).toMatchObject({ level: 'overdue', overdue_minutes: 1 })

    const listed = await api('GET', `/api/v1/ops-alerts?incident_id=${incident.json.id}`)
    expect(listed.json).toHaveLength(1)
    expect(listed.json[0].sends).toMatchObject([{ channel: 'webhook', status: 'sent' }])
  }, 90_000)
})
