import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { subscribe } from '../../src/domain/subscriptions'
import { requeueStuckDeliveries } from '../../src/notify/delivery/sweep'
import { requeueStuckMail } from '../../src/notify/delivery/transactional-mail'
import { SLOW_SMTP_DELAY_MS } from '../support/global-setup'
import { call, makeComponent, makeIncident, rows } from './factories'
import { mailTo, scriptSmtp, slowSmtpUrl } from './harness'
import { makeEmailSubscriber, preparedDelivery, runDeliveries, waitFor } from './pipeline-helpers'

/**
 * Exactly once over a slow mail relay: the claims of a batch outlast the batch, each outcome is
 * recorded as the relay answers, and every send of a delivery carries the same Message-ID.
 */

const address = (label: string) => `${label}-${crypto.randomUUID().slice(0, 8)}@example.net`

/** A short claim, so that one batch over the slow relay outlasts several claim periods. */
const CLAIM_SECONDS = 2
const slowRelay = { SMTP_URL: slowSmtpUrl, DELIVERY_CLAIM_SECONDS: String(CLAIM_SECONDS) }

interface Row {
  id: string
  status: string
  attempts: number
}

async function deliveryRows(ids: string[]): Promise<Row[]> {
  return rows<Row>(
    `SELECT id, status, attempts FROM deliveries WHERE id IN (SELECT value FROM json_each(?))`,
    JSON.stringify(ids),
  )
}

/** Email subscribers to a fresh component, and one prepared (unqueued) delivery to each. */
async function emailDeliveries(count: number) {
  const component = await makeComponent()
  const people: { to: string; subscriberId: string }[] = []
  for (let i = 0; i < count; i++) {
    const to = address(`slow${i}`)
    people.push({
      to,
      subscriberId: await makeEmailSubscriber(to, { componentIds: [component.id] }),
    })
  }
  const incident = await makeIncident({
    notify: false,
    components: { [component.id]: 'major_outage' },
  })
  const deliveries = []
  for (const p of people) {
    deliveries.push({ ...p, deliveryId: await preparedDelivery(incident.id, p.subscriberId) })
  }
  return deliveries
}

describe('a slow mail relay', () => {
  it('a batch longer than many claim periods, redelivered and swept meanwhile, reaches everyone once', async () => {
    const count = 10
    // The batch takes count × the relay's delay: several claim periods.
    expect(count * SLOW_SMTP_DELAY_MS).toBeGreaterThan(3 * CLAIM_SECONDS * 1000)
    const list = await emailDeliveries(count)
    const ids = list.map((d) => d.deliveryId)
    const messages = ids.map((deliveryId) => ({ deliveryId }))
    const atServer = async () =>
      (await mailTo()).filter((m) => list.some((d) => m.to.includes(d.to.toLowerCase())))

    const first = runDeliveries(messages, slowRelay)
    // Partway through: what the relay has accepted is already recorded as sent; what it has not
    // seen yet is still held by the first run.
    const seen = await waitFor(atServer, (m) => m.length >= 3, 20_000, 'three messages')
    const midway = await deliveryRows(ids)
    const sent = midway.filter((r) => r.status === 'sent').length
    expect(sent).toBeGreaterThanOrEqual(seen.length - 1)
    expect(sent).toBeLessThan(count)
    expect(midway.filter((r) => r.status === 'pending')).toEqual([])

    // Past the claim period, the queue hands the same messages to a second consumer, and the
    // sweep (its clock moved on) puts them on the real queue too: neither sends anything again.
    await new Promise((r) => setTimeout(r, (CLAIM_SECONDS + 0.5) * 1000))
    const secondRun = runDeliveries(messages, slowRelay)
    const swept = await requeueStuckDeliveries(env, new Date(Date.now() + 5 * 60_000))
    expect(swept).toBeGreaterThan(0)
    const [a, b] = await Promise.all([first, secondRun])
    expect(a.explicitAcks).toHaveLength(count)
    expect(b.explicitAcks.length + b.retryMessages.length).toBe(count)

    await new Promise((r) => setTimeout(r, 2500))
    const received = await atServer()
    for (const d of list) {
      const copies = received.filter((m) => m.to.includes(d.to.toLowerCase()))
      expect(copies.map((m) => m.headers['message-id'])).toEqual([`<${d.deliveryId}@candor>`])
    }
    expect(new Set(received.map((m) => m.server))).toEqual(new Set(['slow']))
    for (const row of await deliveryRows(ids)) {
      expect(row).toMatchObject({ status: 'sent', attempts: 1 })
    }
  }, 60_000)

  it('a claim held by a run that stopped runs out and is taken; one still extended is left alone', async () => {
    const [gone, alive] = await emailDeliveries(2)
    const claim = (id: string, by: string, ageMs: number) =>
      env.DB.prepare(
        `UPDATE deliveries SET status = 'sending', claimed_by = ?, claimed_at = ? WHERE id = ?`,
      )
        .bind(by, new Date(Date.now() - ageMs).toISOString(), id)
        .run()
    await claim(gone!.deliveryId, 'a-run-that-died', (CLAIM_SECONDS + 1) * 1000)
    await claim(alive!.deliveryId, 'a-run-still-at-work', 0)
    const result = await runDeliveries(
      [{ deliveryId: gone!.deliveryId }, { deliveryId: alive!.deliveryId }],
      slowRelay,
    )
    expect(result.explicitAcks).toHaveLength(1)
    expect(result.retryMessages).toEqual([expect.objectContaining({ delaySeconds: CLAIM_SECONDS })])
    expect(await mailTo(gone!.to)).toHaveLength(1)
    expect(await mailTo(alive!.to)).toEqual([])
    const after = new Map(
      (await deliveryRows([gone!.deliveryId, alive!.deliveryId])).map((r) => [r.id, r]),
    )
    expect(after.get(gone!.deliveryId)!.status).toBe('sent')
    expect(after.get(alive!.deliveryId)!.status).toBe('sending')
  }, 30_000)
})

describe('stable Message-ID', () => {
  it('a relay that kept the message but answered 451: the resend carries the same Message-ID', async () => {
    const [d] = await emailDeliveries(1)
    await scriptSmtp(d!.to, [{ stage: 'data', code: 451, keep: true }])
    const failed = await runDeliveries([{ deliveryId: d!.deliveryId }])
    expect(failed.retryMessages).toHaveLength(1)
    expect((await deliveryRows([d!.deliveryId]))[0]).toMatchObject({
      status: 'failed',
      attempts: 1,
    })
    const resent = await runDeliveries([{ deliveryId: d!.deliveryId, attempts: 2 }])
    expect(resent.explicitAcks).toHaveLength(1)
    const copies = await mailTo(d!.to)
    expect(copies).toHaveLength(2)
    expect(copies.map((m) => m.headers['message-id'])).toEqual([
      `<${d!.deliveryId}@candor>`,
      `<${d!.deliveryId}@candor>`,
    ])
    expect((await deliveryRows([d!.deliveryId]))[0]).toMatchObject({ status: 'sent', attempts: 2 })
  })

  it('the host of PUBLIC_URL is the right-hand part', async () => {
    const [d] = await emailDeliveries(1)
    await runDeliveries([{ deliveryId: d!.deliveryId }], { PUBLIC_URL: 'https://status.acme.test' })
    const [mail] = await mailTo(d!.to)
    expect(mail!.headers['message-id']).toBe(`<${d!.deliveryId}@status.acme.test>`)
  })
})

interface MailRow {
  id: string
  status: string
  attempts: number
  params: string | null
  last_error: string | null
}

async function mailRows(to: string): Promise<MailRow[]> {
  return rows<MailRow>(
    'SELECT id, status, attempts, params, last_error FROM transactional_mail WHERE recipient = ?',
    to,
  )
}

describe('confirmation mail through the queue', () => {
  it('is recorded with the subscriber and retried when the relay refuses it first', async () => {
    const to = address('confirm')
    await scriptSmtp(to, [{ stage: 'rcpt', code: 451 }])
    const res = await call('POST', '/api/v1/subscriptions', { body: { email: to }, token: null })
    expect(res.status).toBe(202)
    const [recorded] = await mailRows(to)
    expect(recorded).toBeDefined()

    const [mail] = await waitFor(
      () => mailTo(to),
      (m) => m.length > 0,
      30_000,
      'the confirmation after its retry',
    )
    expect(mail!.subject).toMatch(/^Confirm your subscription/)
    expect(mail!.text).toMatch(/\/subscriptions\/confirm\//)
    expect(mail!.headers['message-id']).toBe(`<${recorded!.id}@candor>`)
    const [row] = await waitFor(
      () => mailRows(to),
      ([r]) => r?.status === 'sent',
      10_000,
      'the mail recorded sent',
    )
    // The first try failed and was recorded; the link it carried is not kept once sent.
    expect(row).toMatchObject({ status: 'sent', attempts: 2, params: null })
    await new Promise((r) => setTimeout(r, 1000))
    expect(await mailTo(to)).toHaveLength(1)
  }, 45_000)

  it('a mail whose enqueue was lost is sent by the sweep, once', async () => {
    const to = address('swept')
    const ctx = {
      db: env.DB,
      now: new Date(),
      baseUrl: 'http://candor.test',
      allowHttpWebhooks: true,
    }
    // The verb records the mail; nothing puts it on the queue (as if that send had failed).
    const [request] = await subscribe(ctx, { email: to })
    await new Promise((r) => setTimeout(r, 1500))
    expect(await mailTo(to)).toEqual([])
    expect((await mailRows(to))[0]).toMatchObject({ id: request!.mailId, status: 'pending' })

    expect(await requeueStuckMail(env, new Date(Date.now() + 3 * 60_000))).toBeGreaterThan(0)
    const [mail] = await waitFor(
      () => mailTo(to),
      (m) => m.length > 0,
      15_000,
      'the swept mail',
    )
    expect(mail!.text).toContain(request!.confirmUrl)
    // Sent: the next sweep finds nothing of it to send.
    await waitFor(
      () => mailRows(to),
      ([r]) => r?.status === 'sent',
      10_000,
      'the mail recorded sent',
    )
    await requeueStuckMail(env, new Date(Date.now() + 6 * 60_000))
    await new Promise((r) => setTimeout(r, 1500))
    expect(await mailTo(to)).toHaveLength(1)
  }, 40_000)

  it('the same mail twice in a batch, and again later, is sent once', async () => {
    const to = address('twice')
    const ctx = {
      db: env.DB,
      now: new Date(),
      baseUrl: 'http://candor.test',
      allowHttpWebhooks: true,
    }
    const [request] = await subscribe(ctx, { email: to })
    const mailId = request!.mailId
    const result = await runDeliveries([{ mailId }, { mailId }])
    expect(result.explicitAcks).toHaveLength(2)
    expect((await runDeliveries([{ mailId, attempts: 2 }])).explicitAcks).toHaveLength(1)
    expect(await mailTo(to)).toHaveLength(1)
  })
})
