import { beforeAll, describe, expect, it } from 'vitest'
import {
  browser,
  SAME_ORIGIN,
  signedInMember,
  withCsrf,
  type ConsoleMember as Member,
} from './console-helpers'
import { callJson, makeArea, makeComponent, makeIncident, rows, tableCounts } from './factories'

let editor: Member
let viewer: Member

function post(member: Member, path: string, form: Record<string, string> = {}) {
  return browser('POST', path, {
    cookie: member.cookie,
    headers: SAME_ORIGIN,
    form: { csrf: member.csrf, ...form },
  })
}

async function page(member: Member, path = '/console/components'): Promise<string> {
  return (await browser('GET', path, { cookie: member.cookie })).text()
}

async function auditActors(targetId: string, action: string): Promise<string[]> {
  const found = await rows<{ actor: string }>(
    'SELECT actor FROM audit_log WHERE target_id = ? AND action = ?',
    targetId,
    action,
  )
  return found.map((r) => r.actor)
}

async function componentsJson(): Promise<
  { id: string; name: string; position: number; group_id: string | null; group: boolean }[]
> {
  return callJson('GET', '/api/v1/components')
}

beforeAll(async () => {
  editor = await withCsrf(await signedInMember('editor'))
  viewer = await withCsrf(await signedInMember('viewer'))
})

describe('the components screen', () => {
  it('lists components under their groups with status, description and position', async () => {
    const api = await makeComponent({
      name: 'Public API',
      group_name: 'Platform',
      description: 'The REST API',
      status: 'partial_outage',
    })
    await makeComponent({ name: 'Dashboard', group_name: 'Platform' })
    const area = await makeArea('North region')

    const html = await page(viewer)
    const platform = html.indexOf('Platform (group)</th>')
    expect(platform).toBeGreaterThan(-1)
    const row = html.slice(
      html.indexOf('Public API'),
      html.indexOf('</tr>', html.indexOf('Public API')),
    )
    expect(html.indexOf('Public API')).toBeGreaterThan(platform)
    expect(row).toContain('Partial outage')
    expect(row).toContain('The REST API')
    expect(row).toContain(`<td>${api.position}</td>`)
    expect(html).toContain('North region')
    expect(html).toContain(area.name)
    // A viewer reads only: no forms, no moves, no edit links.
    expect(html).not.toContain('Add a component')
    expect(html).not.toContain('Move up')
    expect(html).not.toContain('action="/console/components/areas"')
    expect(html).not.toContain(`href="/console/components/${api.id}"`)
    const edit = await browser('GET', `/console/components/${api.id}`, { cookie: viewer.cookie })
    expect(edit.status).toBe(403)
  })

  it('adds a component (a new group made on first use) and records the member', async () => {
    const html = await page(editor)
    for (const label of ['Name', 'Description', 'Group', 'Status']) {
      expect(html).toContain(`>${label}</label>`)
    }
    const res = await post(editor, '/console/components', {
      name: 'Search',
      description: 'Finds things',
      group_name: 'Discovery',
      status: 'degraded_performance',
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/console/components?done=created')
    const all = await componentsJson()
    const search = all.find((c) => c.name === 'Search')!
    const group = all.find((c) => c.name === 'Discovery')!
    expect(search).toMatchObject({
      description: 'Finds things',
      status: 'degraded_performance',
      group_id: group.id,
    })
    expect(group.group).toBe(true)
    expect(await auditActors(search.id, 'component.create')).toEqual([editor.email])
    expect(await page(editor, res.headers.get('location')!)).toContain('Component added.')
  })

  it('refuses a bad component with the error beside the field, keeping what was typed', async () => {
    const taken = await makeComponent({ name: 'Taken name' })
    const before = await tableCounts()
    const empty = await post(editor, '/console/components', {
      name: ' ',
      description: 'Typed description',
      status: 'major_outage',
    })
    expect(empty.status).toBe(400)
    const emptyHtml = await empty.text()
    expect(emptyHtml).toMatch(/id="new-component-name-error">[^<]+</)
    expect(emptyHtml).toContain('Typed description</textarea>')
    expect(emptyHtml).toContain('<option value="major_outage" selected="">')

    const clash = await post(editor, '/console/components', { name: taken.name.toUpperCase() })
    expect(clash.status).toBe(409)
    expect(await clash.text()).toContain(
      `id="new-component-name-error">A component named &quot;${taken.name.toUpperCase()}&quot; already exists.`,
    )
    expect(await tableCounts()).toEqual(before)
  })

  it('renames and describes a component on its own page', async () => {
    const component = await makeComponent({ name: 'Old name' })
    const form = await page(editor, `/console/components/${component.id}`)
    expect(form).toContain('value="Old name"')
    const res = await post(editor, `/console/components/${component.id}`, {
      name: 'New name',
      description: 'Now described',
      group_name: '',
      status: 'operational',
    })
    expect(res.status).toBe(303)
    const saved = await callJson('GET', `/api/v1/components/${component.id}`)
    expect(saved).toMatchObject({ name: 'New name', description: 'Now described' })
    expect(await auditActors(component.id, 'component.update')).toEqual([editor.email])

    const before = await tableCounts()
    const bad = await post(editor, `/console/components/${component.id}`, {
      name: '',
      description: 'Kept text',
    })
    expect(bad.status).toBe(400)
    const badHtml = await bad.text()
    expect(badHtml).toMatch(/id="component-name-error">[^<]+</)
    expect(badHtml).toContain('Kept text</textarea>')
    expect(await tableCounts()).toEqual(before)
  })

  it('moves a component up and down among its siblings', async () => {
    const a = await makeComponent({ name: 'Order A', group_name: 'Ordering' })
    const b = await makeComponent({ name: 'Order B', group_name: 'Ordering' })
    const namesInGroup = async () => {
      const all = await componentsJson()
      const group = all.find((c) => c.name === 'Ordering')!
      return all
        .filter((c) => c.group_id === group.id)
        .sort((x, y) => x.position - y.position)
        .map((c) => c.name)
    }
    expect(await namesInGroup()).toEqual(['Order A', 'Order B'])
    const html = await page(editor)
    expect(html).toContain(`action="/console/components/${b.id}/move"`)

    const up = await post(editor, `/console/components/${b.id}/move`, { direction: 'up' })
    expect(up.status).toBe(303)
    expect(up.headers.get('location')).toBe('/console/components?done=moved')
    expect(await namesInGroup()).toEqual(['Order B', 'Order A'])
    expect(await auditActors(b.id, 'component.update')).toEqual([editor.email])

    // Already last: moving down changes nothing.
    const before = await tableCounts()
    await post(editor, `/console/components/${a.id}/move`, { direction: 'down' })
    expect(await tableCounts()).toEqual(before)
    await post(editor, `/console/components/${a.id}/move`, { direction: 'up' })
    expect(await namesInGroup()).toEqual(['Order A', 'Order B'])
  })

  it('deletes a component, and refuses while an unresolved incident involves it', async () => {
    const busy = await makeComponent({ name: 'Busy component' })
    await makeIncident({ components: { [busy.id]: 'major_outage' } })
    const before = await tableCounts()
    const refused = await post(editor, `/console/components/${busy.id}/delete`)
    expect(refused.status).toBe(409)
    expect(await refused.text()).toContain(
      'Component &quot;Busy component&quot; is part of unresolved incidents; resolve them first.',
    )
    expect(await tableCounts()).toEqual(before)

    const idle = await makeComponent({ name: 'Idle component' })
    const res = await post(editor, `/console/components/${idle.id}/delete`)
    expect(res.status).toBe(303)
    expect((await componentsJson()).some((c) => c.id === idle.id)).toBe(false)
    expect(await auditActors(idle.id, 'component.delete')).toEqual([editor.email])
  })
})

describe('areas on the components screen', () => {
  it('adds, renames and deletes an area', async () => {
    const made = await post(editor, '/console/components/areas', { name: 'West coast' })
    expect(made.status).toBe(303)
    expect(made.headers.get('location')).toBe('/console/components?done=area-created')
    const areas = await callJson<{ id: string; name: string }[]>('GET', '/api/v1/areas')
    const west = areas.find((a) => a.name === 'West coast')!
    expect(west).toBeTruthy()
    expect(await auditActors(west.id, 'area.create')).toEqual([editor.email])

    const renamed = await post(editor, `/console/components/areas/${west.id}`, { name: 'Pacific' })
    expect(renamed.status).toBe(303)
    expect((await callJson('GET', `/api/v1/areas/${west.id}`)).name).toBe('Pacific')

    const deleted = await post(editor, `/console/components/areas/${west.id}/delete`)
    expect(deleted.status).toBe(303)
    expect(await auditActors(west.id, 'area.delete')).toEqual([editor.email])
    const after = await callJson<{ id: string }[]>('GET', '/api/v1/areas')
    expect(after.some((a) => a.id === west.id)).toBe(false)
  })

  it('refuses a bad area name beside its field, writing nothing', async () => {
    const area = await makeArea('Keep me')
    await makeArea('Other area')
    const before = await tableCounts()
    const empty = await post(editor, '/console/components/areas', { name: '' })
    expect(empty.status).toBe(400)
    expect(await empty.text()).toMatch(/id="new-area-name-error">[^<]+</)

    const clash = await post(editor, `/console/components/areas/${area.id}`, { name: 'other AREA' })
    expect(clash.status).toBe(409)
    const html = await clash.text()
    expect(html).toContain(
      `id="area-${area.id}-name-error">An area named &quot;other AREA&quot; already exists.`,
    )
    expect(html).toContain('value="other AREA"')
    expect(await tableCounts()).toEqual(before)
  })

  it("refuses a viewer's forged area", async () => {
    const before = await tableCounts()
    const res = await post(viewer, '/console/components/areas', { name: 'Forged' })
    expect(res.status).toBe(403)
    expect(await tableCounts()).toEqual(before)
  })
})
