import { beforeAll, describe, expect, it } from 'vitest'
import {
  browser,
  SAME_ORIGIN,
  signedInMember,
  withCsrf,
  type ConsoleMember as Member,
} from './console-helpers'
import { call, callJson, makeIncident, postUpdate, rows } from './factories'

/** The Postmortem section of a resolved incident's console page, and its forms. */

let editor: Member
let viewer: Member

beforeAll(async () => {
  editor = await withCsrf(await signedInMember('editor'))
  viewer = await withCsrf(await signedInMember('viewer'))
})

async function page(path: string, member: Member = editor): Promise<string> {
  const res = await browser('GET', path, { cookie: member.cookie })
  expect(res.status).toBe(200)
  return res.text()
}

function post(path: string, form: Record<string, string>, member: Member = editor) {
  return browser('POST', path, {
    cookie: member.cookie,
    headers: SAME_ORIGIN,
    form: { csrf: member.csrf, ...form },
  })
}

async function resolved() {
  const incident = await makeIncident({ name: 'Exchange flooded' })
  await postUpdate(incident.id, { status: 'resolved', body: 'Pumped out.' })
  return incident as { id: string; name: string }
}

const apiPostmortem = (id: string) => call('GET', `/api/v1/incidents/${id}/postmortem`)
const postmortemRows = (id: string) => rows('SELECT * FROM postmortems WHERE incident_id = ?', id)

describe('the Postmortem section', () => {
  it('is on a resolved incident’s page with its labelled fields, and not on an open one', async () => {
    const incident = await resolved()
    const html = await page(`/console/incidents/${incident.id}`)
    expect(html).toContain('<h2 id="postmortem-title">Postmortem</h2>')
    expect(html).toContain('No postmortem yet.')
    expect(html).toMatch(/<label for="postmortem-body">Postmortem \(markdown\)<\/label>/)
    expect(html).toContain(`action="/console/incidents/${incident.id}/postmortem"`)
    // Nothing to publish yet.
    expect(html).not.toContain('/postmortem/publish')

    const open = await makeIncident()
    expect(await page(`/console/incidents/${open.id}`)).not.toContain('postmortem-title')
  })

  it('Save draft writes it (audited with the member) and lands on the incident; Publish with Notify tells subscribers; Revert takes it back', async () => {
    const incident = await resolved()
    const saved = await post(`/console/incidents/${incident.id}/postmortem`, {
      body: '## Cause\n\nRain.',
      intent: 'save',
    })
    expect(saved.status).toBe(303)
    expect(saved.headers.get('location')).toBe(
      `/console/incidents/${incident.id}?done=postmortem-saved#postmortem`,
    )
    const draft = await callJson('GET', `/api/v1/incidents/${incident.id}/postmortem`)
    expect(draft).toMatchObject({ state: 'draft', body_draft: '## Cause\n\nRain.' })
    expect(draft.created_by).toBe(editor.email)
    const audit = await rows<{ member_email: string }>(
      "SELECT member_email FROM audit_log WHERE target_id = ? AND action = 'postmortem.create'",
      incident.id,
    )
    expect(audit).toEqual([{ member_email: editor.email }])

    const landed = await page(`/console/incidents/${incident.id}?done=postmortem-saved`)
    expect(landed).toContain('Postmortem draft saved.')
    expect(landed).toContain('## Cause')
    expect(landed).toMatch(/<label for="postmortem-publish-notify_subscribers">Notify subscribers/)

    const published = await post(`/console/incidents/${incident.id}/postmortem/publish`, {
      notify_subscribers: 'on',
    })
    expect(published.status).toBe(303)
    expect(published.headers.get('location')).toContain('done=postmortem-notified')
    const after = await callJson('GET', `/api/v1/incidents/${incident.id}/postmortem`)
    expect(after).toMatchObject({ state: 'published', notify_subscribers: true })
    expect(after.html).toBe('<h2>Cause</h2>\n<p>Rain.</p>\n')
    expect(
      await rows(
        "SELECT id FROM outbox WHERE incident_id = ? AND event_type = 'incident.postmortem'",
        incident.id,
      ),
    ).toHaveLength(1)
    expect((await callJson('GET', `/api/v1/incidents/${incident.id}`)).status).toBe('postmortem')
    expect(await page(`/console/incidents/${incident.id}`)).toContain('Revert to draft')

    const reverted = await post(`/console/incidents/${incident.id}/postmortem/revert`, {})
    expect(reverted.status).toBe(303)
    expect((await callJson('GET', `/api/v1/incidents/${incident.id}/postmortem`)).state).toBe(
      'draft',
    )
    expect((await callJson('GET', `/api/v1/incidents/${incident.id}`)).status).toBe('resolved')

    const deleted = await post(`/console/incidents/${incident.id}/postmortem/delete`, {})
    expect(deleted.status).toBe(303)
    expect((await apiPostmortem(incident.id)).status).toBe(404)
  })

  it('Preview renders the draft as typed, sanitised, and writes nothing', async () => {
    const incident = await resolved()
    const res = await post(`/console/incidents/${incident.id}/postmortem`, {
      body: '**Bold** <img src=x onerror=alert(1)>',
      intent: 'preview',
    })
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<strong>Bold</strong> &lt;img src=x onerror=alert(1)&gt;')
    expect(html).not.toContain('<img')
    // What was typed stays in the textarea.
    expect(html).toContain('**Bold** &lt;img src=x onerror=alert(1)&gt;</textarea>')
    expect(await postmortemRows(incident.id)).toHaveLength(0)
  })

  it('a bad draft comes back with 400, the error beside the field, the text kept, nothing written', async () => {
    const incident = await resolved()
    const long = 'x'.repeat(30_001)
    const res = await post(`/console/incidents/${incident.id}/postmortem`, {
      body: long,
      intent: 'save',
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toMatch(/class="field-error" id="postmortem-body-error">[^<]+30000/)
    expect(html).toContain(`${long}</textarea>`)
    expect(await postmortemRows(incident.id)).toHaveLength(0)

    const empty = await post(`/console/incidents/${incident.id}/postmortem`, {
      body: '  ',
      intent: 'save',
    })
    expect(empty.status).toBe(400)
    expect(await empty.text()).toContain('Write the postmortem first.')
    expect(await postmortemRows(incident.id)).toHaveLength(0)
  })

  it('Publish on an open incident answers 409 and writes nothing', async () => {
    const open = await makeIncident()
    await callJson('PUT', `/api/v1/incidents/${open.id}/postmortem`, {
      body: { body: 'Early.' },
      expect: 200,
    })
    const res = await post(`/console/incidents/${open.id}/postmortem/publish`, {})
    expect(res.status).toBe(409)
    expect(await res.text()).toContain('Resolve the incident before publishing its postmortem.')
    expect((await postmortemRows(open.id))[0]).toMatchObject({ state: 'draft' })
  })

  it('a viewer sees the draft rendered but no form, and a forged viewer POST is refused (403)', async () => {
    const incident = await resolved()
    await callJson('PUT', `/api/v1/incidents/${incident.id}/postmortem`, {
      body: { body: '# Seen by viewers' },
      expect: 200,
    })
    const html = await page(`/console/incidents/${incident.id}`, viewer)
    expect(html).toContain('<h1>Seen by viewers</h1>')
    expect(html).not.toContain('name="body"')
    expect(html).not.toContain('/postmortem/publish')

    const forged = await post(
      `/console/incidents/${incident.id}/postmortem/publish`,
      { notify_subscribers: 'on' },
      viewer,
    )
    expect(forged.status).toBe(403)
    const saved = await post(
      `/console/incidents/${incident.id}/postmortem`,
      { body: 'Viewer text', intent: 'save' },
      viewer,
    )
    expect(saved.status).toBe(403)
    expect((await postmortemRows(incident.id))[0]).toMatchObject({
      state: 'draft',
      body_draft: '# Seen by viewers',
    })
  })
})
