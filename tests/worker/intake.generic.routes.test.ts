import { beforeEach, describe, expect, it } from 'vitest'
import { IncidentSchema } from '../../src/schemas/statuspage'
import { callJson, errorOf, makeComponent, tableCounts } from './factories'
import {
  deliver,
  deliverOk,
  eventsOf,
  fixturePage,
  forgetIntake,
  setIntake,
} from './intake-helpers'

async function incident(id: string) {
  return IncidentSchema.parse(await callJson('GET', `/api/v1/incidents/${id}`))
}

beforeEach(forgetIntake)

describe('generic intake', () => {
  it('one alert, by fingerprint: opens, ignores the repeat, goes to monitoring when resolved', async () => {
    const page = await fixturePage()
    const alert = {
      fingerprint: 'probe-cab-14',
      status: 'firing',
      title: 'No sync behind cabinet 14',
      component: page.broadband,
      area: 'm14',
      severity: 'CRITICAL',
    }
    const opened = await deliverOk('generic', alert, 201)
    expect(opened.alerts).toEqual([
      {
        fingerprint: 'probe-cab-14',
        outcome: 'opened',
        incident_id: expect.any(String),
        update_id: expect.any(String),
        notified: true,
        draft: false,
        unmapped: [],
      },
    ])
    const id = opened.alerts[0]!.incident_id!
    let current = await incident(id)
    expect(current).toMatchObject({
      name: 'No sync behind cabinet 14',
      status: 'investigating',
      impact: 'critical',
    })
    expect(current.components.map((c) => [c.id, c.status])).toEqual([
      [page.broadband, 'major_outage'],
    ])
    expect(current.areas.map((a) => a.id)).toEqual([page.m14])

    const repeat = await deliverOk('generic', alert, 200)
    expect(repeat.alerts[0]!.outcome).toBe('ignored-duplicate')
    expect((await incident(id)).incident_updates).toHaveLength(1)

    const resolved = await deliverOk('generic', { ...alert, status: 'resolved' }, 200)
    expect(resolved.alerts[0]).toMatchObject({ outcome: 'resolved', incident_id: id })
    current = await incident(id)
    expect(current.status).toBe('monitoring')
    expect(current.resolved_at).toBeNull()
    // Resolving stays a human's call: the component keeps what the alert said.
    expect(current.components[0]!.status).toBe('major_outage')
  })

  it('with resolve_when_resolved, a resolved alert resolves the incident and frees its components', async () => {
    const component = await makeComponent()
    await setIntake({ resolve_when_resolved: true, notify_interval_minutes: 0 })
    const alert = {
      fingerprint: 'disk-full',
      status: 'firing',
      title: 'Disk full',
      component: component.name,
    }
    const id = (await deliverOk('generic', alert, 201)).alerts[0]!.incident_id!
    expect((await incident(id)).components[0]!.status).toBe('degraded_performance')

    const answer = await deliverOk('generic', { ...alert, status: 'resolved' }, 200)
    expect(answer.alerts[0]).toMatchObject({ outcome: 'resolved', notified: true })
    const current = await incident(id)
    expect(current.status).toBe('resolved')
    expect((await callJson('GET', `/api/v1/components/${component.id}`)).status).toBe('operational')
    expect((await eventsOf(id)).map((e) => e.event_type)).toEqual([
      'incident.created',
      'incident.resolved',
    ])

    // Firing again after the incident closed opens a new one.
    const reopened = await deliverOk('generic', alert, 201)
    expect(reopened.alerts[0]!.incident_id).not.toBe(id)
  })

  it('a resolved alert nothing knows of is ignored, and opens nothing', async () => {
    const counts = await tableCounts()
    const answer = await deliverOk(
      'generic',
      { fingerprint: 'never-fired', status: 'resolved', title: 'Fine' },
      200,
    )
    expect(answer.alerts[0]).toMatchObject({ outcome: 'ignored', incident_id: null })
    expect((await tableCounts()).incidents).toBe(counts.incidents)
  })

  it('a bad body is 400 with the field paths, and writes nothing', async () => {
    const counts = await tableCounts()
    const cases: [unknown, string][] = [
      [{ fingerprint: 'a', status: 'firing' }, 'title'],
      [{ fingerprint: 'a', status: 'ok', title: 'T' }, 'status'],
      [{ status: 'firing', title: 'T' }, 'fingerprint'],
      [{ fingerprint: 'a', status: 'firing', title: 'T', colour: 'red' }, 'colour'],
      [{ fingerprint: 'a', status: 'firing', title: '   ' }, 'title'],
    ]
    for (const [body, path] of cases) {
      const error = await errorOf(await deliver('generic', body))
      expect([error.status, error.code]).toEqual([400, 'validation_failed'])
      expect((error.details as { path: string }[]).map((d) => d.path)).toContain(path)
    }
    expect(await tableCounts()).toEqual(counts)
  })
})
