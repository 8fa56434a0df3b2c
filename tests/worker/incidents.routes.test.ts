import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { z } from '@hono/zod-openapi'
import { IncidentSchema, IncidentUpdateSchema } from '../../src/schemas/statuspage'
import {
  call,
  callJson,
  errorOf,
  inMinutes,
  makeArea,
  makeComponent,
  makeIncident,
  postUpdate,
  rows,
  tableCounts,
} from './factories'

const UpdateResponse = z.object({ update: IncidentUpdateSchema, incident: IncidentSchema })

async function getIncident(id: string) {
  return IncidentSchema.parse(await callJson('GET', `/api/v1/incidents/${id}`))
}

async function componentStatus(id: string): Promise<string> {
  return (await callJson('GET', `/api/v1/components/${id}`)).status
}

async function update(id: string, fields: Record<string, unknown>) {
  return UpdateResponse.parse(await postUpdate(id, fields))
}

/** Moves an incident's next-update promise, as the passing of time would. */
async function setNextUpdateAt(id: string, at: string) {
  await env.DB.prepare('UPDATE incidents SET next_update_at = ? WHERE id = ?').bind(at, id).run()
}

describe('opening an incident', () => {
  it('answers 201 with the Statuspage shape and Candor’s fields', async () => {
    const api = await makeComponent()
    const web = await makeComponent()
    const area = await makeArea()
    const eta = inMinutes(180)
    const nextUpdateAt = inMinutes(30)
    const res = await call('POST', '/api/v1/incidents', {
      body: {
        name: 'Broadband down in the north',
        status: 'identified',
        impact: 'major',
        body: 'A cable was cut by roadworks.',
        components: { [api.id]: 'major_outage', [web.id]: 'degraded_performance' },
        area_ids: [area.id],
        eta,
        next_update_at: nextUpdateAt,
        progress: 10,
        workaround: 'Use mobile data; ask us for a MiFi.',
      },
    })
    expect(res.status).toBe(201)
    const incident = IncidentSchema.parse(await res.json())
    expect(incident).toMatchObject({
      name: 'Broadband down in the north',
      status: 'identified',
      impact: 'major',
      eta,
      next_update_at: nextUpdateAt,
      progress: 10,
      workaround: 'Use mobile data; ask us for a MiFi.',
      areas: [{ id: area.id, name: area.name }],
      update_overdue: false,
      overdue_minutes: 0,
      eta_passed: false,
      eta_moves: 0,
      resolved_at: null,
      monitoring_at: null,
      resolution_check: { fixed: 0, still_broken: 0 },
    })
    expect(incident.shortlink).toBe(`http://candor.test/incidents/${incident.id}`)

    // One update: the first message, with the component changes it made.
    expect(incident.incident_updates).toHaveLength(1)
    const [first] = incident.incident_updates
    expect(first).toMatchObject({
      status: 'identified',
      body: 'A cable was cut by roadworks.',
      incident_id: incident.id,
      eta,
      next_update_at: nextUpdateAt,
      progress: 10,
      deliver_notifications: true,
    })
    expect(first!.affected_components).toEqual(
      expect.arrayContaining([
        { code: api.id, name: api.name, old_status: 'operational', new_status: 'major_outage' },
        {
          code: web.id,
          name: web.name,
          old_status: 'operational',
          new_status: 'degraded_performance',
        },
      ]),
    )
    expect(first!.affected_components).toHaveLength(2)
    expect(incident.eta_history).toEqual([{ eta, set_at: first!.display_at, update_id: first!.id }])

    // The components now show the incident's statuses, in the incident and on their own.
    expect(incident.components.map((c) => [c.id, c.status]).sort()).toEqual(
      [
        [api.id, 'major_outage'],
        [web.id, 'degraded_performance'],
      ].sort(),
    )
    expect(await componentStatus(api.id)).toBe('major_outage')
    expect(await componentStatus(web.id)).toBe('degraded_performance')
    expect(await getIncident(incident.id)).toEqual(incident)
  })

  it('records an audit row, an outbox row and the status history in the same write', async () => {
    const component = await makeComponent()
    const before = await tableCounts()
    const incident = await makeIncident({ components: { [component.id]: 'partial_outage' } })
    const after = await tableCounts()
    expect(after).toMatchObject({
      incidents: before.incidents + 1,
      incident_updates: before.incident_updates + 1,
      incident_components: before.incident_components + 1,
      component_status_changes: before.component_status_changes + 1,
      audit_log: before.audit_log + 1,
      outbox: before.outbox + 1,
    })
    const [outbox] = await rows<{ event_type: string; update_id: string }>(
      'SELECT event_type, update_id FROM outbox WHERE incident_id = ?',
      incident.id,
    )
    expect(outbox).toEqual({
      event_type: 'incident.created',
      update_id: incident.incident_updates[0].id,
    })
    const audit = await rows('SELECT actor, action FROM audit_log WHERE target_id = ?', incident.id)
    expect(audit).toEqual([{ actor: 'admin-token', action: 'incident.create' }])
    const history = await rows(
      'SELECT status, incident_id FROM component_status_changes WHERE component_id = ? ORDER BY id',
      component.id,
    )
    expect(history).toEqual([
      { status: 'operational', incident_id: null },
      { status: 'partial_outage', incident_id: incident.id },
    ])
  })

  it('with notify:false writes no outbox row and marks the update as not delivered', async () => {
    const before = await tableCounts()
    const incident = await makeIncident({ notify: false })
    const after = await tableCounts()
    expect(after.outbox).toBe(before.outbox)
    expect(after.audit_log).toBe(before.audit_log + 1)
    expect(incident.incident_updates[0].deliver_notifications).toBe(false)
    expect(await rows('SELECT id FROM outbox WHERE incident_id = ?', incident.id)).toEqual([])
  })

  it('an incident with no estimate has eta null and an empty history', async () => {
    const incident = IncidentSchema.parse(await makeIncident({ eta: null }))
    expect(incident.eta).toBeNull()
    expect(incident.eta_history).toEqual([])
    expect(incident.eta_moves).toBe(0)
  })

  it('refuses next_update_at in the past with 400 and writes nothing', async () => {
    const component = await makeComponent()
    const before = await tableCounts()
    const res = await call('POST', '/api/v1/incidents', {
      body: {
        name: 'Late promise',
        status: 'investigating',
        impact: 'minor',
        body: 'x',
        components: { [component.id]: 'major_outage' },
        next_update_at: inMinutes(-5),
      },
    })
    const error = await errorOf(res)
    expect(error).toMatchObject({ status: 400, code: 'validation_failed' })
    expect(error.details).toEqual([expect.objectContaining({ path: 'next_update_at' })])
    expect(await tableCounts()).toEqual(before)
    expect(await componentStatus(component.id)).toBe('operational')
  })
})

describe('posting updates', () => {
  it('keeps every field the update omits', async () => {
    const component = await makeComponent()
    const area = await makeArea()
    const eta = inMinutes(240)
    const nextUpdateAt = inMinutes(45)
    const incident = await makeIncident({
      impact: 'major',
      components: { [component.id]: 'partial_outage' },
      area_ids: [area.id],
      eta,
      next_update_at: nextUpdateAt,
      progress: 40,
      workaround: 'Restart the router.',
    })
    const res = await call('POST', `/api/v1/incidents/${incident.id}/updates`, {
      body: { body: 'Still on it.' },
    })
    expect(res.status).toBe(201)
    const { update: posted, incident: after } = UpdateResponse.parse(await res.json())
    expect(after).toMatchObject({
      name: incident.name,
      status: 'investigating',
      impact: 'major',
      eta,
      next_update_at: nextUpdateAt,
      progress: 40,
      workaround: 'Restart the router.',
      areas: [{ id: area.id, name: area.name }],
    })
    expect(after.components.map((c) => [c.id, c.status])).toEqual([
      [component.id, 'partial_outage'],
    ])
    expect(after.eta_history).toHaveLength(1)
    expect(posted).toMatchObject({
      body: 'Still on it.',
      status: 'investigating',
      eta,
      next_update_at: nextUpdateAt,
      progress: 40,
      affected_components: [],
    })
    // Newest first, as Statuspage orders them.
    expect(after.incident_updates.map((u) => u.id)).toEqual([
      posted.id,
      incident.incident_updates[0].id,
    ])
    expect(await getIncident(incident.id)).toEqual(after)
  })

  it('changes a component’s status and adds components and areas named later', async () => {
    const first = await makeComponent()
    const later = await makeComponent()
    const north = await makeArea()
    const south = await makeArea()
    const incident = await makeIncident({
      components: { [first.id]: 'degraded_performance' },
      area_ids: [north.id],
    })
    const worse = await update(incident.id, {
      components: { [first.id]: 'major_outage', [later.id]: 'partial_outage' },
      area_ids: [south.id],
    })
    expect(worse.update.affected_components).toEqual(
      expect.arrayContaining([
        {
          code: first.id,
          name: first.name,
          old_status: 'degraded_performance',
          new_status: 'major_outage',
        },
        {
          code: later.id,
          name: later.name,
          old_status: 'operational',
          new_status: 'partial_outage',
        },
      ]),
    )
    expect(worse.update.affected_components).toHaveLength(2)
    expect(worse.incident.components.map((c) => c.id).sort()).toEqual([first.id, later.id].sort())
    expect(worse.incident.areas.map((a) => a.id).sort()).toEqual([north.id, south.id].sort())
    expect(await componentStatus(first.id)).toBe('major_outage')
    expect(await componentStatus(later.id)).toBe('partial_outage')

    // An update that names no components leaves them as they are.
    const quiet = await update(incident.id, { status: 'identified' })
    expect(quiet.update.affected_components).toEqual([])
    expect(await componentStatus(first.id)).toBe('major_outage')

    // Resolving hands both back.
    await update(incident.id, { status: 'resolved' })
    expect(await componentStatus(first.id)).toBe('operational')
    expect(await componentStatus(later.id)).toBe('operational')
  })

  it('changes what it names: status, impact, name, progress, workaround', async () => {
    const incident = await makeIncident({ progress: 10, workaround: 'Wait.' })
    const { incident: after } = await update(incident.id, {
      status: 'identified',
      impact: 'critical',
      name: 'Renamed incident',
      progress: 75,
      workaround: null,
    })
    expect(after).toMatchObject({
      status: 'identified',
      impact: 'critical',
      name: 'Renamed incident',
      progress: 75,
      workaround: null,
    })
  })

  it('monitoring sets monitoring_at once', async () => {
    const incident = await makeIncident()
    const { incident: monitoring } = await update(incident.id, { status: 'monitoring' })
    expect(monitoring.monitoring_at).not.toBeNull()
    const { incident: again } = await update(incident.id, { status: 'monitoring' })
    expect(again.monitoring_at).toBe(monitoring.monitoring_at)
  })

  it('keeps every ETA ever given: moved twice → three entries, oldest first, two moves', async () => {
    const first = inMinutes(60)
    const second = inMinutes(120)
    const third = inMinutes(180)
    const incident = await makeIncident({ eta: first })
    const moved = await update(incident.id, { eta: second, body: 'Needs a part.' })
    const movedAgain = await update(incident.id, { eta: third, body: 'Part delayed.' })
    const after = movedAgain.incident
    expect(after.eta).toBe(third)
    expect(after.eta_moves).toBe(2)
    expect(after.eta_history).toEqual([
      {
        eta: first,
        set_at: incident.incident_updates[0].display_at,
        update_id: incident.incident_updates[0].id,
      },
      { eta: second, set_at: moved.update.display_at, update_id: moved.update.id },
      { eta: third, set_at: movedAgain.update.display_at, update_id: movedAgain.update.id },
    ])
    expect(
      await rows('SELECT eta FROM eta_changes WHERE incident_id = ? ORDER BY id', incident.id),
    ).toEqual([{ eta: first }, { eta: second }, { eta: third }])
    // Each update carries the ETA in force after it.
    expect(after.incident_updates.map((u) => u.eta)).toEqual([third, second, first])
  })

  it('repeating the same ETA is not a move', async () => {
    const eta = inMinutes(90)
    const incident = await makeIncident({ eta })
    const { incident: after } = await update(incident.id, { eta })
    expect(after.eta_history).toHaveLength(1)
    expect(after.eta_moves).toBe(0)
  })

  it('an ETA given in another offset is the same instant, stored as UTC', async () => {
    const incident = await makeIncident()
    const local = '2099-06-01T14:00:00+02:00'
    const { incident: after } = await update(incident.id, { eta: local })
    expect(after.eta).toBe('2099-06-01T12:00:00.000Z')
  })

  it('eta: null clears the estimate and the withdrawal is recorded', async () => {
    const eta = inMinutes(60)
    const incident = await makeIncident({ eta })
    const cleared = await update(incident.id, { eta: null, body: 'No estimate any more.' })
    expect(cleared.incident.eta).toBeNull()
    expect(cleared.incident.eta_passed).toBe(false)
    expect(cleared.incident.eta_history).toEqual([
      expect.objectContaining({ eta }),
      { eta: null, set_at: cleared.update.display_at, update_id: cleared.update.id },
    ])
    expect(cleared.incident.eta_moves).toBe(1)
    // Omitting eta afterwards keeps it cleared.
    const { incident: later } = await update(incident.id, {})
    expect(later.eta).toBeNull()
    expect(later.eta_history).toHaveLength(2)
  })

  it('an omitted next_update_at keeps a promise that is still ahead', async () => {
    const promise = inMinutes(30)
    const incident = await makeIncident({ next_update_at: promise })
    const { incident: after, update: posted } = await update(incident.id, { body: 'Quick note.' })
    expect(after.next_update_at).toBe(promise)
    expect(posted.next_update_at).toBe(promise)
  })

  it('an update posted after a promise passed answers it and drops it', async () => {
    const incident = await makeIncident({ next_update_at: inMinutes(30) })
    const past = inMinutes(-10)
    await setNextUpdateAt(incident.id, past)
    expect((await getIncident(incident.id)).update_overdue).toBe(true)
    const { incident: after, update: posted } = await update(incident.id, { body: 'Sorry.' })
    expect(after.next_update_at).toBeNull()
    expect(after.update_overdue).toBe(false)
    const [row] = await rows<{ promised_by: string }>(
      'SELECT promised_by FROM incident_updates WHERE id = ?',
      posted.id,
    )
    expect(row!.promised_by).toBe(past)
  })

  it('refuses next_update_at in the past with 400 and writes nothing', async () => {
    const promise = inMinutes(30)
    const incident = await makeIncident({ next_update_at: promise })
    const before = await tableCounts()
    const res = await call('POST', `/api/v1/incidents/${incident.id}/updates`, {
      body: { body: 'x', status: 'identified', next_update_at: inMinutes(-1), eta: inMinutes(5) },
    })
    const error = await errorOf(res)
    expect(error).toMatchObject({ status: 400, code: 'validation_failed' })
    expect(error.details).toEqual([expect.objectContaining({ path: 'next_update_at' })])
    expect(await tableCounts()).toEqual(before)
    const unchanged = await getIncident(incident.id)
    expect(unchanged).toMatchObject({ status: 'investigating', next_update_at: promise, eta: null })
  })

  it('every update records audit and outbox rows; notify:false only the audit row', async () => {
    const incident = await makeIncident()
    let before = await tableCounts()
    const { update: posted } = await update(incident.id, { status: 'identified' })
    let after = await tableCounts()
    expect(after.audit_log).toBe(before.audit_log + 1)
    expect(after.outbox).toBe(before.outbox + 1)
    const events = await rows<{ event_type: string; payload: string }>(
      'SELECT event_type, payload FROM outbox WHERE update_id = ?',
      posted.id,
    )
    expect(events).toHaveLength(1)
    expect(events[0]!.event_type).toBe('incident.updated')
    expect(JSON.parse(events[0]!.payload)).toEqual({
      status: 'identified',
      previous_status: 'investigating',
      base_url: 'http://candor.test',
    })
    const audit = await rows<{ action: string }>(
      'SELECT action FROM audit_log WHERE target_id = ? ORDER BY id',
      incident.id,
    )
    expect(audit.map((a) => a.action)).toEqual(['incident.create', 'incident.update'])

    before = after
    const quiet = await update(incident.id, { body: 'Typo fixed.', notify: false })
    after = await tableCounts()
    expect(quiet.update.deliver_notifications).toBe(false)
    expect(after.audit_log).toBe(before.audit_log + 1)
    expect(after.outbox).toBe(before.outbox)
    expect(after.incident_updates).toBe(before.incident_updates + 1)
  })

  it('refuses updates to an unknown incident with 404', async () => {
    const before = await tableCounts()
    const res = await call('POST', '/api/v1/incidents/nosuchincident/updates', {
      body: { body: 'x' },
    })
    expect(await errorOf(res)).toMatchObject({ status: 404, code: 'not_found' })
    expect(await tableCounts()).toEqual(before)
  })
})

describe('resolving', () => {
  it('clears the next-update promise, sets resolved_at and returns components to operational', async () => {
    const api = await makeComponent()
    const web = await makeComponent()
    const incident = await makeIncident({
      components: { [api.id]: 'major_outage', [web.id]: 'degraded_performance' },
      next_update_at: inMinutes(20),
      eta: inMinutes(40),
    })
    const before = await tableCounts()
    const resolved = await update(incident.id, { status: 'resolved', body: 'Fixed.' })
    expect(resolved.incident.status).toBe('resolved')
    expect(resolved.incident.next_update_at).toBeNull()
    expect(resolved.incident.resolved_at).toBe(resolved.update.display_at)
    expect(resolved.incident.update_overdue).toBe(false)
    expect(resolved.incident.eta_passed).toBe(false)
    expect(resolved.update.affected_components).toEqual(
      expect.arrayContaining([
        { code: api.id, name: api.name, old_status: 'major_outage', new_status: 'operational' },
        {
          code: web.id,
          name: web.name,
          old_status: 'degraded_performance',
          new_status: 'operational',
        },
      ]),
    )
    expect(resolved.update.affected_components).toHaveLength(2)
    expect(await componentStatus(api.id)).toBe('operational')
    expect(await componentStatus(web.id)).toBe('operational')

    const after = await tableCounts()
    expect(after.component_status_changes).toBe(before.component_status_changes + 2)
    const [event] = await rows<{ event_type: string }>(
      'SELECT event_type FROM outbox WHERE update_id = ?',
      resolved.update.id,
    )
    expect(event!.event_type).toBe('incident.resolved')

    const unresolved = z
      .array(IncidentSchema)
      .parse(await callJson('GET', '/api/v1/incidents?status=unresolved'))
    expect(unresolved.map((i) => i.id)).not.toContain(incident.id)
    const resolvedList = z
      .array(IncidentSchema)
      .parse(await callJson('GET', '/api/v1/incidents?status=resolved'))
    expect(resolvedList.map((i) => i.id)).toContain(incident.id)
  })

  it('a component another open incident holds keeps that incident’s status', async () => {
    const shared = await makeComponent()
    const own = await makeComponent()
    const first = await makeIncident({
      components: { [shared.id]: 'partial_outage', [own.id]: 'degraded_performance' },
    })
    const second = await makeIncident({ components: { [shared.id]: 'major_outage' } })
    expect(await componentStatus(shared.id)).toBe('major_outage')

    // The second incident resolves; the first still holds the shared component.
    const resolved = await update(second.id, { status: 'resolved' })
    expect(await componentStatus(shared.id)).toBe('partial_outage')
    expect(resolved.update.affected_components).toEqual([
      {
        code: shared.id,
        name: shared.name,
        old_status: 'major_outage',
        new_status: 'partial_outage',
      },
    ])

    // Then the first resolves: everything is operational again.
    await update(first.id, { status: 'resolved' })
    expect(await componentStatus(shared.id)).toBe('operational')
    expect(await componentStatus(own.id)).toBe('operational')
  })

  it('resolving while another open incident holds the component at the same status changes nothing', async () => {
    const shared = await makeComponent()
    const first = await makeIncident({ components: { [shared.id]: 'major_outage' } })
    await makeIncident({ components: { [shared.id]: 'major_outage' } })
    const resolved = await update(first.id, { status: 'resolved' })
    expect(resolved.update.affected_components).toEqual([])
    expect(await componentStatus(shared.id)).toBe('major_outage')
  })

  it('a resolved incident can be reopened, and resolved_at is cleared', async () => {
    const incident = await makeIncident()
    await update(incident.id, { status: 'resolved' })
    const { incident: reopened } = await update(incident.id, { status: 'investigating' })
    expect(reopened.resolved_at).toBeNull()
    expect(reopened.status).toBe('investigating')
  })

  it('postmortem is final: postmortem → investigating is 409 and writes nothing', async () => {
    const incident = await makeIncident()
    await update(incident.id, { status: 'resolved' })
    await update(incident.id, { status: 'postmortem', body: 'What went wrong.' })
    const before = await tableCounts()
    const res = await call('POST', `/api/v1/incidents/${incident.id}/updates`, {
      body: { status: 'investigating', body: 'Back again?' },
    })
    expect(await errorOf(res)).toMatchObject({ status: 409, code: 'conflict' })
    expect(await tableCounts()).toEqual(before)
    expect((await getIncident(incident.id)).status).toBe('postmortem')
  })

  it('an incident cannot begin in postmortem (409)', async () => {
    const before = await tableCounts()
    const res = await call('POST', '/api/v1/incidents', {
      body: { name: 'x', status: 'postmortem', impact: 'minor', body: 'x' },
    })
    expect(await errorOf(res)).toMatchObject({ status: 409, code: 'conflict' })
    expect(await tableCounts()).toEqual(before)
  })

  it('a maintenance status on an incident is refused with 400', async () => {
    const incident = await makeIncident()
    const before = await tableCounts()
    const res = await call('POST', `/api/v1/incidents/${incident.id}/updates`, {
      body: { status: 'in_progress', body: 'x' },
    })
    expect(await errorOf(res)).toMatchObject({ status: 400, code: 'validation_failed' })
    expect(await tableCounts()).toEqual(before)
  })

  it('a backfilled incident created resolved leaves today’s component statuses alone', async () => {
    const component = await makeComponent()
    const incident = await makeIncident({
      status: 'resolved',
      started_at: inMinutes(-600),
      components: { [component.id]: 'major_outage' },
    })
    expect(incident.status).toBe('resolved')
    expect(incident.resolved_at).not.toBeNull()
    expect(await componentStatus(component.id)).toBe('operational')
  })

  it('a backfilled incident sorts by when it happened, not when it was entered', async () => {
    const recent = await makeIncident({ started_at: inMinutes(-60) })
    const backfilled = await makeIncident({ status: 'resolved', started_at: inMinutes(-4000) })
    expect(backfilled.created_at).toBe(backfilled.started_at)
    const all = z.array(IncidentSchema).parse(await callJson('GET', '/api/v1/incidents'))
    const ids = all.map((i) => i.id)
    expect(ids.indexOf(recent.id)).toBeLessThan(ids.indexOf(backfilled.id))
  })
})

describe('listing', () => {
  it('GET /api/v1/incidents lists newest first and filters by status', async () => {
    const older = await makeIncident()
    const newer = await makeIncident()
    const all = z.array(IncidentSchema).parse(await callJson('GET', '/api/v1/incidents'))
    const ids = all.map((i) => i.id)
    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id))
    await update(older.id, { status: 'resolved' })
    const open = z
      .array(IncidentSchema)
      .parse(await callJson('GET', '/api/v1/incidents?status=unresolved'))
    expect(open.map((i) => i.id)).toContain(newer.id)
    expect(open.map((i) => i.id)).not.toContain(older.id)
    expect(open.every((i) => i.resolved_at === null)).toBe(true)
    const bad = await call('GET', '/api/v1/incidents?status=open')
    expect(await errorOf(bad)).toMatchObject({ status: 400, code: 'validation_failed' })
  })
})
