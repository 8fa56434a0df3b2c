import { inOneRateWindow } from './rate-window'
import { describe, expect, it } from 'vitest'
import { SubscriptionAccepted } from '../../src/schemas/subscriptions'
import { call, errorOf, makeArea, makeComponent, rows, tableCounts } from './factories'
import {
  confirmedSubscriber,
  getPage,
  linkPath,
  mailAfterQuiet,
  postForm,
  subscribeApi,
  subscriberRows,
  subscriptionCounts,
  uniqueEmail,
  uniqueIp,
  waitForMail,
} from './subscriptions-helpers'

describe('POST /api/v1/subscriptions', () => {
  it('answers 202 with the same body for a new, a pending and a confirmed address', async () => {
    const fresh = uniqueEmail()
    const pending = uniqueEmail()
    const confirmed = uniqueEmail()
    expect((await subscribeApi({ email: pending })).status).toBe(202)
    await confirmedSubscriber({ email: confirmed })

    const answers = []
    for (const email of [fresh, pending, confirmed]) {
      const res = await subscribeApi({ email })
      answers.push({ status: res.status, body: await res.text() })
    }
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([202]))
    expect(new Set(answers.map((a) => a.body)).size).toBe(1)
    SubscriptionAccepted.parse(JSON.parse(answers[0]!.body))

    // New and pending addresses get a (new) confirmation; the confirmed one gets nothing more.
    expect(await waitForMail(fresh, 1)).toHaveLength(1)
    expect(await waitForMail(pending, 2)).toHaveLength(2)
    expect(await mailAfterQuiet(confirmed)).toHaveLength(1)
  })

  it('emails a confirmation whose link opens a page with a button; only the POST confirms', async () => {
    const email = uniqueEmail()
    const component = await makeComponent()
    const res = await subscribeApi({ email, component_ids: [component.id] })
    expect(res.status).toBe(202)

    const [mail] = await waitForMail(email)
    expect(mail!.text.length).toBeGreaterThan(0)
    expect(mail!.html.length).toBeGreaterThan(0)
    const confirm = linkPath(mail!, 'confirm')

    const shown = await getPage(confirm)
    expect(shown.status).toBe(200)
    expect(shown.html).toContain('<form method="post"')
    expect(shown.html).toContain(component.name)
    expect(shown.headers.get('cache-control')).toBe('no-store')
    // Opening the link (what a link scanner does) changes nothing.
    await getPage(confirm)
    expect((await subscriberRows(email))[0]).toMatchObject({ status: 'pending' })

    const confirmed = await postForm(confirm, {})
    expect(confirmed.status).toBe(200)
    const html = await confirmed.text()
    expect(html).toContain('You are subscribed')
    expect(html).toMatch(/href="[^"]*\/subscriptions\/manage\//)
    const [row] = await subscriberRows(email)
    expect(row).toMatchObject({ status: 'active', consent: 'double_opt_in', everything: 0 })
    expect(row!.confirmed_at).toEqual(expect.any(String))
    expect(
      await rows('SELECT component_id FROM subscriber_components WHERE subscriber_id = ?', row!.id),
    ).toEqual([{ component_id: component.id }])

    // The link works once.
    expect((await getPage(confirm)).status).toBe(410)
    expect((await postForm(confirm, {})).status).toBe(410)
  })

  it('never changes a confirmed subscription from an unauthenticated request', async () => {
    const email = uniqueEmail()
    const area = await makeArea()
    await confirmedSubscriber({ email })
    expect((await subscribeApi({ email: email.toUpperCase(), area_ids: [area.id] })).status).toBe(
      202,
    )
    const [row] = await subscriberRows(email)
    expect(row).toMatchObject({ status: 'active', everything: 1 })
    expect(await rows('SELECT * FROM subscriber_areas WHERE subscriber_id = ?', row!.id)).toEqual(
      [],
    )
  })

  it('a pending address takes the latest choices and still confirms with the first link', async () => {
    const email = uniqueEmail()
    const [a, b] = [await makeComponent(), await makeComponent()]
    await subscribeApi({ email, component_ids: [a.id] })
    await subscribeApi({ email, component_ids: [b.id] })
    const [first] = await waitForMail(email, 2)
    expect((await postForm(linkPath(first!, 'confirm'), {})).status).toBe(200)
    const [row] = await subscriberRows(email)
    expect(
      await rows('SELECT component_id FROM subscriber_components WHERE subscriber_id = ?', row!.id),
    ).toEqual([{ component_id: b.id }])
  })

  it('a webhook URL with an address makes a pending webhook in the format its URL calls for', async () => {
    const email = uniqueEmail('owner')
    const url = 'https://hooks.slack.com/services/T000/B000/XXXX'
    expect((await subscribeApi({ email, url })).status).toBe(202)
    const [row] = await subscriberRows(email)
    expect(row).toMatchObject({ kind: 'webhook', url, format: 'slack', status: 'pending' })
    expect(row!.secret).toMatch(/^whsec_/)
    const [mail] = await waitForMail(email)
    expect(mail!.text).toContain(url)
  })

  it('a chosen group stands for its components', async () => {
    const email = uniqueEmail()
    const member = await makeComponent({ group_name: `Group ${crypto.randomUUID()}` })
    await confirmedSubscriber({ email, component_ids: [member.group_id] })
    const [row] = await subscriberRows(email)
    expect(
      await rows('SELECT component_id FROM subscriber_components WHERE subscriber_id = ?', row!.id),
    ).toEqual([{ component_id: member.group_id }])
  })

  it('refuses bad input with API.md errors and writes nothing', async () => {
    const before = { ...(await tableCounts()), ...(await subscriptionCounts()) }
    const cases: [Record<string, unknown>, number, string, string][] = [
      [{ email: 'not-an-address' }, 400, 'validation_failed', 'email'],
      [{}, 400, 'validation_failed', 'email'],
      [{ email: uniqueEmail(), component_ids: ['nope'] }, 404, 'not_found', 'component_ids.0'],
      [{ email: uniqueEmail(), area_ids: ['nope'] }, 404, 'not_found', 'area_ids.0'],
      [{ email: uniqueEmail(), colour: 'blue' }, 400, 'validation_failed', 'colour'],
      [{ email: uniqueEmail(), url: 'ftp://example.net/x' }, 400, 'validation_failed', 'url'],
    ]
    for (const [body, status, code, path] of cases) {
      const error = await errorOf(await subscribeApi(body))
      expect([error.status, error.code], JSON.stringify(body)).toEqual([status, code])
      expect(error.details, JSON.stringify(body)).toEqual([expect.objectContaining({ path })])
    }
    const wrongType = await call('POST', '/api/v1/subscriptions', {
      body: 'email=a@example.net',
      token: null,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect((await errorOf(wrongType)).status).toBe(415)
    expect({ ...(await tableCounts()), ...(await subscriptionCounts()) }).toEqual(before)
  })

  it('rate-limits per IP and per address with 429 and Retry-After', async () => {
    await inOneRateWindow()
    const ip = uniqueIp()
    for (let i = 0; i < 10; i++) {
      expect((await subscribeApi({ email: uniqueEmail() }, ip)).status).toBe(202)
    }
    const limited = await subscribeApi({ email: uniqueEmail() }, ip)
    expect(limited.headers.get('retry-after')).toBe('60')
    expect(await errorOf(limited)).toMatchObject({ status: 429, code: 'rate_limited' })

    const email = uniqueEmail()
    const perAddress: number[] = []
    for (let i = 0; i < 4; i++) perAddress.push((await subscribeApi({ email })).status)
    expect(perAddress).toEqual([202, 202, 202, 429])
    // Three confirmations at most; the refused request sent nothing.
    expect(await mailAfterQuiet(email)).toHaveLength(3)
  })

  it('answers the subscribe form with a 429 page and Retry-After when limited', async () => {
    await inOneRateWindow()
    const email = uniqueEmail()
    for (let i = 0; i < 3; i++) await subscribeApi({ email })
    const res = await postForm('/subscribe', { email })
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBe('60')
    expect(res.headers.get('content-type')).toMatch(/text\/html/)
    expect(await res.text()).toContain('Too many requests')
  })
})
