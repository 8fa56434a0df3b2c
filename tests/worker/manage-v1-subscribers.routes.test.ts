import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { makeComponent, makeToken, rows } from './factories'
import { INCIDENT_ENCODINGS, sent, v1Send } from './manage-v1-incident-calls'
import { expectRefused, expectSpecShape, mailsTo, pageId, v1, v1Json } from './manage-v1-helpers'

const ONE = '/pages/{page_id}/subscribers/{subscriber_id}'
const LIST = '/pages/{page_id}/subscribers'
let page: string
const address = (name: string) => `v1-${name}-${crypto.randomUUID().slice(0, 8)}@example.net`

beforeAll(async () => {
  page = await pageId()
})

/** An active subscriber quarantined as the dead-letter consumer leaves one. */
async function quarantine(id: string) {
  await env.DB.prepare(
    `UPDATE subscribers SET status = 'disabled', disabled_at = ?, consecutive_failures = 5,
       disabled_reason = '5 events in a row could not be delivered' WHERE id = ?`,
  )
    .bind(new Date().toISOString(), id)
    .run()
}

describe.each(INCIDENT_ENCODINGS)('subscribers through the Manage API v1 (%s)', (encoding) => {
  async function create(email: string, extra: Record<string, string | string[]> = {}) {
    return v1Send('POST', `/pages/${page}/subscribers`, LIST, 201, encoding, {
      subscriber: { email, ...extra },
    })
  }

  it('creates an active subscriber with skip_confirmation_notification, sending no mail', async () => {
    const api = await makeComponent()
    const email = address('active')
    const created = await create(email, {
      skip_confirmation_notification: 'true',
      component_ids: [api.id],
    })
    expect(created).toMatchObject({
      mode: 'email',
      email,
      endpoint: null,
      components: [api.id],
      quarantined_at: null,
      purge_at: null,
      skip_confirmation_notification: true,
    })
    const [row] = await rows('SELECT status, consent FROM subscribers WHERE id = ?', created.id)
    expect(row).toEqual({ status: 'active', consent: 'imported_with_consent' })
    expect(await mailsTo(email)).toBe(0)
    const audit = await rows('SELECT action, actor FROM audit_log WHERE target_id = ?', created.id)
    expect(audit.map((a) => a.action)).toEqual(['subscriber.create'])

    const got = await v1Json('GET', `/pages/${page}/subscribers/${created.id}.json`, ONE, 200)
    expect(got).toEqual(created)
  })

  it('creates a pending subscriber that gets the confirmation mail, and can be sent another', async () => {
    const email = address('pending')
    const created = await create(email)
    expect(created.skip_confirmation_notification).toBe(false)
    const [row] = await rows('SELECT status FROM subscribers WHERE id = ?', created.id)
    expect(row).toEqual({ status: 'pending' })
    expect(await mailsTo(email)).toBe(1)

    const unconfirmed = await v1Json<{ id: string }[]>(
      'GET',
      `/pages/${page}/subscribers?state=unconfirmed&q=${encodeURIComponent(email)}`,
      LIST,
      200,
    )
    expect(unconfirmed.map((s) => s.id)).toEqual([created.id])
    const active = await v1Json<unknown[]>(
      'GET',
      `/pages/${page}/subscribers?q=${encodeURIComponent(email)}`,
      LIST,
      200,
    )
    expect(active).toEqual([])

    const res = await v1('POST', `/pages/${page}/subscribers/${created.id}/resend_confirmation`)
    expect(res.status).toBe(201)
    expect(await mailsTo(email)).toBe(2)
  })

  it('lists by type, state (quarantined, all), q, limit and page', async () => {
    const tag = crypto.randomUUID().slice(0, 8)
    const emails = ['a', 'b', 'c'].map((n) => `v1-list-${tag}-${n}@example.net`)
    const ids: string[] = []
    for (const email of emails) {
      ids.push((await create(email, { skip_confirmation_notification: 'true' })).id)
    }
    await quarantine(ids[2]!)
    const list = (query: string) =>
      v1Json<{ id: string; quarantined_at: string | null }[]>(
        'GET',
        `/pages/${page}/subscribers?q=v1-list-${tag}&${query}`,
        LIST,
        200,
      )
    const sorted = (xs: string[]) => [...xs].sort()
    expect(sorted((await list('type=email')).map((s) => s.id))).toEqual(sorted(ids.slice(0, 2)))
    const quarantined = await list('state=quarantined')
    expect(quarantined.map((s) => s.id)).toEqual([ids[2]])
    expect(quarantined[0]!.quarantined_at).toEqual(expect.any(String))
    expect((await list('state=all')).map((s) => s.id).sort()).toEqual(sorted(ids))
    expect(await list('type=webhook&state=all')).toEqual([])
    // This list counts its pages from 0, as Atlassian's document says ("The first page is page 0").
    const first = await list('state=all&limit=2&page=0')
    const second = await list('state=all&limit=2&page=1')
    expect(first).toHaveLength(2)
    expect(second).toHaveLength(1)
    expect(sorted([...first, ...second].map((s) => s.id))).toEqual(sorted(ids))
    expect(await list('state=all&limit=2')).toEqual(first)
    expect(await list('state=all&limit=2&page=2')).toEqual([])
  })

  it('DELETE unsubscribes (kept, listed as unsubscribed)', async () => {
    const created = await create(address('gone'), { skip_confirmation_notification: 'true' })
    const gone = await v1Json('DELETE', `/pages/${page}/subscribers/${created.id}`, ONE, 200)
    expect(gone.id).toBe(created.id)
    const [row] = await rows('SELECT status FROM subscribers WHERE id = ?', created.id)
    expect(row).toEqual({ status: 'unsubscribed' })
    const listed = await v1Json<{ id: string }[]>(
      'GET',
      `/pages/${page}/subscribers/unsubscribed?per_page=100`,
      '/pages/{page_id}/subscribers/unsubscribed',
      200,
    )
    expect(listed.map((s) => s.id)).toContain(created.id)
  })

  it('bulk unsubscribe and reactivate', async () => {
    const one = await create(address('bulk1'), { skip_confirmation_notification: 'true' })
    const two = await create(address('bulk2'), { skip_confirmation_notification: 'true' })
    const res = await v1(
      'POST',
      `/pages/${page}/subscribers/unsubscribe`,
      sent(encoding, { subscribers: [one.id, two.id] }),
    )
    expect(res.status).toBe(201)
    expect(await res.json()).toEqual({ unsubscribed: [one.id, two.id] })
    const statuses = await rows('SELECT status FROM subscribers WHERE id IN (?, ?)', one.id, two.id)
    expect(statuses).toEqual([{ status: 'unsubscribed' }, { status: 'unsubscribed' }])

    const q = await create(address('bulk3'), { skip_confirmation_notification: 'true' })
    await quarantine(q.id)
    const back = await v1(
      'POST',
      `/pages/${page}/subscribers/reactivate`,
      sent(encoding, { subscribers: [q.id, one.id], type: 'email' }),
    )
    expect(back.status).toBe(201)
    expect(await back.json()).toEqual({ reactivated: [q.id] })
    const [row] = await rows('SELECT status FROM subscribers WHERE id = ?', q.id)
    expect(row).toEqual({ status: 'active' })
  })

  it('PATCH sets the components followed; none given is every component', async () => {
    const api = await makeComponent()
    const web = await makeComponent()
    const created = await create(address('patch'), { skip_confirmation_notification: 'true' })
    const path = `/pages/${page}/subscribers/${created.id}`
    const some = await v1Send('PATCH', path, ONE, 200, encoding, { component_ids: [web.id] })
    expect(some.components).toEqual([web.id])
    expect(
      await rows(
        'SELECT component_id FROM subscriber_components WHERE subscriber_id = ?',
        created.id,
      ),
    ).toEqual([{ component_id: web.id }])
    const wrapped = await v1Send('PATCH', path, ONE, 200, encoding, {
      subscriber: { component_ids: [api.id, web.id] },
    })
    expect([...wrapped.components].sort()).toEqual([api.id, web.id].sort())
    const all = await v1Json('PATCH', path, ONE, 200, { body: {} })
    expect(all.components).toEqual(expect.arrayContaining([api.id, web.id]))
    const [row] = await rows('SELECT everything FROM subscribers WHERE id = ?', created.id)
    expect(row).toEqual({ everything: 1 })
    const audit = await rows(
      'SELECT action FROM audit_log WHERE target_id = ? ORDER BY id',
      created.id,
    )
    expect(audit.map((a) => a.action)).toEqual([
      'subscriber.create',
      'subscriber.update',
      'subscriber.update',
      'subscriber.update',
    ])
    await expectRefused(422, 'PATCH', path, sent(encoding, { component_ids: ['nosuchcomp01'] }))
    await expectRefused(
      404,
      'PATCH',
      `/pages/${page}/subscribers/nosuchsub001`,
      sent(encoding, { component_ids: [api.id] }),
    )
  })

  it('bulk resend_confirmation reaches only unconfirmed email subscribers', async () => {
    const pendingEmail = address('resend')
    const pending = await create(pendingEmail)
    const active = await create(address('resend-active'), {
      skip_confirmation_notification: 'true',
    })
    const res = await v1(
      'POST',
      `/pages/${page}/subscribers/resend_confirmation`,
      sent(encoding, { subscribers: [pending.id, active.id] }),
    )
    expect(res.status).toBe(201)
    expect(await res.json()).toEqual({ resent: [pending.id] })
    expect(await mailsTo(pendingEmail)).toBe(2)
    expect(await mailsTo(active.email)).toBe(0)
    await expectRefused(
      404,
      'POST',
      `/pages/${page}/subscribers/resend_confirmation`,
      sent(encoding, { subscribers: ['nosuchsub001'] }),
    )
  })

  it('refuses with 422, 404 and 401, writing nothing', async () => {
    const path = `/pages/${page}/subscribers`
    await expectRefused(
      422,
      'POST',
      path,
      sent(encoding, { subscriber: { email: 'not-an-address' } }),
    )
    await expectRefused(422, 'POST', path, sent(encoding, { subscriber: {} }))
    const sms = await expectRefused(
      422,
      'POST',
      path,
      sent(encoding, { subscriber: { phone_number: '202-555-0105', phone_country: 'US' } }),
    )
    expect(sms).toMatch(/SMS/)
    await expectRefused(
      422,
      'POST',
      path,
      sent(encoding, { subscriber: { email: address('x'), component_ids: ['nosuchcomp01'] } }),
    )
    const taken = await create(address('taken'), { skip_confirmation_notification: 'true' })
    await expectRefused(422, 'POST', path, sent(encoding, { subscriber: { email: taken.email } }))
    await expectRefused(
      404,
      'POST',
      '/pages/notthispage1/subscribers',
      sent(encoding, { subscriber: { email: address('elsewhere') } }),
    )
    await expectRefused(
      404,
      'POST',
      `${path}/unsubscribe`,
      sent(encoding, { subscribers: [taken.id, 'nosuchsub001'] }),
    )
    await expectRefused(422, 'POST', `${path}/unsubscribe`, sent(encoding, { type: 'email' }))
    await expectRefused(
      422,
      'POST',
      `${path}/reactivate`,
      sent(encoding, { subscribers: 'all', type: 'sms' }),
    )
    await expectRefused(401, 'POST', path, {
      key: null,
      ...sent(encoding, { subscriber: { email: address('anon') } }),
    })
  })
})

describe('subscriber reads through the Manage API v1', () => {
  it('counts and histogram in the document shape, moving with the subscribers', async () => {
    const count = (query = '') =>
      v1Json<Record<string, number>>(
        'GET',
        `/pages/${page}/subscribers/count${query}`,
        '/pages/{page_id}/subscribers/count',
        200,
      )
    const histogram = () =>
      v1Json<Record<string, Record<string, number>>>(
        'GET',
        `/pages/${page}/subscribers/histogram_by_state.json`,
        '/pages/{page_id}/subscribers/histogram_by_state',
        200,
      )
    const [activeBefore, quarantinedBefore, histBefore] = await Promise.all([
      count(),
      count('?state=quarantined&type=email'),
      histogram(),
    ])
    const res = await v1('POST', `/pages/${page}/subscribers`, {
      body: { subscriber: { email: address('count'), skip_confirmation_notification: 'true' } },
    })
    const { id } = (await res.json()) as { id: string }
    await quarantine(id)
    expect((await count()).email).toBe(activeBefore.email)
    const quarantinedAfter = await count('?state=quarantined&type=email')
    expect(quarantinedAfter).toMatchObject({
      email: quarantinedBefore.email! + 1,
      webhook: 0,
      sms: 0,
    })
    const histAfter = await histogram()
    expect(histAfter.email!.quarantined).toBe(histBefore.email!.quarantined! + 1)
    expect(histAfter.email!.total).toBe(histBefore.email!.total! + 1)
    expect(histAfter.sms).toEqual({ active: 0, unconfirmed: 0, quarantined: 0, total: 0 })
  })

  it('refuses types Candor has none of, other states, a subscriber it lacks, a read token', async () => {
    const path = `/pages/${page}/subscribers`
    expect(await expectRefused(422, 'GET', `${path}?type=sms`)).toMatch(/no sms subscribers/)
    await expectRefused(422, 'GET', `${path}/count?type=teams`)
    await expectRefused(422, 'GET', `${path}?state=sleeping`)
    await expectRefused(404, 'GET', `${path}/nosuchsub001`)
    await expectRefused(404, 'DELETE', `${path}/nosuchsub001`)
    await expectRefused(404, 'POST', `${path}/nosuchsub001/resend_confirmation`)
    await expectRefused(404, 'GET', '/pages/notthispage1/subscribers')
    await expectRefused(401, 'GET', path, { key: null })
    await expectRefused(401, 'GET', path, { key: 'not-a-token' })
    const reader = await makeToken(['read'])
    await expectRefused(403, 'GET', path, { key: reader.token })
    expectSpecShape('GET', LIST, 200, [])
  })
})
