import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { subscribe } from '../../src/domain/subscriptions'
import worker from '../../src/index'
import { call, callJson, errorOf, makeIncident, makeToken, rows } from './factories'
import { mailTo } from './harness'

/**
 * Every queue has a dead-letter queue; the Worker picks each batch's consumer by the exact queue
 * name, and each dead-letter consumer records the final failure where ops can see it.
 */

/** Hands a batch to the Worker's queue handler, as the platform would for `queue`. */
async function deliverBatch<T>(queue: string, bodies: T[], attempts = 11) {
  const batch = createMessageBatch<T>(
    queue,
    bodies.map((body, i) => ({
      id: `${queue}-${i}-${crypto.randomUUID()}`,
      timestamp: new Date(),
      attempts,
      body,
    })),
  )
  const ctx = createExecutionContext()
  await worker.queue(batch as MessageBatch<never>, env, ctx)
  return getQueueResult(batch, ctx)
}

async function deadLetters(query = '') {
  return callJson<any[]>('GET', `/api/v1/dead-letters${query}`)
}

describe('dead-letter queues', () => {
  it('an event whose fan-out kept failing is listed, counted each time it dies again', async () => {
    const outboxId = `evt${crypto.randomUUID().slice(0, 8)}`
    const result = await deliverBatch('candor-events-dlq', [{ outboxId }])
    expect(result.ackAll).toBe(true)
    const [entry] = (await deadLetters('?queue=candor-events')).filter(
      (d) => d.subject_id === outboxId,
    )
    expect(entry).toMatchObject({
      queue: 'candor-events',
      subject_id: outboxId,
      message: { outboxId },
      times: 1,
      error: expect.stringMatching(/fan-out failed 11 times/),
    })
    await deliverBatch('candor-events-dlq', [{ outboxId }])
    const again = (await deadLetters()).find((d) => d.subject_id === outboxId)
    expect(again).toMatchObject({ times: 2, first_at: entry.first_at })
    // Filtered by queue: not among another queue's.
    expect((await deadLetters('?queue=candor-ops-alerts')).map((d) => d.subject_id)).not.toContain(
      outboxId,
    )
  })

  it('an ops-alert send whose retries were spent is recorded dead and listed', async () => {
    const incident = await makeIncident({ notify: false })
    const alertId = `alert-${crypto.randomUUID().slice(0, 8)}`
    const sendId = `send-${crypto.randomUUID().slice(0, 8)}`
    const now = new Date().toISOString()
    await env.DB.batch([
      env.DB.prepare(
        `INSERT INTO ops_alerts (id, event_type, incident_id, episode, message, created_at)
         VALUES (?, 'incident.update_overdue', ?, 'e1', '{}', ?)`,
      ).bind(alertId, incident.id, now),
      env.DB.prepare(
        `INSERT INTO ops_alert_sends (id, alert_id, channel, target, status, attempts, last_error,
           created_at, updated_at)
         VALUES (?, ?, 'webhook', 'https://ops.example.net/hook', 'failed', 3, 'HTTP 502', ?, ?)`,
      ).bind(sendId, alertId, now, now),
    ])
    const result = await deliverBatch('candor-ops-alerts-dlq', [{ sendId }])
    expect(result.ackAll).toBe(true)
    const [send] = await rows<{ status: string; last_error: string }>(
      'SELECT status, last_error FROM ops_alert_sends WHERE id = ?',
      sendId,
    )
    expect(send).toEqual({ status: 'dead', last_error: 'HTTP 502' })
    const entry = (await deadLetters('?queue=candor-ops-alerts')).find(
      (d) => d.subject_id === sendId,
    )
    expect(entry).toMatchObject({ message: { sendId }, times: 1 })
  })

  it('a transactional mail whose retries were spent is given up, its link forgotten, and listed', async () => {
    const to = `dead-${crypto.randomUUID().slice(0, 8)}@example.net`
    const ctx = {
      db: env.DB,
      now: new Date(),
      baseUrl: 'http://candor.test',
      allowHttpWebhooks: true,
    }
    const [request] = await subscribe(ctx, { email: to })
    const mailId = request!.mailId
    const result = await deliverBatch('candor-deliveries-dlq', [{ mailId }])
    expect(result.ackAll).toBe(true)
    const [row] = await rows<{ status: string; params: string | null }>(
      'SELECT status, params FROM transactional_mail WHERE id = ?',
      mailId,
    )
    expect(row).toEqual({ status: 'dead', params: null })
    const entry = (await deadLetters('?queue=candor-deliveries')).find(
      (d) => d.subject_id === mailId,
    )
    expect(entry).toMatchObject({ message: { mailId }, error: 'its retries were spent' })
    // Given up: a late copy of its message sends nothing.
    await deliverBatch('candor-deliveries', [{ mailId }], 1)
    expect(await mailTo(to)).toEqual([])
  })

  it('a queue the Worker does not know keeps its messages (retried), it does not guess', async () => {
    const result = await deliverBatch('candor-something-dlq', [{ deliveryId: 'x' }])
    expect(result.retryBatch).toMatchObject({ retry: true })
  })

  it('the listing needs the write scope', async () => {
    const { token } = await makeToken(['read'])
    const res = await call('GET', '/api/v1/dead-letters', { token })
    expect((await errorOf(res)).status).toBe(403)
    expect((await errorOf(await call('GET', '/api/v1/dead-letters', { token: null }))).status).toBe(
      401,
    )
    const bad = await call('GET', '/api/v1/dead-letters?queue=elsewhere')
    expect((await errorOf(bad)).status).toBe(400)
  })
})
