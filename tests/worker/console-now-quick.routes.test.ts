import { beforeAll, describe, expect, it } from 'vitest'
import {
  browser,
  SAME_ORIGIN,
  signedInMember,
  withCsrf,
  type ConsoleMember as Member,
} from './console-helpers'
import { callJson, inMinutes, makeComponent, makeIncident, rows } from './factories'

/**
 * The Now page's shortcuts: a new incident from a template in one click, and an update posted
 * from the page itself, which keeps everything the member did not touch.
 */

let editor: Member
let viewer: Member

beforeAll(async () => {
  editor = await withCsrf(await signedInMember('editor'))
  viewer = await withCsrf(await signedInMember('viewer'))
})

async function nowHtml(member: Member): Promise<string> {
  const res = await browser('GET', '/console', { cookie: member.cookie })
  expect(res.status).toBe(200)
  return res.text()
}

/** The fields of the form posting to `action` on a page: name → values, as a browser sends. */
function formFields(html: string, action: string): [string, string][] {
  const start = html.indexOf(`action="${action}"`)
  expect(start, `a form posting to ${action}`).toBeGreaterThan(-1)
  const form = html.slice(start, html.indexOf('</form>', start))
  const fields: [string, string][] = []
  for (const m of form.matchAll(/<input([^>]*)>/g)) {
    const attrs = m[1]!
    const name = /name="([^"]*)"/.exec(attrs)?.[1]
    if (!name) continue
    const type = /type="([^"]*)"/.exec(attrs)?.[1] ?? 'text'
    if (type === 'checkbox' && !/\schecked(=""|\s|$)/.test(attrs)) continue
    fields.push([name, (/value="([^"]*)"/.exec(attrs)?.[1] ?? '').replace(/&amp;/g, '&')])
  }
  for (const m of form.matchAll(/<select[^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const chosen = /<option value="([^"]*)" selected/.exec(m[2]!)?.[1] ?? ''
    fields.push([m[1]!, chosen])
  }
  for (const m of form.matchAll(/<textarea[^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/textarea>/g)) {
    fields.push([m[1]!, m[2]!])
  }
  return fields
}

describe('the Now page for editors', () => {
  it('opens an incident from a template in one click: a link to the prefilled form', async () => {
    const template = await callJson<{ id: string }>('POST', '/api/v1/templates', {
      body: {
        kind: 'incident',
        name: 'Quick pick template',
        title: 'Logins are slow',
        status: 'investigating',
        impact: 'minor',
        body: 'We are looking into slow logins.',
      },
    })
    const html = await nowHtml(editor)
    const href = `/console/incidents/new?template=${template.id}`
    expect(html).toContain(`href="${href}"`)
    expect(html).toContain('New from “Quick pick template”')
    const form = await (await browser('GET', href, { cookie: editor.cookie })).text()
    expect(form).toContain('value="Logins are slow"')
  })

  it('posts an update from the page itself, keeping what was not touched', async () => {
    const component = await makeComponent({ name: 'Quick API' })
    const incident = await makeIncident({
      name: 'Quick update incident',
      components: { [component.id]: 'partial_outage' },
      eta: inMinutes(120),
      next_update_at: inMinutes(20),
      progress: 40,
      workaround: 'Use the mirror.',
    })
    const html = await nowHtml(editor)
    const action = `/console/incidents/${incident.id}/updates`
    expect(html).toContain('Post an update to Quick update incident')
    const fields = new Map<string, string[]>()
    for (const [name, value] of formFields(html, action)) {
      fields.set(name, [...(fields.get(name) ?? []), value])
    }
    // The next update must be chosen: the quick form starts with none.
    expect(fields.get('next_update_at')).toEqual([''])
    const body = new URLSearchParams()
    for (const [name, values] of fields) for (const v of values) body.append(name, v)
    body.set('body', 'Still on it; the mirror works.')
    body.set('next_update_at', '1h')

    const before = await rows('SELECT id FROM incident_updates WHERE incident_id = ?', incident.id)
    const res = await browser('POST', action, {
      cookie: editor.cookie,
      headers: SAME_ORIGIN,
      form: body,
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toContain(`/console/incidents/${incident.id}`)
    const after = await rows('SELECT id FROM incident_updates WHERE incident_id = ?', incident.id)
    expect(after.length).toBe(before.length + 1)

    const now = await callJson<Record<string, unknown>>('GET', `/api/v1/incidents/${incident.id}`)
    expect(now).toMatchObject({
      progress: 40,
      workaround: 'Use the mirror.',
      eta: new Date(incident.eta as string).toISOString(),
    })
    const components = now.components as { id: string; status: string }[]
    expect(components.find((c) => c.id === component.id)?.status).toBe('partial_outage')
    const nextAt = Date.parse(now.next_update_at as string)
    expect(nextAt - Date.now()).toBeGreaterThan(55 * 60_000)
    expect(nextAt - Date.now()).toBeLessThan(61 * 60_000)
  })

  it('a viewer sees neither the shortcuts nor the update forms', async () => {
    await makeIncident({ name: 'Viewer sees this', next_update_at: inMinutes(30) })
    const html = await nowHtml(viewer)
    expect(html).toContain('Viewer sees this')
    expect(html).not.toContain('/console/incidents/new')
    expect(html).not.toContain('Post an update to')
    expect(html).not.toContain('method="post" action="/console/incidents/')
  })
})
