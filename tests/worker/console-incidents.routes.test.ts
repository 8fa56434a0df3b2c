import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { createIncident } from '../../src/domain/incidents'
import { formatUtc } from '../../src/lib/time-format'
import {
  browser,
  SAME_ORIGIN,
  signedInMember,
  withCsrf,
  type ConsoleMember as Member,
} from './console-helpers'
import {
  callJson,
  inMinutes,
  makeArea,
  makeComponent,
  makeIncident,
  rows,
  tableCounts,
} from './factories'

/** The incident screens: the list, an incident's page, and posting an update from it. */

let editor: Member
let viewer: Member

beforeAll(async () => {
  editor = await withCsrf(await signedInMember('editor'))
  viewer = await withCsrf(await signedInMember('viewer'))
})

async function page(path: string, member: Member = editor, status = 200): Promise<string> {
  const res = await browser('GET', path, { cookie: member.cookie })
  expect(res.status).toBe(status)
  return res.text()
}

function postUpdateForm(id: string, form: Record<string, string>, member: Member = editor) {
  return browser('POST', `/console/incidents/${id}/updates`, {
    cookie: member.cookie,
    headers: SAME_ORIGIN,
    form: { csrf: member.csrf, ...form },
  })
}

/** The `<select>` named `name`, and the value of its selected option. */
function selected(html: string, name: string): string | null {
  const select = new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html)
  expect(select, `a select named ${name}`).not.toBeNull()
  return /<option value="([^"]*)" selected/.exec(select![1]!)?.[1] ?? null
}

const updateCount = async (id: string) =>
  (
    await rows<{ n: number }>(
      'SELECT COUNT(*) AS n FROM incident_updates WHERE incident_id = ?',
      id,
    )
  )[0]!.n

describe('incident list', () => {
  it('shows open incidents with drafts marked, and New incident to editors only', async () => {
    const open = await makeIncident({ name: 'Payments failing' })
    const draft = await createIncident(
      { db: env.DB, actor: { id: 'intake-test', scopes: ['intake'] }, now: new Date() },
      {
        name: 'Held back by monitoring',
        status: 'investigating',
        impact: 'minor',
        body: 'Firing.',
      },
      { draft: true },
    )
    const html = await page('/console/incidents')
    expect(html).toContain(`href="/console/incidents/${open.id}">Payments failing</a>`)
    expect(html).toMatch(
      new RegExp(
        `href="/console/incidents/${draft.id}">Held back by monitoring</a><strong[^>]*> \\(draft\\)`,
      ),
    )
    expect(html).toContain('href="/console/incidents/new"')
    const seen = await page('/console/incidents', viewer)
    expect(seen).toContain(`href="/console/incidents/${open.id}"`)
    expect(seen).not.toContain('href="/console/incidents/new"')
  })
})

describe('incident page', () => {
  it('starts the update form from the current values and asks for the next update', async () => {
    const component = await makeComponent()
    const area = await makeArea()
    const eta = inMinutes(120)
    const incident = await makeIncident({
      status: 'identified',
      components: { [component.id]: 'partial_outage' },
      area_ids: [area.id],
      eta,
      next_update_at: inMinutes(30),
      progress: 40,
      workaround: 'Use the mirror at mirror.example.',
    })
    const html = await page(`/console/incidents/${incident.id}`)
    // The facts.
    expect(html).toContain(`${component.name}: Partial outage`)
    expect(html).toContain(area.name)
    expect(html).toContain(formatUtc(eta))
    expect(html).toContain('40 %')
    // The form, starting from them.
    expect(selected(html, 'status')).toBe('identified')
    expect(selected(html, `component.${component.id}`)).toBe('partial_outage')
    expect(html).toMatch(new RegExp(`name="area_ids" value="${area.id}" checked`))
    expect(selected(html, 'eta')).toBe('keep')
    expect(html).toMatch(/name="progress" type="number" value="40"/)
    expect(html).toMatch(/name="workaround"[^>]*>Use the mirror at mirror\.example\.<\/textarea>/)
    // The next update is the member's choice: nothing is chosen for them.
    expect(selected(html, 'next_update_at')).toBe('')
    expect(html).toContain('<option value="" selected="">Choose…</option>')
    expect(html).toContain('No further updates promised')
    expect(html).toMatch(/Last update less than a minute ago at \d\d:\d\d/)
    expect(html).toContain(
      `formaction="/console/incidents/${incident.id}/preview" formmethod="post">Preview</button>`,
    )
  })

  it('posting an update that moves the ETA lands on the page with both ETAs in its history', async () => {
    const firstEta = inMinutes(60)
    const incident = await makeIncident({ eta: firstEta, next_update_at: inMinutes(30) })
    const res = await postUpdateForm(incident.id, {
      status: 'identified',
      body: 'Found it: a bad deploy. Rolling back.',
      eta: '4h',
      next_update_at: '1h',
      notify: 'on',
    })
    expect(res.status).toBe(303)
    const location = res.headers.get('location')!
    expect(location).toBe(`/console/incidents/${incident.id}?done=updated`)

    const stored = await callJson('GET', `/api/v1/incidents/${incident.id}`)
    expect(stored.status).toBe('identified')
    expect(stored.eta_history).toHaveLength(2)
    const secondEta = stored.eta_history[1].eta as string
    expect(Date.parse(secondEta) - Date.parse(firstEta)).toBeGreaterThan(170 * 60_000)
    expect(
      await rows(
        "SELECT actor FROM audit_log WHERE target_id = ? AND action LIKE '%update%' ORDER BY id DESC LIMIT 1",
        incident.id,
      ),
    ).toEqual([{ actor: editor.email }])

    const html = await page(location)
    expect(html).toContain('Update posted.')
    const history = html.slice(html.indexOf('id="eta-history"'), html.indexOf('id="post-update"'))
    const first = history.indexOf(`ETA set to <time datetime="${stored.eta_history[0].eta}"`)
    const second = history.indexOf(`ETA moved to <time datetime="${secondEta}"`)
    expect(first).toBeGreaterThan(0)
    expect(second).toBeGreaterThan(first)
    expect(html).toContain('Found it: a bad deploy. Rolling back.')
  })

  it('refuses an update without a next-update choice: 400, the error beside it, typed kept, nothing written', async () => {
    const incident = await makeIncident({ next_update_at: inMinutes(30) })
    const updates = await updateCount(incident.id)
    const before = await tableCounts()
    const res = await postUpdateForm(incident.id, {
      status: 'monitoring',
      body: 'A fix is out; watching.',
      eta: 'keep',
      next_update_at: '',
      workaround: 'Retry once.',
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toMatch(
      /id="update-next_update_at-error">Say when the next update will come, or choose “No further updates promised”\./,
    )
    expect(html).toContain('>A fix is out; watching.</textarea>')
    expect(html).toContain('>Retry once.</textarea>')
    expect(selected(html, 'status')).toBe('monitoring')
    expect(await updateCount(incident.id)).toBe(updates)
    expect(await tableCounts()).toEqual(before)
  })

  it('"No further updates promised" is an answer: it posts and clears the promise', async () => {
    const incident = await makeIncident({ next_update_at: inMinutes(30) })
    const res = await postUpdateForm(incident.id, {
      status: 'monitoring',
      body: 'Fixed; we are watching, no more updates unless it returns.',
      eta: 'keep',
      next_update_at: 'none',
    })
    expect(res.status).toBe(303)
    const stored = await callJson('GET', `/api/v1/incidents/${incident.id}`)
    expect(stored.next_update_at).toBeNull()
    expect(await updateCount(incident.id)).toBe(2)
  })

  it('publishes a draft from its page', async () => {
    const draft = await createIncident(
      { db: env.DB, actor: { id: 'intake-test', scopes: ['intake'] }, now: new Date() },
      { name: 'Draft on its page', status: 'investigating', impact: 'minor', body: 'Firing.' },
      { draft: true },
    )
    const html = await page(`/console/incidents/${draft.id}`)
    expect(html).toContain('draft, not published')
    expect(html).toContain(`action="/console/incidents/${draft.id}/publish"`)
    const res = await browser('POST', `/console/incidents/${draft.id}/publish`, {
      cookie: editor.cookie,
      headers: SAME_ORIGIN,
      form: { csrf: editor.csrf, back: 'incident' },
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/console/incidents/${draft.id}?done=published`)
    expect((await callJson('GET', `/api/v1/incidents/${draft.id}`)).draft).toBe(false)

    // A second click (another tab) does nothing and says so.
    const before = await tableCounts()
    const again = await browser('POST', `/console/incidents/${draft.id}/publish`, {
      cookie: editor.cookie,
      headers: SAME_ORIGIN,
      form: { csrf: editor.csrf, back: 'now' },
    })
    expect(again.status).toBe(409)
    expect(await again.text()).toContain('Nothing done: This incident is already published.')
    expect(await tableCounts()).toEqual(before)
  })

  it('a viewer sees the incident but no form, and a forged update is refused', async () => {
    const incident = await makeIncident({ next_update_at: inMinutes(30) })
    const html = await page(`/console/incidents/${incident.id}`, viewer)
    expect(html).toContain(incident.name)
    expect(html).toContain('id="eta-history"')
    expect(html).not.toContain('Post an update')
    expect(html).not.toContain('action="/console/incidents/')
    const before = await tableCounts()
    const res = await postUpdateForm(
      incident.id,
      { status: 'resolved', body: 'Not mine to say.', eta: 'keep', next_update_at: 'none' },
      viewer,
    )
    expect(res.status).toBe(403)
    expect(await tableCounts()).toEqual(before)
    expect(await updateCount(incident.id)).toBe(1)
  })

  it('an unknown incident is a 404', async () => {
    await page('/console/incidents/nosuchincident', editor, 404)
  })
})
