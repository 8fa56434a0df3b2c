import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { selectOutboxRow } from '../../src/db/outbox-fanout'
import { placeholderTime } from '../../src/domain/template-placeholders'
import { renderEventEmail } from '../../src/notify/email/email-render'
import { buildEventMessage } from '../../src/notify/event-message'
import {
  browser,
  SAME_ORIGIN,
  signedInMember,
  withCsrf,
  type ConsoleMember as Member,
} from './console-helpers'
import { callJson, makeArea, makeComponent, makeIncident, rows, tableCounts } from './factories'

/** The incident page's update templates, the update's placeholders, and clearing progress. */

let editor: Member
let viewer: Member

beforeAll(async () => {
  editor = await withCsrf(await signedInMember('editor'))
  viewer = await withCsrf(await signedInMember('viewer'))
})

function post(path: string, form: Record<string, string>) {
  return browser('POST', path, {
    cookie: editor.cookie,
    headers: SAME_ORIGIN,
    form: { csrf: editor.csrf, ...form },
  })
}

const unescape = (html: string) =>
  html
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&')

/** The `<select>` named `name`, and the value of its selected option. */
function selected(html: string, name: string): string | null {
  const select = new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html)
  expect(select, `a select named ${name}`).not.toBeNull()
  return /<option value="([^"]*)" selected/.exec(select![1]!)?.[1] ?? null
}

function checkedAreas(html: string): string[] {
  return [...html.matchAll(/<input[^>]*name="area_ids" value="([^"]+)"([^>]*)>/g)]
    .filter((m) => /checked/.test(m[2]!))
    .map((m) => m[1]!)
}

/** The preview page's email subject and text, as shown. */
function previewEmail(html: string): { subject: string; text: string } {
  const subject = /<dd class="preview-subject">([^<]*)<\/dd>/.exec(html)
  const text = /<pre class="preview-text">([^<]*)<\/pre>/.exec(html)
  expect(subject, 'the preview email subject').not.toBeNull()
  expect(text, 'the preview email text').not.toBeNull()
  return { subject: unescape(subject![1]!), text: unescape(text![1]!) }
}

/** The email the update's outbox event renders, with the preview's stand-in links. */
async function publishedEmail(incidentId: string, updateId: string) {
  const [outbox] = await rows<{ id: string }>(
    'SELECT id FROM outbox WHERE incident_id = ? AND update_id = ?',
    incidentId,
    updateId,
  )
  expect(outbox, 'an outbox event for the update').toBeTruthy()
  const message = await buildEventMessage(env.DB, (await selectOutboxRow(env.DB, outbox!.id))!, env)
  const own = '(each subscriber’s own link)'
  return renderEventEmail(message!, {
    incident: message!.incident!.shortlink,
    manage: own,
    unsubscribe: own,
  })
}

async function updateTemplate(fields: Record<string, unknown>) {
  return callJson('POST', '/api/v1/templates', {
    body: { kind: 'update', name: `Fix out ${crypto.randomUUID().slice(0, 6)}`, ...fields },
  })
}

/** An incident with a component, an area, progress and a workaround; an update template. */
async function setUp() {
  const mail = await makeComponent({ name: `Mail ${crypto.randomUUID().slice(0, 6)}` })
  const other = await makeComponent({ name: `Chat ${crypto.randomUUID().slice(0, 6)}` })
  const leeds = await makeArea(`Leeds ${crypto.randomUUID().slice(0, 6)}`)
  const york = await makeArea(`York ${crypto.randomUUID().slice(0, 6)}`)
  const incident = await makeIncident({
    components: { [mail.id]: 'partial_outage', [other.id]: 'degraded_performance' },
    area_ids: [leeds.id],
    progress: 40,
    workaround: 'Use webmail.',
  })
  const template = await updateTemplate({
    status: 'monitoring',
    body: 'A fix for {{component}} in {{area}} is out; next update {{next_update}}.',
    components: { [mail.id]: 'degraded_performance' },
    area_ids: [york.id],
    workaround: 'Retry in a minute.',
  })
  return { mail, other, leeds, york, incident, template }
}

describe('update templates on the incident page', () => {
  it('picking an update template fills the update form on top of the incident as it stands', async () => {
    const { mail, other, leeds, york, incident, template } = await setUp()
    const plain = await browser('GET', `/console/incidents/${incident.id}`, {
      cookie: editor.cookie,
    })
    const plainHtml = await plain.text()
    // The picker lists update templates only, as a GET form of its own.
    expect(plainHtml).toContain(
      `<form method="get" action="/console/incidents/${incident.id}" class="template-picker"`,
    )
    expect(plainHtml).toContain(`<option value="${template.id}">${template.name}</option>`)

    const res = await browser('GET', `/console/incidents/${incident.id}?template=${template.id}`, {
      cookie: editor.cookie,
    })
    expect(res.status).toBe(200)
    const html = unescape(await res.text())
    expect(html).toContain(`Update form filled in from the template “${template.name}”.`)
    expect(selected(html, 'template')).toBe(template.id)
    expect(selected(html, 'status')).toBe('monitoring')
    expect(html).toContain(
      '>A fix for {{component}} in {{area}} is out; next update {{next_update}}.</textarea>',
    )
    // The template's component status; the component it does not name keeps the incident's.
    expect(selected(html, `component.${mail.id}`)).toBe('degraded_performance')
    expect(selected(html, `component.${other.id}`)).toBe('degraded_performance')
    expect(checkedAreas(html).sort()).toEqual([leeds.id, york.id].sort())
    expect(html).toMatch(/name="progress" type="number" value="40"/)
    expect(html).toContain('>Retry in a minute.</textarea>')
    expect(html).toContain(`<input type="hidden" name="template" value="${template.id}"`)
    // The ETA is kept and the next update still left for the member to choose.
    expect(selected(html, 'eta')).toBe('keep')
    expect(selected(html, 'next_update_at')).toBe('')
  })

  it('posting it publishes the filled text, the same the preview showed', async () => {
    const { mail, other, leeds, york, incident, template } = await setUp()
    const { time_zone: timeZone } = await callJson('GET', '/api/v1/page')
    const form = {
      template: template.id,
      status: 'monitoring',
      body: 'A fix for {{component}} in {{area}} is out; next update {{next_update}}.',
      [`component.${mail.id}`]: 'degraded_performance',
      [`component.${other.id}`]: 'degraded_performance',
      area_ids: york.id,
      eta: 'keep',
      next_update_at: 'exact',
      next_update_at_exact: '2031-05-06T10:30',
      progress: '40',
      workaround: 'Retry in a minute.',
      notify: 'on',
    }
    const filled =
      `A fix for ${mail.name} and ${other.name} in ${leeds.name} and ${york.name} is out; ` +
      `next update ${placeholderTime('2031-05-06T10:30:00Z', timeZone)}.`

    const preview = await post(`/console/incidents/${incident.id}/preview`, form)
    expect(preview.status).toBe(200)
    const previewHtml = await preview.text()
    const shown = previewEmail(previewHtml)
    expect(shown.text).toContain(filled)

    const res = await post(`/console/incidents/${incident.id}/updates`, form)
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/console/incidents/${incident.id}?done=updated`)
    const after = await callJson('GET', `/api/v1/incidents/${incident.id}`)
    const update = after.incident_updates[0]
    expect(update.body).toBe(filled)
    expect(after.status).toBe('monitoring')
    expect(after.workaround).toBe('Retry in a minute.')
    // Areas are only added: the unticked Leeds stays, York is added.
    expect(after.areas.map((a: { id: string }) => a.id).sort()).toEqual([leeds.id, york.id].sort())

    const sent = await publishedEmail(incident.id, update.id)
    expect(sent.subject).toBe(shown.subject)
    expect(sent.text).toBe(shown.text)
  })

  it('an update posted with a placeholder nothing fills comes back 400 and writes nothing', async () => {
    const { incident } = await setUp()
    const before = await tableCounts()
    const res = await post(`/console/incidents/${incident.id}/updates`, {
      status: 'identified',
      body: 'Fixed by {{eta}}.',
      eta: 'none',
      next_update_at: '1h',
      progress: '40',
    })
    expect(res.status).toBe(400)
    const html = unescape(await res.text())
    expect(html).toMatch(/id="update-body-error"[^>]*>This uses \{\{eta\}\}: choose an ETA\./)
    expect(html).toContain('>Fixed by {{eta}}.</textarea>')
    expect(await tableCounts()).toEqual(before)
  })

  it('an emptied Progress clears the incident’s progress; a given one is kept', async () => {
    const { incident } = await setUp()
    const kept = await post(`/console/incidents/${incident.id}/updates`, {
      status: 'identified',
      body: 'Still on it.',
      eta: 'keep',
      next_update_at: '1h',
      progress: '40',
      workaround: 'Use webmail.',
    })
    expect(kept.status).toBe(303)
    expect((await callJson('GET', `/api/v1/incidents/${incident.id}`)).progress).toBe(40)

    const cleared = await post(`/console/incidents/${incident.id}/updates`, {
      status: 'identified',
      body: 'We can no longer say how far along it is.',
      eta: 'keep',
      next_update_at: '1h',
      progress: '',
      workaround: 'Use webmail.',
    })
    expect(cleared.status).toBe(303)
    const after = await callJson('GET', `/api/v1/incidents/${incident.id}`)
    expect(after.progress).toBeNull()
    expect(after.incident_updates[0].body).toBe('We can no longer say how far along it is.')
    const page = await browser('GET', `/console/incidents/${incident.id}`, {
      cookie: editor.cookie,
    })
    expect(await page.text()).toMatch(/name="progress" type="number" value=""/)
  })

  it('a template id that is not an update template answers a 404 page', async () => {
    const { incident } = await setUp()
    const missing = await browser('GET', `/console/incidents/${incident.id}?template=nosuch`, {
      cookie: editor.cookie,
    })
    expect(missing.status).toBe(404)
    expect(await missing.text()).toContain('No update template with id &#34;nosuch&#34;.')

    const incidentKind = await callJson('POST', '/api/v1/templates', {
      body: {
        kind: 'incident',
        name: `Outage ${crypto.randomUUID().slice(0, 6)}`,
        title: 'Outage',
        status: 'investigating',
        impact: 'major',
        body: 'Looking.',
      },
    })
    const wrongKind = await browser(
      'GET',
      `/console/incidents/${incident.id}?template=${incidentKind.id}`,
      { cookie: editor.cookie },
    )
    expect(wrongKind.status).toBe(404)
  })

  it('a viewer sees no template picker', async () => {
    const { incident, template } = await setUp()
    const res = await browser('GET', `/console/incidents/${incident.id}`, {
      cookie: viewer.cookie,
    })
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).not.toContain('class="template-picker"')
    expect(html).not.toContain(template.id)
  })
})
