import { env } from 'cloudflare:workers'
import {
  createExecutionContext,
  createScheduledController,
  waitOnExecutionContext,
} from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { activateDueIncidents } from '../../src/domain/activate-upcoming'
import { loadSnapshot } from '../../src/domain/snapshot'
import worker from '../../src/index'
import { callJson, inMinutes, rows } from './factories'
import { componentStatus, outboxOf, updateBodies, upcomingOutage } from './upcoming-helpers'

const at = (iso: string, plusMinutes = 0) => new Date(Date.parse(iso) + plusMinutes * 60_000)

describe('the clock step activateDueIncidents', () => {
  it('does nothing before the expected start', async () => {
    const { component, incident, expectedStart } = await upcomingOutage()
    expect(await activateDueIncidents(env, at(expectedStart, -1))).toBe(0)
    expect(await componentStatus(component.id)).toBe('operational')
    expect(await updateBodies(incident.id)).toHaveLength(1)
  })

  it('at the expected start: applies the components, records "Now in effect", tells subscribers, rebuilds the snapshot', async () => {
    const { component, incident, expectedStart } = await upcomingOutage()
    const now = at(expectedStart, 0.5)
    expect(await activateDueIncidents(env, now)).toBeGreaterThanOrEqual(1)

    expect(await componentStatus(component.id)).toBe('major_outage')
    const live = await callJson('GET', `/api/v1/incidents/${incident.id}`)
    expect(live).toMatchObject({ upcoming: false, started_at: now.toISOString() })
    expect(live.incident_updates[0].body).toMatch(
      /^Now in effect, as announced for \w{3} \d{1,2} \w{3}, \d\d:\d\d UTC\.$/,
    )
    expect(live.incident_updates[0].affected_components).toEqual([
      expect.objectContaining({ code: component.id, new_status: 'major_outage' }),
    ])
    expect((await outboxOf(incident.id)).map((e) => e.event_type)).toEqual([
      'incident.created',
      'incident.updated',
    ])
    const snapshot = await loadSnapshot(env)
    expect(snapshot.builtAt).toBe(now.toISOString())
    expect(snapshot.components.find((c) => c.id === component.id)!.status).toBe('major_outage')
    const [audit] = await rows<{ actor: string }>(
      `SELECT actor FROM audit_log WHERE target_id = ? AND action = 'incident.update'`,
      incident.id,
    )
    expect(audit!.actor).toBe('clock')
  })

  it('activates once when run twice, one after the other or at the same moment', async () => {
    const { incident, expectedStart } = await upcomingOutage()
    const now = at(expectedStart, 1)
    await Promise.all([activateDueIncidents(env, now), activateDueIncidents(env, now)])
    await activateDueIncidents(env, at(expectedStart, 2))
    const bodies = await updateBodies(incident.id)
    expect(bodies.filter((b) => b.startsWith('Now in effect'))).toHaveLength(1)
    expect((await outboxOf(incident.id)).map((e) => e.event_type)).toEqual([
      'incident.created',
      'incident.updated',
    ])
  })

  it('leaves alone one that ops already made live', async () => {
    const { incident, expectedStart } = await upcomingOutage()
    await callJson('POST', `/api/v1/incidents/${incident.id}/updates`, {
      body: { body: 'Work started early.' },
    })
    await activateDueIncidents(env, at(expectedStart, 1))
    expect(await updateBodies(incident.id)).toEqual(['Work started early.', expect.any(String)])
  })

  it('does not answer the next update ops promised: that promise still stands', async () => {
    const { incident, expectedStart } = await upcomingOutage({ next_update_at: inMinutes(180) })
    await activateDueIncidents(env, at(expectedStart, 1))
    const live = await callJson('GET', `/api/v1/incidents/${incident.id}`)
    expect(live.next_update_at).toBe(incident.next_update_at)
    const [clockUpdate] = await rows<{ promised_by: string | null }>(
      `SELECT promised_by FROM incident_updates WHERE incident_id = ? AND body LIKE 'Now in effect%'`,
      incident.id,
    )
    expect(clockUpdate!.promised_by).toBeNull()
  })
})

describe('the scheduled handler (cron)', () => {
  it('runs the step: an incident due at the scheduled time goes live, once over two runs', async () => {
    const { component, incident, expectedStart } = await upcomingOutage()
    for (const minutes of [1, 2]) {
      const controller = createScheduledController({
        scheduledTime: at(expectedStart, minutes),
        cron: '* * * * *',
      })
      const ctx = createExecutionContext()
      await worker.scheduled(controller, env, ctx)
      await waitOnExecutionContext(ctx)
    }
    expect(await componentStatus(component.id)).toBe('major_outage')
    const bodies = await updateBodies(incident.id)
    expect(bodies.filter((b) => b.startsWith('Now in effect'))).toHaveLength(1)
  })
})
