import { exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import {
  call,
  callJson,
  inMinutes,
  makeComponent,
  makeIncident,
  postUpdate,
  rows,
} from './factories'
import { mailTo } from './harness'
import { deliveriesOf, makeEmailSubscriber, waitFor } from './pipeline-helpers'

/** Email notices end to end: the queues, the real SMTP server, the links in the mail. */

const address = (label: string) => `${label}-${crypto.randomUUID().slice(0, 8)}@example.net`

/** A form POST to a link the worker issued, as a browser or mail client sends it. */
async function postLink(url: string, form = ''): Promise<Response> {
  return exports.default.fetch(
    new Request(`http://candor.test${new URL(url).pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    }),
  )
}

function linkIn(text: string, purpose: string): string {
  const match = new RegExp(`https?://\\S+/subscriptions/${purpose}/\\S+`).exec(text)
  if (!match) throw new Error(`no ${purpose} link in: ${text}`)
  return match[0]
}

describe('email deliveries', () => {
  it('subscribe, confirm, get the incident by email once, then leave in one click', async () => {
    const to = address('reader')
    const component = await makeComponent()
    const res = await call('POST', '/api/v1/subscriptions', {
      body: { email: to, component_ids: [component.id] },
      token: null,
    })
    expect(res.status).toBe(202)
    const [confirmation] = await waitFor(
      () => mailTo(to),
      (m) => m.length === 1,
    )
    expect((await postLink(linkIn(confirmation!.text, 'confirm'))).status).toBe(200)

    const incident = await makeIncident({
      name: 'Broadband outage in M14',
      impact: 'major',
      components: { [component.id]: 'major_outage' },
      eta: inMinutes(120),
      next_update_at: inMinutes(30),
      workaround: 'Use mobile data.',
    })
    const mail = await waitFor(
      () => mailTo(to),
      (m) => m.length === 2,
      15_000,
      'the notice',
    )
    const notice = mail[1]!
    expect(notice.subject).toContain('Broadband outage in M14')
    expect(notice.text).toContain('Use mobile data.')
    expect(notice.text).toContain(`http://candor.test/incidents/${incident.id}`)
    expect(notice.html).toContain('Broadband outage in M14')
    expect(notice.headers['auto-submitted']).toBe('auto-generated')
    expect(notice.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click')
    const unsubscribe = linkIn(notice.text, 'unsubscribe')
    expect(notice.headers['list-unsubscribe']).toBe(`<${unsubscribe}>`)
    // The manage link works.
    const manage = await exports.default.fetch(
      new Request(`http://candor.test${new URL(linkIn(notice.text, 'manage')).pathname}`),
    )
    expect(manage.status).toBe(200)

    // One click (RFC 8058), then the next update reaches no one.
    expect((await postLink(unsubscribe, 'List-Unsubscribe=One-Click')).status).toBe(200)
    await postUpdate(incident.id, { status: 'identified' })
    const [event] = await rows<{ id: string }>(
      `SELECT id FROM outbox WHERE incident_id = ? ORDER BY created_at DESC LIMIT 1`,
      incident.id,
    )
    await waitFor(
      () => rows('SELECT dispatched_at FROM outbox WHERE id = ?', event!.id),
      ([r]) => r?.dispatched_at !== null,
    )
    await new Promise((r) => setTimeout(r, 1500))
    expect(await mailTo(to)).toHaveLength(2)
  }, 40_000)

  it('a batch of subscribers: one mail each, each with its own unsubscribe link', async () => {
    const component = await makeComponent()
    const people = [address('a'), address('b'), address('c')]
    const ids = []
    for (const person of people) {
      ids.push(await makeEmailSubscriber(person, { componentIds: [component.id] }))
    }
    const elsewhere = address('elsewhere')
    await makeEmailSubscriber(elsewhere, { componentIds: [(await makeComponent()).id] })
    const incident = await makeIncident({ components: { [component.id]: 'partial_outage' } })

    for (const id of ids) {
      await waitFor(
        () => deliveriesOf(id),
        (d) => d[0]?.status === 'sent',
        15_000,
        'mail',
      )
    }
    await new Promise((r) => setTimeout(r, 1500))
    const links = []
    for (const person of people) {
      const mail = await mailTo(person)
      expect(mail).toHaveLength(1)
      expect(mail[0]!.text).toContain(incident.name)
      links.push(mail[0]!.headers['list-unsubscribe'])
    }
    expect(new Set(links).size).toBe(3)
    expect(await mailTo(elsewhere)).toEqual([])
    const counts = await callJson('GET', `/api/v1/incidents/${incident.id}/deliveries`)
    expect(counts.by_channel.email.sent).toBeGreaterThanOrEqual(3)
  }, 40_000)
})
