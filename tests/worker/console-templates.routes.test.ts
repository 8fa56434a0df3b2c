import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  browser,
  SAME_ORIGIN,
  signedInMember,
  withCsrf,
  type ConsoleMember as Member,
} from './console-helpers'
import { callJson, makeComponent } from './factories'

let editor: Member
let viewer: Member

async function post(member: Member, path: string, form: Record<string, string>) {
  return browser('POST', path, {
    cookie: member.cookie,
    headers: SAME_ORIGIN,
    form: { csrf: member.csrf, ...form },
  })
}

async function templatesNamed(name: string) {
  const all = (await callJson('GET', '/api/v1/templates')) as { name: string }[]
  return all.filter((t) => t.name === name) as any[]
}

async function writes() {
  const t = await env.DB.prepare('SELECT COUNT(*) AS n FROM templates').first<{ n: number }>()
  const a = await env.DB.prepare('SELECT COUNT(*) AS n FROM audit_log').first<{ n: number }>()
  return { templates: t!.n, audit: a!.n }
}

beforeAll(async () => {
  editor = await withCsrf(await signedInMember('editor'))
  viewer = await withCsrf(await signedInMember('viewer'))
})

describe('templates screen', () => {
  it('creates, lists, changes and deletes a template, with the member as audit actor', async () => {
    const component = await makeComponent()
    const name = `Power cut ${crypto.randomUUID().slice(0, 6)}`
    const created = await post(editor, '/console/templates', {
      kind: 'incident',
      name,
      title: 'Power cut at {{area}}',
      status: 'identified',
      impact: 'major',
      body: 'Power is out; back by {{eta}}.',
      [`component.${component.id}`]: 'major_outage',
      workaround: '',
    })
    expect(created.status).toBe(303)
    expect(created.headers.get('location')).toBe('/console/templates?done=created')
    const [saved] = await templatesNamed(name)
    expect(saved).toMatchObject({
      kind: 'incident',
      title: 'Power cut at {{area}}',
      status: 'identified',
      impact: 'major',
      components: { [component.id]: 'major_outage' },
      workaround: null,
    })
    const actor = await env.DB.prepare(
      "SELECT actor FROM audit_log WHERE action = 'template.create' AND target_id = ?",
    )
      .bind(saved.id)
      .first<{ actor: string }>()
    expect(actor?.actor).toBe(editor.email)

    const list = await browser('GET', '/console/templates?done=created', { cookie: editor.cookie })
    const html = await list.text()
    expect(html).toContain('Template saved.')
    expect(html).toContain(`<td>${name}</td>`)
    expect(html).toContain(`href="/console/templates/${saved.id}"`)

    const edit = await browser('GET', `/console/templates/${saved.id}`, { cookie: editor.cookie })
    expect(edit.status).toBe(200)
    expect(await edit.text()).toContain('value="Power cut at {{area}}"')

    const changed = await post(editor, `/console/templates/${saved.id}`, {
      kind: 'incident',
      name,
      title: 'Power cut',
      status: 'monitoring',
      impact: 'minor',
      body: 'Power is back; watching.',
    })
    expect(changed.status).toBe(303)
    const [after] = await templatesNamed(name)
    expect(after).toMatchObject({ title: 'Power cut', status: 'monitoring', components: {} })

    const before = await writes()
    const twice = await post(editor, '/console/templates', {
      kind: 'update',
      name: name.toUpperCase(),
      status: 'monitoring',
      body: 'Same name.',
    })
    expect(twice.status).toBe(400)
    expect(await twice.text()).toMatch(/id="template-name-error"[^>]*>A template named/)
    expect(await writes()).toEqual(before)

    const deleted = await post(editor, `/console/templates/${saved.id}/delete`, {})
    expect(deleted.status).toBe(303)
    expect(await templatesNamed(name)).toEqual([])
  })

  it('refuses an unknown placeholder beside its field, keeps what was typed, writes nothing', async () => {
    const before = await writes()
    const res = await post(editor, '/console/templates', {
      kind: 'incident',
      name: 'Typo',
      title: 'Outage',
      status: 'investigating',
      impact: '',
      body: 'Back by {{etaa}}.',
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toMatch(/id="template-body-error"[^>]*>Unknown placeholder \{\{etaa\}\}/)
    expect(html).toContain('Back by {{etaa}}.</textarea>')
    expect(html).toContain('value="Typo"')
    const untitled = await post(editor, '/console/templates', {
      kind: 'incident',
      name: 'No title',
      status: 'investigating',
      body: 'x',
    })
    expect(untitled.status).toBe(400)
    expect(await untitled.text()).toMatch(/id="template-title-error"/)
    expect(await writes()).toEqual(before)
  })

  it('shows viewers the list only', async () => {
    const name = `Viewer sees ${crypto.randomUUID().slice(0, 6)}`
    const t = await callJson('POST', '/api/v1/templates', {
      body: { kind: 'update', name, status: 'monitoring', body: 'A fix is out.' },
    })
    const res = await browser('GET', '/console/templates', { cookie: viewer.cookie })
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain(`<td>${name}</td>`)
    expect(html).not.toContain('action="/console/templates"')
    expect(html).not.toContain(`/console/templates/${t.id}`)
    expect(
      (await browser('GET', `/console/templates/${t.id}`, { cookie: viewer.cookie })).status,
    ).toBe(403)
    const before = await writes()
    const forged = await post(viewer, `/console/templates/${t.id}/delete`, {})
    expect(forged.status).toBe(403)
    expect(await writes()).toEqual(before)
  })
})
