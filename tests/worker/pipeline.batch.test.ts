import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { callJson, makeComponent, makeIncident, rows } from './factories'
import { hookRequests, mailTo, scriptHook } from './harness'
import {
  hookName,
  makeEmailSubscriber,
  makeWebhook,
  preparedDelivery,
  runDeliveries,
  verified,
} from './pipeline-helpers'

/**
 * One delivery batch with every kind of outcome at once: the consumer writes the outcomes of a
 * whole batch together, so each delivery must still end with its own status, attempt log,
 * failure count and links.
 */

interface DeliveryRow {
  id: string
  status: string
  attempts: number
  last_status_code: number | null
  last_error: string | null
  sent_at: string | null
  claimed_at: string | null
}

async function deliveryRows(ids: string[]): Promise<Map<string, DeliveryRow>> {
  const list = await rows<DeliveryRow>(
    `SELECT id, status, attempts, last_status_code, last_error, sent_at, claimed_at
     FROM deliveries WHERE id IN (SELECT value FROM json_each(?))`,
    JSON.stringify(ids),
  )
  return new Map(list.map((r) => [r.id, r]))
}

async function attemptLog(deliveryId: string) {
  return rows<{ attempt: number; status_code: number | null; error: string | null }>(
    'SELECT attempt, status_code, error FROM delivery_attempts WHERE delivery_id = ? ORDER BY attempt',
    deliveryId,
  )
}

async function failuresOf(subscriberId: string): Promise<number> {
  const [row] = await rows<{ consecutive_failures: number }>(
    'SELECT consecutive_failures FROM subscribers WHERE id = ?',
    subscriberId,
  )
  return row!.consecutive_failures
}

async function setFailures(subscriberId: string, count: number): Promise<void> {
  await env.DB.prepare('UPDATE subscribers SET consecutive_failures = ? WHERE id = ?')
    .bind(count, subscriberId)
    .run()
}

/** Follows a one-click unsubscribe link as a mail client or receiver's owner would. */
async function oneClick(link: string): Promise<number> {
  const res = await exports.default.fetch(
    new Request(`http://candor.test${new URL(link).pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    }),
  )
  await res.arrayBuffer()
  return res.status
}

describe('delivery consumer: one batch, many outcomes', () => {
  it('each delivery gets its own status, attempt log, failure count and links', async () => {
    const component = await makeComponent()
    const follow = { component_ids: [component.id] }
    const names = {
      ok: hookName('batch-ok'),
      broken: hookName('batch-500'),
      left: hookName('batch-left'),
    }
    const ok = await makeWebhook(names.ok, follow)
    const broken = await makeWebhook(names.broken, follow)
    const left = await makeWebhook(names.left, follow)
    const address = `batch-${crypto.randomUUID().slice(0, 8)}@example.net`
    const reader = await makeEmailSubscriber(address, { componentIds: [component.id] })
    await scriptHook(names.broken, [{ status: 500 }])
    await setFailures(ok.id, 3)
    await setFailures(broken.id, 2)
    const incident = await makeIncident({
      notify: false,
      components: { [component.id]: 'partial_outage' },
    })
    const ids = {
      ok: await preparedDelivery(incident.id, ok.id),
      broken: await preparedDelivery(incident.id, broken.id),
      left: await preparedDelivery(incident.id, left.id),
      reader: await preparedDelivery(incident.id, reader),
    }
    // The third webhook's owner leaves before its delivery goes out.
    await env.DB.prepare("UPDATE subscribers SET status = 'unsubscribed' WHERE id = ?")
      .bind(left.id)
      .run()

    const result = await runDeliveries(Object.values(ids).map((deliveryId) => ({ deliveryId })))
    expect(result.explicitAcks).toHaveLength(3)
    expect(result.retryMessages).toHaveLength(1)

    const after = await deliveryRows(Object.values(ids))
    expect(after.get(ids.ok)).toMatchObject({ status: 'sent', attempts: 1, last_status_code: 200 })
    expect(after.get(ids.ok)!.sent_at).not.toBeNull()
    expect(after.get(ids.broken)).toMatchObject({
      status: 'failed',
      attempts: 1,
      last_status_code: 500,
      last_error: 'HTTP 500',
      sent_at: null,
    })
    expect(after.get(ids.left)).toMatchObject({ status: 'skipped', attempts: 0 })
    expect(after.get(ids.reader)).toMatchObject({ status: 'sent', attempts: 1 })
    for (const row of after.values()) expect(row.claimed_at).toBeNull()

    expect(await attemptLog(ids.ok)).toEqual([{ attempt: 1, status_code: 200, error: null }])
    expect(await attemptLog(ids.broken)).toEqual([
      { attempt: 1, status_code: 500, error: 'HTTP 500' },
    ])
    expect(await attemptLog(ids.left)).toEqual([])
    expect(await attemptLog(ids.reader)).toHaveLength(1)

    // A success ends the run of failures; a failure leaves it for the dead-letter count.
    expect(await failuresOf(ok.id)).toBe(0)
    expect(await failuresOf(broken.id)).toBe(2)

    // Each message carries links of its own subscriber: using one touches no one else.
    expect(await hookRequests(names.left)).toEqual([])
    const [okRequest] = await hookRequests(names.ok)
    const [brokenRequest] = await hookRequests(names.broken)
    const okLink = verified(ok.secret, okRequest!).meta.unsubscribe as string
    const brokenLink = verified(broken.secret, brokenRequest!).meta.unsubscribe as string
    expect(okLink).not.toBe(brokenLink)
    const [mail] = await mailTo(address)
    expect(mail!.text).toContain(incident.name)
    const mailLink = /<([^>]+)>/.exec(mail!.headers['list-unsubscribe']!)![1]!
    expect(mail!.text).toMatch(/\/subscriptions\/manage\//)
    expect(await oneClick(brokenLink)).toBe(200)
    expect((await callJson('GET', `/api/v1/webhooks/${broken.id}`)).status).toBe('unsubscribed')
    expect((await callJson('GET', `/api/v1/webhooks/${ok.id}`)).status).toBe('active')
    expect(await oneClick(mailLink)).toBe(200)
    expect((await callJson('GET', `/api/v1/subscribers/${reader}`)).status).toBe('unsubscribed')
    expect((await callJson('GET', `/api/v1/webhooks/${ok.id}`)).status).toBe('active')
  }, 30_000)
})
