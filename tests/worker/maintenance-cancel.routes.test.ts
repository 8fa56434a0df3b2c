import { z } from '@hono/zod-openapi'
import { env } from 'cloudflare:workers'
import { XMLParser } from 'fast-xml-parser'
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { runMaintenanceAutopilot } from '../../src/clock/maintenance-autopilot'
import type { AppEnv } from '../../src/env'
import { IncidentUpdateSchema, MaintenanceSchema } from '../../src/schemas/statuspage'
import {
  call,
  callJson,
  errorOf,
  inMinutes,
  makeComponent,
  makeMaintenance,
  makeToken,
  postMaintenanceUpdate,
  publicJson,
  rows,
  tableCounts,
} from './factories'

/** Cancelling a scheduled maintenance: the route, what it writes, and what readers then see. */

const CancelResponse = z.object({ update: IncidentUpdateSchema, incident: MaintenanceSchema })

const later = (minutes: number) => new Date(Date.now() + minutes * 60_000)

async function cancel(id: string, body?: unknown) {
  return CancelResponse.parse(await callJson('POST', `/api/v1/maintenances/${id}/cancel`, { body }))
}

async function eventsFor(id: string): Promise<string[]> {
  const events = await rows<{ event_type: string }>(
    'SELECT event_type FROM outbox WHERE incident_id = ? ORDER BY created_at, rowid',
    id,
  )
  return events.map((e) => e.event_type)
}

const componentStatus = async (id: string) =>
  (await callJson('GET', `/api/v1/components/${id}`)).status

async function publicText(path: string): Promise<string> {
  const res = await call('GET', path, { token: null })
  expect(res.status).toBe(200)
  return res.text()
}

describe('POST /api/v1/maintenances/{id}/cancel', () => {
  it('closes a scheduled maintenance as completed with cancelled_at, one update, one event, one audit row', async () => {
    const m = MaintenanceSchema.parse(await makeMaintenance({ name: 'Mast upgrade' }))
    expect(m.cancelled_at).toBeNull()

    const before = Date.now()
    const { update, incident } = await cancel(m.id)
    expect(incident.status).toBe('completed')
    expect(incident.cancelled_at).not.toBeNull()
    expect(Date.parse(incident.cancelled_at!)).toBeGreaterThanOrEqual(before - 1000)
    expect(incident.resolved_at).toBe(incident.cancelled_at)
    // It never began: the planned start is kept, not replaced by the time of cancelling.
    expect(incident.started_at).toBe(m.scheduled_for)
    expect(incident.scheduled_for).toBe(m.scheduled_for)
    expect(update).toMatchObject({
      status: 'completed',
      body: 'This maintenance is cancelled; no work will take place.',
      affected_components: [],
      deliver_notifications: true,
    })
    expect(incident.incident_updates.map((u) => u.body)).toEqual([
      'This maintenance is cancelled; no work will take place.',
      'Planned work.',
    ])

    // The native API reads it back the same; the event and the audit log say what happened.
    const read = MaintenanceSchema.parse(await callJson('GET', `/api/v1/maintenances/${m.id}`))
    expect(read.cancelled_at).toBe(incident.cancelled_at)
    expect(read.status).toBe('completed')
    expect(await eventsFor(m.id)).toEqual(['maintenance.scheduled', 'maintenance.completed'])
    const audit = await rows<{ action: string }>(
      'SELECT action FROM audit_log WHERE target_id = ? ORDER BY rowid',
      m.id,
    )
    expect(audit.map((a) => a.action)).toEqual(['maintenance.create', 'maintenance.cancel'])
  })

  it('takes its own words, and notify: false tells nobody', async () => {
    const m = await makeMaintenance()
    const { update, incident } = await cancel(m.id, {
      body: 'The crane is not available; we will reschedule.',
      notify: false,
    })
    expect(update.body).toBe('The crane is not available; we will reschedule.')
    expect(update.deliver_notifications).toBe(false)
    expect(incident.cancelled_at).not.toBeNull()
    expect(await eventsFor(m.id)).toEqual(['maintenance.scheduled'])
  })

  it('never touches component statuses, even one set by hand meanwhile', async () => {
    const mast = await makeComponent()
    const backhaul = await makeComponent()
    const m = await makeMaintenance({ component_ids: [mast.id, backhaul.id] })
    // Set by ops outside any incident: closing a maintenance that never began must not
    // "hand it back" to operational.
    await callJson('PATCH', `/api/v1/components/${mast.id}`, {
      body: { status: 'degraded_performance' },
      expect: 200,
    })
    const changesBefore = await rows('SELECT * FROM component_status_changes')

    const { update } = await cancel(m.id)
    expect(update.affected_components).toEqual([])
    expect(await componentStatus(mast.id)).toBe('degraded_performance')
    expect(await componentStatus(backhaul.id)).toBe('operational')
    expect(await rows('SELECT * FROM component_status_changes')).toEqual(changesBefore)
  })

  it('refuses maintenance in progress or completed with 409 and writes nothing', async () => {
    const component = await makeComponent()
    const running = await makeMaintenance({ component_ids: [component.id] })
    await postMaintenanceUpdate(running.id, { status: 'in_progress' })
    const verifying = await makeMaintenance()
    await postMaintenanceUpdate(verifying.id, { status: 'verifying' })
    const done = await makeMaintenance()
    await postMaintenanceUpdate(done.id, { status: 'completed' })
    const cancelled = await makeMaintenance()
    await cancel(cancelled.id)

    for (const m of [running, verifying, done, cancelled]) {
      const counts = await tableCounts()
      const res = await call('POST', `/api/v1/maintenances/${m.id}/cancel`, { body: {} })
      const error = await errorOf(res)
      expect(error.status).toBe(409)
      expect(error.code).toBe('conflict')
      expect(error.message).toContain('still scheduled')
      expect(await tableCounts()).toEqual(counts)
    }
    const stillRunning = MaintenanceSchema.parse(
      await callJson('GET', `/api/v1/maintenances/${running.id}`),
    )
    expect(stillRunning.status).toBe('in_progress')
    expect(stillRunning.cancelled_at).toBeNull()
    expect(await componentStatus(component.id)).toBe('under_maintenance')
    const stillDone = MaintenanceSchema.parse(
      await callJson('GET', `/api/v1/maintenances/${done.id}`),
    )
    expect(stillDone.cancelled_at).toBeNull()
  })

  it('answers 404 for an unknown id or an incident, 403 to a read token, 400 to bad input', async () => {
    const m = await makeMaintenance()
    const counts = await tableCounts()

    const unknown = await errorOf(await call('POST', '/api/v1/maintenances/nosuchthing1/cancel'))
    expect(unknown).toMatchObject({ status: 404, code: 'not_found' })
    const incident = await callJson('POST', '/api/v1/incidents', {
      body: { name: 'Not a maintenance', status: 'investigating', impact: 'minor', body: 'x' },
    })
    const countsWithIncident = await tableCounts()
    const wrongKind = await errorOf(
      await call('POST', `/api/v1/maintenances/${incident.id}/cancel`),
    )
    expect(wrongKind).toMatchObject({ status: 404, code: 'not_found' })
    expect(await tableCounts()).toEqual(countsWithIncident)

    const { token } = await makeToken(['read'])
    const before = await tableCounts()
    const forbidden = await errorOf(
      await call('POST', `/api/v1/maintenances/${m.id}/cancel`, { token, body: {} }),
    )
    expect(forbidden.status).toBe(403)
    const badBody = await errorOf(
      await call('POST', `/api/v1/maintenances/${m.id}/cancel`, { body: { reason: 'typo' } }),
    )
    expect(badBody).toMatchObject({ status: 400, code: 'validation_failed' })
    expect(await tableCounts()).toEqual(before)
    expect(counts.incidents + 1).toBe(before.incidents)
    expect((await callJson('GET', `/api/v1/maintenances/${m.id}`)).status).toBe('scheduled')
  })

  it('is in the OpenAPI document, with cancelled_at on maintenances', async () => {
    const doc = await publicJson('/api/v1/openapi.json')
    const op = doc.paths['/api/v1/maintenances/{id}/cancel']?.post
    expect(op).toBeDefined()
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['201', '403', '404', '409']))
    expect(doc.components.schemas.ScheduledMaintenance.properties.cancelled_at).toBeDefined()
    expect(doc.components.schemas.CancelMaintenanceInput.properties).toHaveProperty('notify')
  })
})

describe('a cancelled maintenance in public', () => {
  it('leaves the upcoming lists and the status page, keeps Statuspage status completed in v2', async () => {
    const m = await makeMaintenance({ name: 'Cancelled mast upgrade' })
    const kept = await makeMaintenance({ name: 'Kept fibre splice' })
    const upcomingBefore = await publicJson('/api/v2/scheduled-maintenances/upcoming.json')
    expect(upcomingBefore.scheduled_maintenances.map((s: any) => s.id)).toContain(m.id)
    expect(await publicText('/')).toContain('Cancelled mast upgrade')

    await cancel(m.id)
    const upcoming = await publicJson('/api/v2/scheduled-maintenances/upcoming.json')
    const ids = upcoming.scheduled_maintenances.map((s: any) => s.id)
    expect(ids).not.toContain(m.id)
    expect(ids).toContain(kept.id)
    const summary = await publicJson('/api/v2/summary.json')
    expect(summary.scheduled_maintenances.map((s: any) => s.id)).not.toContain(m.id)

    const all = await publicJson('/api/v2/scheduled-maintenances.json')
    const v2 = MaintenanceSchema.parse(all.scheduled_maintenances.find((s: any) => s.id === m.id))
    expect(v2.status).toBe('completed')
    expect(v2.cancelled_at).not.toBeNull()

    const page = await publicText('/')
    const start = page.indexOf('id="upcoming"')
    const upcomingSection = page.slice(start, page.indexOf('</section>', start))
    expect(upcomingSection).toContain('Kept fibre splice')
    expect(upcomingSection).not.toContain('Cancelled mast upgrade')
    // It is among the recently closed, said plainly: cancelled, and when it was planned for.
    const past = page.slice(page.indexOf('id="past-incidents"'))
    const line = past.slice(past.indexOf('Cancelled mast upgrade'))
    expect(line.slice(0, line.indexOf('</li>'))).toMatch(/Cancelled <time[^]*was planned for/)
  })

  it('its page and the feeds say Cancelled', async () => {
    const m = await makeMaintenance({ name: 'Tower repaint' })
    await cancel(m.id, { body: 'Called off: the tower is being sold.' })

    const page = await publicText(`/incidents/${m.id}`)
    expect(page).toContain('Cancelled maintenance')
    expect(page).toMatch(/<strong>Cancelled<\/strong>/)
    expect(page).toContain('Called off: the tower is being sold.')
    expect(page).not.toMatch(/<h3[^>]*>Completed<\/h3>/)

    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' })
    const feed = parser.parse(await publicText('/feed.atom')).feed
    const entries = Array.isArray(feed.entry) ? feed.entry : [feed.entry]
    const entry = entries.find((e: any) => String(e.title).startsWith('Tower repaint'))
    expect(entry.title).toBe('Tower repaint — Cancelled')
    expect(JSON.stringify(entry.content)).toContain('Cancelled maintenance, was planned for')
    const rss = parser.parse(await publicText('/feed.rss')).rss
    const items = Array.isArray(rss.channel.item) ? rss.channel.item : [rss.channel.item]
    expect(items.map((i: any) => i.title)).toContain('Tower repaint — Cancelled')
  })

  it('the calendar keeps the event with its UID as CANCELLED and a higher SEQUENCE', async () => {
    const m = await makeMaintenance({ name: 'Mast upgrade, phase 3' })
    const eventOf = async () => {
      const calendar = new ICAL.Component(ICAL.parse(await publicText('/maintenance.ics')))
      const vevent = calendar
        .getAllSubcomponents('vevent')
        .find((v) => v.getFirstPropertyValue('uid') === `maintenance-${m.id}@candor.test`)
      expect(vevent).toBeDefined()
      return { vevent: vevent!, event: new ICAL.Event(vevent!) }
    }
    const before = await eventOf()
    expect(before.vevent.getFirstPropertyValue('status')).toBe('CONFIRMED')

    await cancel(m.id)
    const after = await eventOf()
    expect(after.event.uid).toBe(before.event.uid)
    expect(after.vevent.getFirstPropertyValue('status')).toBe('CANCELLED')
    expect(after.event.sequence).toBeGreaterThan(before.event.sequence)
    expect(after.event.summary).toBe('Cancelled: Mast upgrade, phase 3')
    expect(after.event.startDate.toJSDate().getTime()).toBe(
      before.event.startDate.toJSDate().getTime(),
    )
  })
})

describe('the clock and a cancelled maintenance', () => {
  it('never starts, completes or reminds it', async () => {
    const component = await makeComponent()
    const m = await makeMaintenance({
      scheduled_for: inMinutes(30),
      scheduled_until: inMinutes(60),
      component_ids: [component.id],
      auto_start: true,
      auto_complete: true,
      remind_before_minutes: 20,
    })
    await cancel(m.id)

    for (const at of [later(15), later(31), later(61), later(120)]) {
      const result = await runMaintenanceAutopilot(env as AppEnv, at)
      expect(result.started).not.toContain(m.id)
      expect(result.completed).not.toContain(m.id)
      expect(result.reminded).not.toContain(m.id)
    }
    expect(await eventsFor(m.id)).toEqual(['maintenance.scheduled', 'maintenance.completed'])
    const read = MaintenanceSchema.parse(await callJson('GET', `/api/v1/maintenances/${m.id}`))
    expect(read.incident_updates).toHaveLength(2)
    expect(read.cancelled_at).not.toBeNull()
    expect(await componentStatus(component.id)).toBe('operational')
  })
})
