import { describe, expect, it } from 'vitest'
import { z } from '@hono/zod-openapi'
import { AreaJson } from '../../src/schemas/inputs'
import { ComponentSchema } from '../../src/schemas/statuspage'
import {
  call,
  callJson,
  errorOf,
  makeArea,
  makeComponent,
  makeIncident,
  postUpdate,
  rows,
  tableCounts,
} from './factories'

const uniqueName = (prefix: string) => `${prefix} ${crypto.randomUUID().slice(0, 8)}`

async function getComponent(id: string) {
  return ComponentSchema.parse(await callJson('GET', `/api/v1/components/${id}`))
}

describe('components', () => {
  it('creates a component in Statuspage shape with sensible defaults', async () => {
    const name = uniqueName('API')
    const res = await call('POST', '/api/v1/components', {
      body: { name, description: 'The public REST API', help_url: 'https://help.example/api' },
    })
    expect(res.status).toBe(201)
    const component = ComponentSchema.parse(await res.json())
    expect(component).toMatchObject({
      name,
      description: 'The public REST API',
      status: 'operational',
      group: false,
      group_id: null,
      showcase: true,
      only_show_if_degraded: false,
      help_url: 'https://help.example/api',
    })
    const page = await callJson('GET', '/api/v1/page')
    expect(component.page_id).toBe(page.id)

    const list = z.array(ComponentSchema).parse(await callJson('GET', '/api/v1/components'))
    expect(list.map((c) => c.id)).toContain(component.id)
    expect(await getComponent(component.id)).toEqual(component)
  })

  it('records the creation in the audit log and the first status in the history', async () => {
    const component = await makeComponent({ status: 'degraded_performance' })
    const audit = await rows('SELECT action FROM audit_log WHERE target_id = ?', component.id)
    expect(audit).toEqual([{ action: 'component.create' }])
    const history = await rows(
      'SELECT status FROM component_status_changes WHERE component_id = ?',
      component.id,
    )
    expect(history).toEqual([{ status: 'degraded_performance' }])
  })

  it('places new components after the existing ones unless a position is given', async () => {
    const first = await makeComponent()
    const second = await makeComponent()
    expect(second.position).toBeGreaterThan(first.position)
    const placed = await makeComponent({ position: 0 })
    expect(placed.position).toBe(0)
  })

  it('refuses a duplicate name (case-insensitive) with 409 and writes nothing', async () => {
    const existing = await makeComponent()
    const before = await tableCounts()
    const res = await call('POST', '/api/v1/components', {
      body: { name: existing.name.toUpperCase() },
    })
    expect(await errorOf(res)).toMatchObject({ status: 409, code: 'conflict' })
    expect(await tableCounts()).toEqual(before)
  })

  it('refuses renaming onto another component name with 409', async () => {
    const a = await makeComponent()
    const b = await makeComponent()
    const res = await call('PATCH', `/api/v1/components/${b.id}`, { body: { name: a.name } })
    expect(await errorOf(res)).toMatchObject({ status: 409, code: 'conflict' })
    expect((await getComponent(b.id)).name).toBe(b.name)
  })

  it('PATCH changes only the fields sent', async () => {
    const component = await makeComponent({ description: 'before' })
    const patched = ComponentSchema.parse(
      await callJson('PATCH', `/api/v1/components/${component.id}`, {
        body: { description: 'after', showcase: false },
      }),
    )
    expect(patched).toMatchObject({
      name: component.name,
      description: 'after',
      showcase: false,
      status: 'operational',
      position: component.position,
    })
    expect(await getComponent(component.id)).toMatchObject({
      description: 'after',
      showcase: false,
    })
  })

  it('a status change outside an incident is recorded in the history and announced', async () => {
    const component = await makeComponent()
    const before = await tableCounts()
    const patched = ComponentSchema.parse(
      await callJson('PATCH', `/api/v1/components/${component.id}`, {
        body: { status: 'partial_outage' },
      }),
    )
    expect(patched.status).toBe('partial_outage')

    const history = await rows<{ status: string; incident_id: string | null }>(
      'SELECT status, incident_id FROM component_status_changes WHERE component_id = ? ORDER BY id',
      component.id,
    )
    expect(history).toEqual([
      { status: 'operational', incident_id: null },
      { status: 'partial_outage', incident_id: null },
    ])
    const outbox = await rows<{ event_type: string; payload: string; incident_id: null }>(
      'SELECT event_type, payload, incident_id FROM outbox WHERE component_id = ?',
      component.id,
    )
    expect(outbox).toHaveLength(1)
    expect(outbox[0]!.event_type).toBe('component.updated')
    expect(JSON.parse(outbox[0]!.payload)).toEqual({
      old_status: 'operational',
      new_status: 'partial_outage',
      base_url: 'http://candor.test',
    })
    const after = await tableCounts()
    expect(after.outbox).toBe(before.outbox + 1)
    expect(after.audit_log).toBe(before.audit_log + 1)
    expect(after.component_status_changes).toBe(before.component_status_changes + 1)
  })

  it('a PATCH that leaves the status alone announces nothing', async () => {
    const component = await makeComponent()
    const before = await tableCounts()
    await callJson('PATCH', `/api/v1/components/${component.id}`, {
      body: { description: 'new words', status: 'operational' },
    })
    const after = await tableCounts()
    expect(after.outbox).toBe(before.outbox)
    expect(after.component_status_changes).toBe(before.component_status_changes)
    expect(after.audit_log).toBe(before.audit_log + 1)
  })

  it('deletes a component; it is then gone', async () => {
    const component = await makeComponent()
    const res = await call('DELETE', `/api/v1/components/${component.id}`)
    expect(res.status).toBe(204)
    expect((await errorOf(await call('GET', `/api/v1/components/${component.id}`))).status).toBe(
      404,
    )
    const audit = await rows('SELECT action FROM audit_log WHERE target_id = ?', component.id)
    expect(audit.map((a) => a.action)).toContain('component.delete')
  })

  it('refuses to delete a component an unresolved incident uses (409), allows it once resolved', async () => {
    const component = await makeComponent()
    const incident = await makeIncident({ components: { [component.id]: 'major_outage' } })
    const before = await tableCounts()
    const error = await errorOf(await call('DELETE', `/api/v1/components/${component.id}`))
    expect(error).toMatchObject({ status: 409, code: 'conflict' })
    expect(error.details).toEqual({ incident_ids: [incident.id] })
    expect(await tableCounts()).toEqual(before)
    expect((await getComponent(component.id)).status).toBe('major_outage')

    await postUpdate(incident.id, { status: 'resolved' })
    expect((await call('DELETE', `/api/v1/components/${component.id}`)).status).toBe(204)
  })
})

describe('component groups', () => {
  it('group_name creates one group and reuses it, case-insensitively', async () => {
    const groupName = uniqueName('Europe')
    const before = await tableCounts()
    const a = ComponentSchema.parse(await makeComponent({ group_name: groupName }))
    const b = ComponentSchema.parse(await makeComponent({ group_name: groupName.toUpperCase() }))
    expect(a.group_id).not.toBeNull()
    expect(b.group_id).toBe(a.group_id)
    // Two components and exactly one group.
    expect((await tableCounts()).components).toBe(before.components + 3)

    const group = await getComponent(a.group_id!)
    expect(group).toMatchObject({ name: groupName, group: true, group_id: null })
    expect(group.components).toEqual([a.id, b.id])
    const groups = await rows(
      'SELECT id FROM components WHERE is_group = 1 AND name = ? COLLATE NOCASE',
      groupName,
    )
    expect(groups).toHaveLength(1)
  })

  it('moving a component to another group updates both groups’ child lists', async () => {
    const a = await makeComponent({ group_name: uniqueName('Group A') })
    const other = await makeComponent({ group_name: uniqueName('Group B') })
    await callJson('PATCH', `/api/v1/components/${a.id}`, {
      body: { group_name: (await getComponent(other.group_id)).name },
    })
    expect((await getComponent(a.group_id)).components).toEqual([])
    // Children are listed in position order; `a` was created first.
    expect((await getComponent(other.group_id)).components).toEqual([a.id, other.id])
    const list = z.array(ComponentSchema).parse(await callJson('GET', '/api/v1/components'))
    expect(list.find((c) => c.id === a.id)!.group_id).toBe(other.group_id)
  })

  it('a component may share its name with a group', async () => {
    const groupName = uniqueName('Storage')
    await makeComponent({ group_name: groupName })
    const sameName = await call('POST', '/api/v1/components', { body: { name: groupName } })
    expect(sameName.status).toBe(201)
  })

  it('a group has no status of its own (400)', async () => {
    const member = await makeComponent({ group_name: uniqueName('Group') })
    const before = await tableCounts()
    const error = await errorOf(
      await call('PATCH', `/api/v1/components/${member.group_id}`, {
        body: { status: 'major_outage' },
      }),
    )
    expect(error).toMatchObject({ status: 400, code: 'validation_failed' })
    expect(await tableCounts()).toEqual(before)
  })

  it('an incident cannot name a group as a component (400)', async () => {
    const member = await makeComponent({ group_name: uniqueName('Group') })
    const before = await tableCounts()
    const res = await call('POST', '/api/v1/incidents', {
      body: {
        name: 'Group outage',
        status: 'investigating',
        impact: 'major',
        body: 'x',
        components: { [member.group_id]: 'major_outage' },
      },
    })
    expect(await errorOf(res)).toMatchObject({ status: 400, code: 'validation_failed' })
    expect(await tableCounts()).toEqual(before)
  })
})

describe('areas', () => {
  it('creates, lists, gets, renames and deletes an area', async () => {
    const name = uniqueName('Postcode 1011')
    const res = await call('POST', '/api/v1/areas', { body: { name } })
    expect(res.status).toBe(201)
    const area = AreaJson.parse(await res.json())
    expect(area.name).toBe(name)

    const list = z.array(AreaJson).parse(await callJson('GET', '/api/v1/areas'))
    expect(list.map((a) => a.id)).toContain(area.id)
    expect(AreaJson.parse(await callJson('GET', `/api/v1/areas/${area.id}`))).toEqual(area)

    const renamed = AreaJson.parse(
      await callJson('PATCH', `/api/v1/areas/${area.id}`, { body: { name: `${name} north` } }),
    )
    expect(renamed.name).toBe(`${name} north`)
    expect((await callJson('GET', `/api/v1/areas/${area.id}`)).name).toBe(`${name} north`)

    expect((await call('DELETE', `/api/v1/areas/${area.id}`)).status).toBe(204)
    expect((await errorOf(await call('GET', `/api/v1/areas/${area.id}`))).status).toBe(404)
    const actions = await rows<{ action: string }>(
      'SELECT action FROM audit_log WHERE target_id = ? ORDER BY id',
      area.id,
    )
    expect(actions.map((a) => a.action)).toEqual(['area.create', 'area.update', 'area.delete'])
  })

  it('refuses a duplicate area name (case-insensitive) with 409 and writes nothing', async () => {
    const area = await makeArea()
    const before = await tableCounts()
    const res = await call('POST', '/api/v1/areas', { body: { name: area.name.toLowerCase() } })
    expect(await errorOf(res)).toMatchObject({ status: 409, code: 'conflict' })
    expect(await tableCounts()).toEqual(before)
  })

  it('an incident lists the areas it affects as {id, name}', async () => {
    const north = await makeArea()
    const south = await makeArea()
    const incident = await makeIncident({ area_ids: [north.id, south.id] })
    expect(
      [...incident.areas].sort((x: { id: string }, y: { id: string }) => x.id.localeCompare(y.id)),
    ).toEqual(
      [
        { id: north.id, name: north.name },
        { id: south.id, name: south.name },
      ].sort((x, y) => x.id.localeCompare(y.id)),
    )
  })
})
