import { describe, expect, it } from 'vitest'
import { ImportReportJson, SubscriberJson, SubscriberList } from '../../src/schemas/subscriptions'
import { call, callJson, errorOf, makeArea, makeComponent, makeToken, rows } from './factories'
import {
  confirmedSubscriber,
  linkPath,
  mailAfterQuiet,
  postForm,
  subscribeApi,
  subscriberRows,
  subscriptionCounts,
  uniqueEmail,
  waitForMail,
} from './subscriptions-helpers'

/** POSTs a CSV import as an admin. */
async function importCsv(csv: string, query = '', token?: string) {
  return call('POST', `/api/v1/subscribers/import${query}`, {
    body: csv,
    headers: { 'content-type': 'text/csv' },
    ...(token ? { token } : {}),
  })
}

describe('admin /api/v1/subscribers', () => {
  it('lists subscribers with kind and status filters, a page at a time, never showing secrets', async () => {
    const active = uniqueEmail()
    const pending = uniqueEmail()
    await confirmedSubscriber({ email: active })
    await subscribeApi({ email: pending })
    await subscribeApi({ email: uniqueEmail('owner'), url: 'https://hooks.example.net/list' })

    const all = SubscriberList.parse(await callJson('GET', '/api/v1/subscribers?limit=1000'))
    const emails = all.subscribers.map((s) => s.email)
    expect(emails).toEqual(expect.arrayContaining([active, pending]))
    expect(JSON.stringify(all)).not.toContain('whsec_')

    const onlyActive = SubscriberList.parse(
      await callJson('GET', '/api/v1/subscribers?status=active&kind=email&limit=1000'),
    )
    expect(onlyActive.subscribers.every((s) => s.status === 'active' && s.kind === 'email')).toBe(
      true,
    )
    expect(onlyActive.subscribers.map((s) => s.email)).toContain(active)
    expect(onlyActive.subscribers.map((s) => s.email)).not.toContain(pending)
    const webhooks = SubscriberList.parse(await callJson('GET', '/api/v1/subscribers?kind=webhook'))
    expect(webhooks.subscribers.length).toBeGreaterThan(0)
    expect(webhooks.subscribers.every((s) => s.kind === 'webhook' && s.url)).toBe(true)

    // Paging: every subscriber exactly once.
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page = SubscriberList.parse(
        await callJson('GET', `/api/v1/subscribers?limit=2${cursor ? `&cursor=${cursor}` : ''}`),
      )
      expect(page.subscribers.length).toBeLessThanOrEqual(2)
      seen.push(...page.subscribers.map((s) => s.id))
      cursor = page.next_cursor
    } while (cursor)
    expect(seen).toEqual(all.subscribers.map((s) => s.id))

    const bad = await errorOf(await call('GET', '/api/v1/subscribers?status=sleeping'))
    expect(bad).toMatchObject({ status: 400, code: 'validation_failed' })
  })

  it('needs a token with write to list and to change: read sees no address (403)', async () => {
    expect((await call('GET', '/api/v1/subscribers', { token: null })).status).toBe(401)
    const reader = await makeToken(['read'])
    expect((await call('GET', '/api/v1/subscribers', { token: reader.token })).status).toBe(403)
    expect((await call('GET', '/api/v1/subscribers/xyz', { token: reader.token })).status).toBe(403)
    const writer = await makeToken(['write'])
    expect((await call('GET', '/api/v1/subscribers', { token: writer.token })).status).toBe(200)
    const refused = await importCsv('email\nx@example.net\n', '', reader.token)
    expect((await errorOf(refused)).status).toBe(403)
    expect((await call('DELETE', '/api/v1/subscribers/xyz', { token: reader.token })).status).toBe(
      403,
    )
  })

  it('removes a subscriber with its choices and tokens', async () => {
    const email = uniqueEmail()
    const component = await makeComponent()
    await confirmedSubscriber({ email, component_ids: [component.id] })
    const [row] = await subscriberRows(email)
    const id = row!.id as string
    SubscriberJson.parse(await callJson('GET', `/api/v1/subscribers/${id}`))
    expect((await call('DELETE', `/api/v1/subscribers/${id}`)).status).toBe(204)
    expect(await subscriberRows(email)).toEqual([])
    expect(await rows('SELECT * FROM subscriber_components WHERE subscriber_id = ?', id)).toEqual(
      [],
    )
    expect(await rows('SELECT * FROM link_tokens WHERE subscriber_id = ?', id)).toEqual([])
    expect((await errorOf(await call('DELETE', `/api/v1/subscribers/${id}`))).status).toBe(404)
    expect((await errorOf(await call('GET', `/api/v1/subscribers/${id}`))).status).toBe(404)
  })
})

describe('POST /api/v1/subscribers/import', () => {
  it('with ?consented=true: rows are active at once and nobody is emailed', async () => {
    const component = await makeComponent()
    const area = await makeArea()
    const [a, b] = [uniqueEmail(), uniqueEmail()]
    const csv = `email,components,areas,name\n${a},${component.name},"${area.id}",Ann\n${b},,,Bob\n`
    const res = await importCsv(csv, '?consented=true')
    expect(res.status).toBe(200)
    const report = ImportReportJson.parse(await res.json())
    expect(report).toMatchObject({
      added: 2,
      active: 2,
      pending: 0,
      errors: [],
      ignored_columns: ['name'],
    })
    const [rowA] = await subscriberRows(a)
    expect(rowA).toMatchObject({
      status: 'active',
      consent: 'imported_with_consent',
      everything: 0,
    })
    expect(
      await rows(
        'SELECT component_id FROM subscriber_components WHERE subscriber_id = ?',
        rowA!.id,
      ),
    ).toEqual([{ component_id: component.id }])
    expect(
      await rows('SELECT area_id FROM subscriber_areas WHERE subscriber_id = ?', rowA!.id),
    ).toEqual([{ area_id: area.id }])
    expect((await subscriberRows(b))[0]).toMatchObject({ status: 'active', everything: 1 })
    expect(await mailAfterQuiet(a)).toEqual([])
  })

  it('without consent: rows stay pending and each gets a working confirmation email', async () => {
    const email = uniqueEmail()
    const report = ImportReportJson.parse(
      await callJson('POST', '/api/v1/subscribers/import', {
        body: `email\n${email}\n`,
        headers: { 'content-type': 'text/csv' },
        expect: 200,
      }),
    )
    expect(report).toMatchObject({ added: 1, active: 0, pending: 1 })
    expect((await subscriberRows(email))[0]).toMatchObject({ status: 'pending' })
    const [mail] = await waitForMail(email)
    expect((await postForm(linkPath(mail!, 'confirm'), {})).status).toBe(200)
    expect((await subscriberRows(email))[0]).toMatchObject({ status: 'active' })
  })

  it('reports bad rows, keeps the good ones, and never signs up again an address that left', async () => {
    const good = uniqueEmail()
    const left = uniqueEmail()
    const { managePath } = await confirmedSubscriber({ email: left })
    await postForm(managePath, { action: 'leave' })
    const active = uniqueEmail()
    await confirmedSubscriber({ email: active })
    const csv = [
      'Email,Components',
      `${good},`,
      'not-an-address,',
      `${good.toUpperCase()},`,
      `${uniqueEmail()},No such component`,
      `${left},`,
      `${active},`,
    ].join('\r\n')
    const report = ImportReportJson.parse(await (await importCsv(csv, '?consented=true')).json())
    expect(report.added).toBe(1)
    expect(report.errors.map((e) => [e.line, e.message])).toEqual([
      [3, 'not an email address'],
      [4, 'this address is already on an earlier line'],
      [5, 'unknown component "No such component"'],
    ])
    expect(report.skipped.map((s) => [s.line, s.reason])).toEqual([
      [6, 'this address unsubscribed; it is not signed up again'],
      [7, 'already a subscriber (active)'],
    ])
    expect((await subscriberRows(good))[0]).toMatchObject({ status: 'active' })
    expect((await subscriberRows(left))[0]).toMatchObject({ status: 'unsubscribed' })
  })

  it('refuses a CSV without an email column, or a body that is not CSV, writing nothing', async () => {
    const before = await subscriptionCounts()
    const noEmail = await errorOf(await importCsv('address\nx@example.net\n'))
    expect(noEmail).toMatchObject({ status: 400, code: 'validation_failed' })
    const unclosed = await errorOf(await importCsv('email\n"x@example.net\n'))
    expect(unclosed).toMatchObject({ status: 400, code: 'validation_failed' })
    const json = await errorOf(
      await call('POST', '/api/v1/subscribers/import', { body: { email: 'x@example.net' } }),
    )
    expect(json).toMatchObject({ status: 415, code: 'unsupported_media_type' })
    // Other admin routes still want JSON.
    const csvElsewhere = await call('POST', '/api/v1/areas', {
      body: 'name\nM16\n',
      headers: { 'content-type': 'text/csv' },
    })
    expect((await errorOf(csvElsewhere)).status).toBe(415)
    expect(await subscriptionCounts()).toEqual(before)
  })
})

describe('the OpenAPI document', () => {
  it('lists the public subscribe route (no token) and the admin subscriber routes', async () => {
    const doc = await callJson('GET', '/api/v1/openapi.json', { token: null, expect: 200 })
    const methods = (path: string) => Object.keys(doc.paths[path] ?? {}).sort()
    expect(methods('/api/v1/subscriptions')).toEqual(['post'])
    expect(doc.paths['/api/v1/subscriptions'].post.security).toBeUndefined()
    expect(Object.keys(doc.paths['/api/v1/subscriptions'].post.responses)).toEqual(
      expect.arrayContaining(['202', '400', '404', '429']),
    )
    expect(methods('/api/v1/subscribers')).toEqual(['get'])
    expect(methods('/api/v1/subscribers/{id}')).toEqual(['delete', 'get', 'patch'])
    expect(methods('/api/v1/subscribers/import')).toEqual(['post'])
    expect(Object.keys(doc.paths['/api/v1/subscribers/import'].post.requestBody.content)).toEqual([
      'text/csv',
    ])
  })
})
