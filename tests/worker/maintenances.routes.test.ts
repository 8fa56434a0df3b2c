import { describe, expect, it } from 'vitest'
import { z } from '@hono/zod-openapi'
import { IncidentUpdateSchema, MaintenanceSchema } from '../../src/schemas/statuspage'
import {
  call,
  callJson,
  errorOf,
  inMinutes,
  makeArea,
  makeComponent,
  makeIncident,
  makeMaintenance,
  postMaintenanceUpdate,
  postUpdate,
  rows,
  tableCounts,
} from './factories'

const UpdateResponse = z.object({ update: IncidentUpdateSchema, incident: MaintenanceSchema })

async function advance(id: string, fields: Record<string, unknown>) {
  return UpdateResponse.parse(await postMaintenanceUpdate(id, fields))
}

async function componentStatus(id: string): Promise<string> {
  return (await callJson('GET', `/api/v1/components/${id}`)).status
}

async function eventsFor(id: string): Promise<string[]> {
  const events = await rows<{ event_type: string }>(
    'SELECT event_type FROM outbox WHERE incident_id = ? ORDER BY created_at, rowid',
    id,
  )
  return events.map((e) => e.event_type)
}

describe('scheduling maintenance', () => {
  it('answers 201 with the Statuspage maintenance shape and leaves components alone', async () => {
    const db = await makeComponent()
    const area = await makeArea()
    const scheduledFor = inMinutes(60)
    const scheduledUntil = inMinutes(180)
    const res = await call('POST', '/api/v1/maintenances', {
      body: {
        name: 'Database upgrade',
        body: 'We upgrade the primary database.',
        scheduled_for: scheduledFor,
        scheduled_until: scheduledUntil,
        component_ids: [db.id],
        area_ids: [area.id],
        remind_before_minutes: 30,
        auto_start: true,
      },
    })
    expect(res.status).toBe(201)
    const maintenance = MaintenanceSchema.parse(await res.json())
    expect(maintenance).toMatchObject({
      name: 'Database upgrade',
      status: 'scheduled',
      impact: 'maintenance',
      scheduled_for: scheduledFor,
      scheduled_until: scheduledUntil,
      scheduled_remind_prior: true,
      remind_before_minutes: 30,
      scheduled_auto_in_progress: true,
      scheduled_auto_completed: false,
      resolved_at: null,
      areas: [{ id: area.id, name: area.name }],
    })
    expect(maintenance.components.map((c) => c.id)).toEqual([db.id])
    expect(maintenance.incident_updates).toHaveLength(1)
    expect(maintenance.incident_updates[0]!.affected_components).toEqual([])
    expect(await componentStatus(db.id)).toBe('operational')
    expect(await eventsFor(maintenance.id)).toEqual(['maintenance.scheduled'])
    const audit = await rows('SELECT action FROM audit_log WHERE target_id = ?', maintenance.id)
    expect(audit).toEqual([{ action: 'maintenance.create' }])

    expect(
      MaintenanceSchema.parse(await callJson('GET', `/api/v1/maintenances/${maintenance.id}`)),
    ).toEqual(maintenance)
  })

  it('refuses scheduled_until before scheduled_for with 400 and writes nothing', async () => {
    const component = await makeComponent()
    const before = await tableCounts()
    const res = await call('POST', '/api/v1/maintenances', {
      body: {
        name: 'Backwards',
        body: 'x',
        scheduled_for: inMinutes(120),
        scheduled_until: inMinutes(60),
        component_ids: [component.id],
      },
    })
    const error = await errorOf(res)
    expect(error).toMatchObject({ status: 400, code: 'validation_failed' })
    expect(error.details).toEqual([expect.objectContaining({ path: 'scheduled_until' })])
    expect(await tableCounts()).toEqual(before)
  })

  it('refuses unknown component and area ids with 404 and writes nothing', async () => {
    const component = await makeComponent()
    const before = await tableCounts()
    const unknownComponent = await call('POST', '/api/v1/maintenances', {
      body: {
        name: 'x',
        body: 'x',
        scheduled_for: inMinutes(60),
        scheduled_until: inMinutes(120),
        component_ids: [component.id, 'nosuchcomponent'],
      },
    })
    expect(await errorOf(unknownComponent)).toMatchObject({ status: 404, code: 'not_found' })
    const unknownArea = await call('POST', '/api/v1/maintenances', {
      body: {
        name: 'x',
        body: 'x',
        scheduled_for: inMinutes(60),
        scheduled_until: inMinutes(120),
        component_ids: [component.id],
        area_ids: ['nosucharea'],
      },
    })
    expect(await errorOf(unknownArea)).toMatchObject({ status: 404, code: 'not_found' })
    expect(await tableCounts()).toEqual(before)
  })

  it('maintenances and incidents are not reachable through each other’s paths', async () => {
    const maintenance = await makeMaintenance()
    const incident = await makeIncident()
    expect((await errorOf(await call('GET', `/api/v1/incidents/${maintenance.id}`))).status).toBe(
      404,
    )
    expect((await errorOf(await call('GET', `/api/v1/maintenances/${incident.id}`))).status).toBe(
      404,
    )
    const list = z.array(MaintenanceSchema).parse(await callJson('GET', '/api/v1/maintenances'))
    expect(list.map((m) => m.id)).toContain(maintenance.id)
    expect(list.map((m) => m.id)).not.toContain(incident.id)
  })
})

describe('the maintenance lifecycle', () => {
  it('in_progress puts components under maintenance; completed returns them', async () => {
    const a = await makeComponent()
    const b = await makeComponent()
    const maintenance = await makeMaintenance({ component_ids: [a.id, b.id] })

    const started = await advance(maintenance.id, { status: 'in_progress', body: 'Started.' })
    expect(started.incident.status).toBe('in_progress')
    expect(started.incident.started_at).toBe(started.update.display_at)
    expect(await componentStatus(a.id)).toBe('under_maintenance')
    expect(await componentStatus(b.id)).toBe('under_maintenance')
    expect(started.update.affected_components).toEqual(
      expect.arrayContaining([
        { code: a.id, name: a.name, old_status: 'operational', new_status: 'under_maintenance' },
        { code: b.id, name: b.name, old_status: 'operational', new_status: 'under_maintenance' },
      ]),
    )

    const verifying = await advance(maintenance.id, { status: 'verifying' })
    expect(verifying.update.affected_components).toEqual([])
    expect(await componentStatus(a.id)).toBe('under_maintenance')

    const completed = await advance(maintenance.id, { status: 'completed', body: 'Done.' })
    expect(completed.incident.status).toBe('completed')
    expect(completed.incident.resolved_at).not.toBeNull()
    expect(await componentStatus(a.id)).toBe('operational')
    expect(await componentStatus(b.id)).toBe('operational')
    expect(completed.update.affected_components).toHaveLength(2)

    const events = await eventsFor(maintenance.id)
    expect(events).toEqual([
      'maintenance.scheduled',
      'maintenance.started',
      'incident.updated',
      'maintenance.completed',
    ])
  })

  it('maintenance created already in progress puts its components under maintenance at once', async () => {
    const component = await makeComponent()
    const maintenance = MaintenanceSchema.parse(
      await makeMaintenance({
        component_ids: [component.id],
        scheduled_for: inMinutes(-5),
        status: 'in_progress',
      }),
    )
    expect(maintenance.status).toBe('in_progress')
    expect(maintenance.incident_updates[0]!.affected_components).toEqual([
      {
        code: component.id,
        name: component.name,
        old_status: 'operational',
        new_status: 'under_maintenance',
      },
    ])
    expect(await componentStatus(component.id)).toBe('under_maintenance')
    expect(await eventsFor(maintenance.id)).toEqual(['maintenance.started'])
  })

  it('in_progress → scheduled is 409 and writes nothing', async () => {
    const component = await makeComponent()
    const maintenance = await makeMaintenance({ component_ids: [component.id] })
    await advance(maintenance.id, { status: 'in_progress' })
    const before = await tableCounts()
    const res = await call('POST', `/api/v1/maintenances/${maintenance.id}/updates`, {
      body: { status: 'scheduled', body: 'Oops.' },
    })
    expect(await errorOf(res)).toMatchObject({ status: 409, code: 'conflict' })
    expect(await tableCounts()).toEqual(before)
    expect(await componentStatus(component.id)).toBe('under_maintenance')
  })

  it('completed → in_progress is 409', async () => {
    const maintenance = await makeMaintenance()
    await advance(maintenance.id, { status: 'completed' })
    const res = await call('POST', `/api/v1/maintenances/${maintenance.id}/updates`, {
      body: { status: 'in_progress', body: 'Again.' },
    })
    expect(await errorOf(res)).toMatchObject({ status: 409, code: 'conflict' })
  })

  it('an incident status on a maintenance is refused with 400', async () => {
    const maintenance = await makeMaintenance()
    const before = await tableCounts()
    const res = await call('POST', `/api/v1/maintenances/${maintenance.id}/updates`, {
      body: { status: 'resolved', body: 'x' },
    })
    expect(await errorOf(res)).toMatchObject({ status: 400, code: 'validation_failed' })
    expect(await tableCounts()).toEqual(before)
  })

  it('completing maintenance leaves a component an open incident holds in its outage', async () => {
    const component = await makeComponent()
    const maintenance = await makeMaintenance({ component_ids: [component.id] })
    await advance(maintenance.id, { status: 'in_progress' })
    await makeIncident({ components: { [component.id]: 'major_outage' } })
    expect(await componentStatus(component.id)).toBe('major_outage')
    const completed = await advance(maintenance.id, { status: 'completed' })
    expect(completed.update.affected_components).toEqual([])
    expect(await componentStatus(component.id)).toBe('major_outage')
  })

  it('resolving an incident during maintenance hands the component back to the maintenance', async () => {
    const component = await makeComponent()
    const maintenance = await makeMaintenance({ component_ids: [component.id] })
    await advance(maintenance.id, { status: 'in_progress' })
    const incident = await makeIncident({ components: { [component.id]: 'partial_outage' } })
    await postUpdate(incident.id, { status: 'resolved' })
    expect(await componentStatus(component.id)).toBe('under_maintenance')
  })

  it('a scheduled maintenance does not hold its components when an incident resolves', async () => {
    const component = await makeComponent()
    await makeMaintenance({ component_ids: [component.id] })
    const incident = await makeIncident({ components: { [component.id]: 'partial_outage' } })
    await postUpdate(incident.id, { status: 'resolved' })
    expect(await componentStatus(component.id)).toBe('operational')
  })
})
