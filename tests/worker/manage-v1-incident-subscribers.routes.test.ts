import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { makeComponent, makeIncident, makeMaintenance, makeToken, rows } from './factories'
import { INCIDENT_ENCODINGS, sent, v1Send } from './manage-v1-incident-calls'
import { expectRefused, expectSpecShape, mailsTo, pageId, v1, v1Json } from './manage-v1-helpers'

const LIST = '/pages/{page_id}/incidents/{incident_id}/subscribers'
const ONE = '/pages/{page_id}/incidents/{incident_id}/subscribers/{subscriber_id}'
let page: string
const address = (name: string) => `v1-inc-${name}-${crypto.randomUUID().slice(0, 8)}@example.net`

beforeAll(async () => {
  page = await pageId()
})

async function follows(subscriberId: string): Promise<string[]> {
  const found = await rows<{ incident_id: string }>(
    'SELECT incident_id FROM subscriber_incidents WHERE subscriber_id = ? ORDER BY created_at',
    subscriberId,
  )
  return found.map((r) => r.incident_id)
}

describe.each(INCIDENT_ENCODINGS)(
  'incident subscribers through the Manage API v1 (%s)',
  (encoding) => {
    const base = (incidentId: string) => `/pages/${page}/incidents/${incidentId}/subscribers`
    const subscribe = (incidentId: string, subscriber: Record<string, string>, status = 201) =>
      v1Send('POST', base(incidentId), LIST, status, encoding, { subscriber })

    it('subscribes a new address to one incident only, lists, gets and removes it', async () => {
      await makeComponent()
      const incident = await makeIncident({ notify: false })
      const email = address('new')
      const created = await subscribe(incident.id, {
        email,
        skip_confirmation_notification: 'true',
      })
      expect(created).toMatchObject({ mode: 'email', email, components: [] })
      const [row] = await rows(
        'SELECT status, everything FROM subscribers WHERE id = ?',
        created.id,
      )
      expect(row).toEqual({ status: 'active', everything: 0 })
      expect(await follows(created.id)).toEqual([incident.id])
      expect(await mailsTo(email)).toBe(0)

      const list = await v1Json<{ id: string }[]>(
        'GET',
        `${base(incident.id)}?per_page=10`,
        LIST,
        200,
      )
      expect(list.map((s) => s.id)).toEqual([created.id])
      const got = await v1Json('GET', `${base(incident.id)}/${created.id}.json`, ONE, 200)
      expect(got).toEqual(created)

      const gone = await v1Json('DELETE', `${base(incident.id)}/${created.id}`, ONE, 200)
      expect(gone.id).toBe(created.id)
      expect(await follows(created.id)).toEqual([])
      const [after] = await rows('SELECT status FROM subscribers WHERE id = ?', created.id)
      // It followed nothing else: it is unsubscribed.
      expect(after).toEqual({ status: 'unsubscribed' })
      expect(await v1Json('GET', base(incident.id), LIST, 200)).toEqual([])
    })

    it('sends a new address the confirmation email, and another on resend', async () => {
      const maintenance = await makeMaintenance()
      const email = address('pending')
      const created = await subscribe(maintenance.id, { email })
      expect(created.skip_confirmation_notification).toBe(false)
      const [row] = await rows('SELECT status FROM subscribers WHERE id = ?', created.id)
      expect(row).toEqual({ status: 'pending' })
      expect(await mailsTo(email)).toBe(1)
      const res = await v1('POST', `${base(maintenance.id)}/${created.id}/resend_confirmation`)
      expect(res.status).toBe(201)
      expect(await mailsTo(email)).toBe(2)
    })

    it('adds the incident to what a known address follows, and keeps it subscribed on removal', async () => {
      const api = await makeComponent()
      const incident = await makeIncident({ notify: false })
      const email = address('known')
      const known = await v1Send(
        'POST',
        `/pages/${page}/subscribers`,
        '/pages/{page_id}/subscribers',
        201,
        encoding,
        {
          subscriber: { email, skip_confirmation_notification: 'true', component_ids: [api.id] },
        },
      )
      const again = await subscribe(incident.id, { email })
      expect(again.id).toBe(known.id)
      expect(again.components).toEqual([api.id])
      expect(await follows(known.id)).toEqual([incident.id])
      // Nothing new to confirm.
      expect(await mailsTo(email)).toBe(0)
      await v1Json('DELETE', `${base(incident.id)}/${known.id}`, ONE, 200)
      const [row] = await rows('SELECT status FROM subscribers WHERE id = ?', known.id)
      expect(row).toEqual({ status: 'active' })
    })

    it('refuses unsubscribed and quarantined addresses, unknown ids and bad input, writing nothing', async () => {
      const incident = await makeIncident({ notify: false })
      const path = base(incident.id)
      // An address in `state` (set straight in D1, as the pipeline would) is refused by name.
      const refusedIn = async (name: string, set: string, reason: RegExp) => {
        const known = await subscribe(incident.id, {
          email: address(name),
          skip_confirmation_notification: 'true',
        })
        await env.DB.prepare(`UPDATE subscribers SET ${set} WHERE id = ?`).bind(known.id).run()
        const body = sent(encoding, { subscriber: { email: known.email } })
        expect(await expectRefused(422, 'POST', path, body)).toMatch(reason)
        return known
      }
      const left = await refusedIn('left', "status = 'unsubscribed'", /unsubscribed/)
      const sick = await refusedIn(
        'sick',
        "status = 'disabled', disabled_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
        /quarantined/,
      )
      await expectRefused(422, 'POST', path, sent(encoding, { subscriber: { email: 'nope' } }))
      await expectRefused(422, 'POST', path, sent(encoding, { subscriber: {} }))
      await expectRefused(
        422,
        'POST',
        path,
        sent(encoding, { subscriber: { phone_number: '202-555-0105', phone_country: 'US' } }),
      )
      const nowhere = `/pages/${page}/incidents/nosuchinc001/subscribers`
      await expectRefused(
        404,
        'POST',
        nowhere,
        sent(encoding, { subscriber: { email: address('x') } }),
      )
      await expectRefused(404, 'GET', nowhere)
      await expectRefused(404, 'GET', `${path}/nosuchsub001`)
      await expectRefused(404, 'DELETE', `${path}/nosuchsub001`)
      await expectRefused(404, 'POST', `${path}/nosuchsub001/resend_confirmation`)
      // A subscriber that does not follow this incident is not one of its subscribers.
      const other = await makeIncident({ notify: false })
      await expectRefused(404, 'GET', `${base(other.id)}/${sick.id}`)
      await expectRefused(404, 'DELETE', `${base(other.id)}/${sick.id}`)
      // Not unconfirmed: nothing to confirm.
      await expectRefused(422, 'POST', `${path}/${left.id}/resend_confirmation`)
      await expectRefused(404, 'GET', `/pages/notthispage1/incidents/${incident.id}/subscribers`)
      await expectRefused(401, 'POST', path, {
        key: null,
        ...sent(encoding, { subscriber: { email: address('anon') } }),
      })
      await expectRefused(401, 'GET', path, { key: 'not-a-token' })
      const reader = await makeToken(['read'])
      await expectRefused(403, 'GET', path, { key: reader.token })
      await expectRefused(403, 'POST', path, {
        key: reader.token,
        ...sent(encoding, { subscriber: { email: address('reader') } }),
      })
    })
  },
)

describe('incident subscribers among page subscribers (v1)', () => {
  it('are listed and counted as subscribers, following no component', async () => {
    const incident = await makeIncident({ notify: false })
    const email = address('listed')
    const before = await v1Json<Record<string, number>>(
      'GET',
      `/pages/${page}/subscribers/count`,
      '/pages/{page_id}/subscribers/count',
      200,
    )
    const res = await v1('POST', `/pages/${page}/incidents/${incident.id}/subscribers`, {
      body: { subscriber: { email, skip_confirmation_notification: 'true' } },
    })
    expect(res.status).toBe(201)
    const listed = await v1Json<{ email: string; components: string[] }[]>(
      'GET',
      `/pages/${page}/subscribers?q=${encodeURIComponent(email)}`,
      '/pages/{page_id}/subscribers',
      200,
    )
    expect(listed).toMatchObject([{ email, components: [] }])
    const after = await v1Json<Record<string, number>>(
      'GET',
      `/pages/${page}/subscribers/count`,
      '/pages/{page_id}/subscribers/count',
      200,
    )
    expect(after.email).toBe(before.email! + 1)
    expectSpecShape('GET', LIST, 200, [])
  })
})
