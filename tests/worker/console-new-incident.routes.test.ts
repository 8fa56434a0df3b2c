import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  browser,
  SAME_ORIGIN,
  signedInMember,
  withCsrf,
  type ConsoleMember as Member,
} from './console-helpers'
import { callJson, makeArea, makeComponent, tableCounts } from './factories'
import { getPage } from './subscriptions-helpers'

let editor: Member
let viewer: Member

async function post(member: Member, path: string, form: Record<string, string>) {
  return browser('POST', path, {
    cookie: member.cookie,
    headers: SAME_ORIGIN,
    form: { csrf: member.csrf, ...form },
  })
}

function incidentIdOf(res: Response): string {
  expect(res.status).toBe(303)
  const match = /^\/console\/incidents\/([^/?]+)(\?|$)/.exec(res.headers.get('location') ?? '')
  expect(match, res.headers.get('location') ?? 'no location').not.toBeNull()
  return decodeURIComponent(match![1]!)
}

async function auditActor(incidentId: string): Promise<string | undefined> {
  const row = await env.DB.prepare(
    "SELECT actor FROM audit_log WHERE action = 'incident.create' AND target_id = ?",
  )
    .bind(incidentId)
    .first<{ actor: string }>()
  return row?.actor
}

beforeAll(async () => {
  editor = await withCsrf(await signedInMember('editor'))
  viewer = await withCsrf(await signedInMember('viewer'))
})

describe('new incident in the console', () => {
  it('prefills every field from a template, and opening it creates what the template says', async () => {
    const fibre = await makeComponent({ name: `Fibre ${crypto.randomUUID().slice(0, 6)}` })
    const phone = await makeComponent({ name: `Phone ${crypto.randomUUID().slice(0, 6)}` })
    const area = await makeArea(`North ${crypto.randomUUID().slice(0, 6)}`)
    const template = await callJson('POST', '/api/v1/templates', {
      body: {
        kind: 'incident',
        name: `Cable cut ${crypto.randomUUID().slice(0, 6)}`,
        title: '{{component}} down in {{area}}',
        status: 'identified',
        impact: 'major',
        body: 'A cable was cut; {{component}} is down in {{area}}.',
        components: { [fibre.id]: 'major_outage', [phone.id]: 'degraded_performance' },
        area_ids: [area.id],
        workaround: 'Use mobile data.',
      },
    })

    const page = await browser('GET', `/console/incidents/new?template=${template.id}`, {
      cookie: editor.cookie,
    })
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('value="{{component}} down in {{area}}"')
    expect(html).toContain('<option value="identified" selected="">Identified</option>')
    expect(html).toContain('<option value="major" selected="">Major</option>')
    expect(html).toMatch(
      new RegExp(
        `name="component\\.${fibre.id}"[\\s\\S]*?<option value="major_outage" selected=""`,
      ),
    )
    expect(html).toMatch(new RegExp(`value="${area.id}" checked=""`))
    expect(html).toContain('Use mobile data.</textarea>')
    expect(html).toMatch(/id="new-incident-notify"[^>]*checked=""/)
    expect(html).toContain('formaction="/console/incidents/preview"')

    const res = await post(editor, '/console/incidents', {
      template: template.id,
      name: '{{component}} down in {{area}}',
      status: 'identified',
      impact: 'major',
      body: 'A cable was cut; {{component}} is down in {{area}}.',
      [`component.${fibre.id}`]: 'major_outage',
      [`component.${phone.id}`]: 'degraded_performance',
      area_ids: area.id,
      eta: 'none',
      next_update_at: '1h',
      workaround: 'Use mobile data.',
      notify: 'on',
    })
    const id = incidentIdOf(res)
    const incident = await callJson('GET', `/api/v1/incidents/${id}`)
    const names = [fibre.name, phone.name].sort((a, b) =>
      a.localeCompare(b, undefined, { sensitivity: 'base' }),
    )
    expect(incident.name).toBe(`${names.join(' and ')} down in ${area.name}`)
    expect(incident.status).toBe('identified')
    expect(incident.impact).toBe('major')
    expect(incident.draft).toBe(false)
    expect(incident.workaround).toBe('Use mobile data.')
    expect(incident.areas.map((a: { id: string }) => a.id)).toEqual([area.id])
    const statuses = Object.fromEntries(
      incident.components.map((c: { id: string; status: string }) => [c.id, c.status]),
    )
    expect(statuses).toEqual({ [fibre.id]: 'major_outage', [phone.id]: 'degraded_performance' })
    expect(incident.incident_updates[0].body).toContain(`is down in ${area.name}.`)
    expect(Date.parse(incident.next_update_at) - Date.now()).toBeGreaterThan(55 * 60_000)
    expect(await auditActor(id)).toBe(editor.email)
  })

  it('keeps a draft off the public page', async () => {
    const name = `Quiet draft ${crypto.randomUUID().slice(0, 6)}`
    const id = incidentIdOf(
      await post(editor, '/console/incidents', {
        name,
        status: 'investigating',
        impact: 'minor',
        body: 'Checking an alert.',
        eta: 'none',
        next_update_at: '30m',
        notify: 'on',
        draft: 'on',
      }),
    )
    expect((await callJson('GET', `/api/v1/incidents/${id}`)).draft).toBe(true)
    const shown = `Loud one ${crypto.randomUUID().slice(0, 6)}`
    incidentIdOf(
      await post(editor, '/console/incidents', {
        name: shown,
        status: 'investigating',
        impact: 'minor',
        body: 'Looking into it.',
        eta: 'none',
        next_update_at: '30m',
      }),
    )
    const home = await getPage('/')
    expect(home.status).toBe(200)
    // The public page is rebuilt after a console write: the published one is there, the draft not.
    expect(home.html).toContain(shown)
    expect(home.html).not.toContain(name)
    expect(await auditActor(id)).toBe(editor.email)
  })

  it('announces in advance with an expected start', async () => {
    const id = incidentIdOf(
      await post(editor, '/console/incidents', {
        name: `Cable swap ${crypto.randomUUID().slice(0, 6)}`,
        status: 'identified',
        impact: 'minor',
        body: 'Loss of service expected while the cable is replaced.',
        eta: 'none',
        next_update_at: '4h',
        expected_start: '2031-03-04T09:00',
        notify: 'on',
      }),
    )
    const incident = await callJson('GET', `/api/v1/incidents/${id}`)
    expect(incident.upcoming).toBe(true)
    expect(incident.expected_start).toBe('2031-03-04T09:00:00.000Z')
  })

  it('refuses a bad form with errors beside the fields, keeps what was typed, writes nothing', async () => {
    const before = await tableCounts()
    const res = await post(editor, '/console/incidents', {
      name: '',
      status: 'investigating',
      impact: 'minor',
      body: 'Typed text stays <here>',
      eta: 'exact',
      eta_exact: 'not a time',
      next_update_at: '30m',
      progress: 'lots',
      notify: 'on',
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toMatch(/id="new-incident-name-error"/)
    expect(html).toMatch(/id="new-incident-eta-error"[^>]*>Give a date and time/)
    expect(html).toMatch(/id="new-incident-progress-error"[^>]*>Give a whole number/)
    expect(html).toContain('Typed text stays &lt;here&gt;</textarea>')
    expect(html).toContain('value="lots"')
    expect(await tableCounts()).toEqual(before)
  })

  it('refuses a placeholder with nothing to fill it, writing nothing', async () => {
    const before = await tableCounts()
    const res = await post(editor, '/console/incidents', {
      name: 'Slow pages',
      status: 'investigating',
      impact: 'minor',
      body: 'Fixed by {{eta}}.',
      eta: 'none',
      next_update_at: '30m',
      notify: 'on',
    })
    expect(res.status).toBe(400)
    expect(await res.text()).toMatch(/id="new-incident-body-error"[^>]*>This uses \{\{eta\}\}/)
    expect(await tableCounts()).toEqual(before)
  })

  it('is for editors: a viewer gets no form', async () => {
    const res = await browser('GET', '/console/incidents/new', { cookie: viewer.cookie })
    expect(res.status).toBe(403)
    const html = await res.text()
    expect(html).toContain('Your role does not allow this')
    expect(html).not.toContain('action="/console/incidents"')
    const before = await tableCounts()
    const forged = await post(viewer, '/console/incidents', {
      name: 'Forged',
      status: 'investigating',
      impact: 'minor',
      body: 'x',
      next_update_at: '30m',
    })
    expect(forged.status).toBe(403)
    expect(await tableCounts()).toEqual(before)
  })
})
