import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { placeholderTime } from '../../src/domain/template-placeholders'
import { browser, csrfOf, SAME_ORIGIN, signedInMember } from './console-helpers'
import { callJson, makeArea, makeComponent, makeIncident, tableCounts } from './factories'
import {
  confirmedSubscriber,
  subscribeApi,
  subscriptionCounts,
  uniqueEmail,
} from './subscriptions-helpers'

type Member = Awaited<ReturnType<typeof signedInMember>> & { csrf: string }

let editor: Member

async function post(path: string, form: Record<string, string>) {
  return browser('POST', path, {
    cookie: editor.cookie,
    headers: SAME_ORIGIN,
    form: { csrf: editor.csrf, ...form },
  })
}

/** Everything a preview could write: incidents, outbox, audit, subscribers, link tokens. */
async function everything() {
  const deliveries = await env.DB.prepare('SELECT COUNT(*) AS n FROM deliveries').first<{
    n: number
  }>()
  return { ...(await tableCounts()), ...(await subscriptionCounts()), deliveries: deliveries!.n }
}

function reachOf(html: string): number {
  const match = /class="preview-reach">(\d+) subscribers?</.exec(html)
  expect(match, 'the number of subscribers told').not.toBeNull()
  return Number(match![1])
}

const unescape = (html: string) =>
  html
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&')

beforeAll(async () => {
  const member = await signedInMember('editor')
  const page = await browser('GET', '/console/account', { cookie: member.cookie })
  editor = { ...member, csrf: csrfOf(await page.text()) }
})

describe('preview', () => {
  it('shows the card, email and chat message with the filled values and who will be told; writes nothing', async () => {
    const fibre = await makeComponent({ name: `Fibre ${crypto.randomUUID().slice(0, 6)}` })
    const other = await makeComponent({ name: `Other ${crypto.randomUUID().slice(0, 6)}` })
    const area = await makeArea(`Leeds ${crypto.randomUUID().slice(0, 6)}`)
    const { time_zone: timeZone } = await callJson('GET', '/api/v1/page')
    const name = `Broadband cut ${crypto.randomUUID().slice(0, 6)}`
    const form = {
      name: `${name} in {{area}}`,
      status: 'identified',
      impact: 'major',
      body: '{{component}} is down; fixed by {{eta}}.',
      [`component.${fibre.id}`]: 'major_outage',
      area_ids: area.id,
      eta: 'exact',
      eta_exact: '2031-03-04T18:00',
      next_update_at: '1h',
      notify: 'on',
    }

    const baseline = reachOf(await (await post('/console/incidents/preview', form)).text())
    await confirmedSubscriber({ email: uniqueEmail('fibre'), component_ids: [fibre.id] })
    await confirmedSubscriber({ email: uniqueEmail('fibre'), component_ids: [fibre.id] })
    await confirmedSubscriber({ email: uniqueEmail('other'), component_ids: [other.id] })
    // Not confirmed: not told.
    expect(
      (await subscribeApi({ email: uniqueEmail('pending'), component_ids: [fibre.id] })).status,
    ).toBe(202)

    const before = await everything()
    const res = await post('/console/incidents/preview', form)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(await everything()).toEqual(before)
    expect(reachOf(html)).toBe(baseline + 2)

    const text = unescape(html)
    const eta = placeholderTime('2031-03-04T18:00:00Z', timeZone)
    // The public card.
    expect(text).toContain(`${name} in ${area.name}</a></h3>`)
    expect(text).toContain(`${fibre.name} is down; fixed by ${eta}.`)
    // The email: subject and text part.
    expect(text).toMatch(new RegExp(`class="preview-subject">[^<]*${name} in ${area.name}`))
    expect(text).toMatch(/class="preview-subject">\[Major outage\]/)
    expect(text).toMatch(
      new RegExp(`<pre class="preview-text">[^<]*${fibre.name} is down; fixed by ${eta}`),
    )
    // The chat message.
    expect(text).toMatch(new RegExp(`class="preview-chat-text">${name} in ${area.name} — `))
    // The same fields go on, hidden, to Publish and Back to edit.
    expect(html).toContain('<form method="post" action="/console/incidents"')
    expect(html).toContain('formaction="/console/incidents/new"')
    expect(text).toContain(
      `<input type="hidden" name="body" value="{{component}} is down; fixed by {{eta}}."`,
    )
    expect(html).toContain(`<input type="hidden" name="component.${fibre.id}" value="major_outage"`)

    const back = await post('/console/incidents/new', form)
    expect(back.status).toBe(200)
    expect(unescape(await back.text())).toContain(`value="${name} in {{area}}"`)

    const published = await post('/console/incidents', form)
    expect(published.status).toBe(303)
    const id = /\/console\/incidents\/([^/?]+)/.exec(published.headers.get('location')!)![1]!
    const incident = await callJson('GET', `/api/v1/incidents/${id}`)
    expect(incident.name).toBe(`${name} in ${area.name}`)
    expect(incident.incident_updates[0].body).toBe(`${fibre.name} is down; fixed by ${eta}.`)
  })

  it('says nobody is told for a draft', async () => {
    const before = await everything()
    const res = await post('/console/incidents/preview', {
      name: 'Draft preview',
      status: 'investigating',
      impact: 'minor',
      body: 'Looking.',
      eta: 'none',
      next_update_at: '30m',
      notify: 'on',
      draft: 'on',
    })
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('Nobody will be told: it is posted as a draft')
    expect(html).not.toContain('class="preview-reach"')
    expect(await everything()).toEqual(before)
  })

  it('sends a bad form back to the new-incident form with errors, writing nothing', async () => {
    const before = await everything()
    const res = await post('/console/incidents/preview', {
      name: 'Bad',
      status: 'investigating',
      impact: 'minor',
      body: '',
      next_update_at: '30m',
    })
    expect(res.status).toBe(400)
    expect(await res.text()).toMatch(/id="new-incident-body-error"/)
    expect(await everything()).toEqual(before)
  })

  it('previews an update to an incident with what it would send, writing nothing', async () => {
    const component = await makeComponent({ name: `Mail ${crypto.randomUUID().slice(0, 6)}` })
    const incident = await makeIncident({ components: { [component.id]: 'partial_outage' } })
    const { time_zone: timeZone } = await callJson('GET', '/api/v1/page')
    await confirmedSubscriber({ email: uniqueEmail('mail'), component_ids: [component.id] })
    const before = await everything()
    const res = await post(`/console/incidents/${incident.id}/preview`, {
      status: 'monitoring',
      body: 'A fix for {{component}} is out; next update {{next_update}}.',
      eta: 'keep',
      next_update_at: 'exact',
      next_update_at_exact: '2031-05-06T10:30',
      notify: 'on',
    })
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(await everything()).toEqual(before)
    const filled = `A fix for ${component.name} is out; next update ${placeholderTime('2031-05-06T10:30:00Z', timeZone)}.`
    expect(unescape(html)).toContain(filled)
    expect(reachOf(html)).toBeGreaterThanOrEqual(1)
    expect(html).toContain(`action="/console/incidents/${incident.id}/updates"`)
    expect(html).toContain(`formaction="/console/incidents/${incident.id}/preview?back"`)

    const back = await post(`/console/incidents/${incident.id}/preview?back`, {
      status: 'monitoring',
      body: 'Typed update',
      next_update_at: '1h',
    })
    expect(back.status).toBe(200)
    expect(await back.text()).toContain('Typed update</textarea>')
    expect(await everything()).toEqual(before)
  })
})
