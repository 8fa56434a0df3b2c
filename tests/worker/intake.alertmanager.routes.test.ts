import { beforeEach, describe, expect, it } from 'vitest'
import { IncidentSchema } from '../../src/schemas/statuspage'
import { callJson, postUpdate, publicJson, rows, tableCounts } from './factories'
import { hookRequests } from './harness'
import {
  allResolved,
  deliver,
  deliverOk,
  eventsOf,
  firing,
  fixturePage,
  forgetIntake,
  partlyResolved,
} from './intake-helpers'
import { hookName, makeWebhook, verified, waitFor } from './pipeline-helpers'

async function incident(id: string) {
  return IncidentSchema.parse(await callJson('GET', `/api/v1/incidents/${id}`))
}

async function incidentsOpenedByIntake() {
  return rows<{ id: string }>("SELECT id FROM incidents WHERE kind = 'incident'")
}

beforeEach(forgetIntake)

describe('Alertmanager webhooks, the real fixtures in sequence', () => {
  it('opens one incident, ignores repeats, waits for the whole group, comes back when it fires again', async () => {
    const page = await fixturePage()
    const before = (await incidentsOpenedByIntake()).length

    // 1. Two alerts fire: one incident, published at once, with both areas and the worst status.
    const opened = await deliverOk('alertmanager', firing, 201)
    expect(opened.alerts.map((a) => [a.fingerprint, a.outcome])).toEqual([
      ['023274d053418820', 'opened'],
      ['fbc0bcc0c7d7c7c7', 'joined'],
    ])
    const id = opened.alerts[0]!.incident_id!
    expect(opened.alerts[1]!.incident_id).toBe(id)
    expect(opened.alerts[0]).toMatchObject({ notified: true, draft: false, unmapped: [] })
    let current = await incident(id)
    expect(current).toMatchObject({
      name: 'Broadband is down in M14',
      status: 'investigating',
      impact: 'critical',
      // The trouble began when the alert began, not when it reached Candor.
      started_at: '2026-11-23T18:58:08.489Z',
    })
    expect(current.components.map((c) => [c.name, c.status])).toEqual([
      ['Broadband', 'major_outage'],
    ])
    expect(current.areas.map((a) => a.name)).toEqual(['M14', 'M15'])
    expect(current.incident_updates[0]!.body).toContain('No sync on 212 lines behind cabinet 14')
    expect(current.incident_updates[0]!.body).toContain('Broadband degraded in M15')
    // Public at once, and subscribers are told.
    const summary = await publicJson('/api/v2/summary.json')
    expect(summary.incidents.map((i: { id: string }) => i.id)).toContain(id)
    expect(summary.components.find((c: { id: string }) => c.id === page.broadband).status).toBe(
      'major_outage',
    )
    expect(await eventsOf(id)).toMatchObject([{ event_type: 'incident.created' }])
    // Who did it: the intake token, in the audit log.
    const [audit] = await rows<{ actor: string; action: string }>(
      "SELECT actor, action FROM audit_log WHERE target_id = ? AND action = 'incident.create'",
      id,
    )
    expect(audit!.actor).not.toBe('owner')

    // 2. Alertmanager repeats the same notification (repeat_interval): nothing changes at all.
    const counts = await tableCounts()
    const repeat = await deliverOk('alertmanager', firing, 200)
    expect(repeat.alerts.map((a) => a.outcome)).toEqual(['ignored-duplicate', 'ignored-duplicate'])
    expect(repeat.alerts.every((a) => a.incident_id === id && a.update_id === null)).toBe(true)
    expect(await tableCounts()).toEqual(counts)

    // 3. One alert resolves while the other fires (the group stays `firing`): still open, no
    // update, nothing sent.
    const partly = await deliverOk('alertmanager', partlyResolved, 200)
    expect(partly.alerts.map((a) => a.outcome)).toEqual(['resolved', 'ignored-duplicate'])
    expect(partly.alerts[0]!.update_id).toBeNull()
    current = await incident(id)
    expect(current.status).toBe('investigating')
    expect(current.incident_updates).toHaveLength(1)
    // ... and said again, still nothing.
    const partlyAgain = await deliverOk('alertmanager', partlyResolved, 200)
    expect(partlyAgain.alerts.map((a) => a.outcome)).toEqual([
      'ignored-duplicate',
      'ignored-duplicate',
    ])

    // 4. The whole group resolved: one `monitoring` update; resolving stays a human's call.
    const resolved = await deliverOk('alertmanager', allResolved(), 200)
    expect(resolved.alerts.map((a) => a.outcome)).toEqual(['ignored-duplicate', 'resolved'])
    expect(resolved.alerts[1]!.update_id).not.toBeNull()
    current = await incident(id)
    expect(current.status).toBe('monitoring')
    expect(current.resolved_at).toBeNull()
    expect(current.incident_updates).toHaveLength(2)
    expect(current.incident_updates[0]!.body).toMatch(/every alert has cleared/)
    const resolvedAgain = await deliverOk('alertmanager', allResolved(), 200)
    expect(resolvedAgain.alerts.map((a) => a.outcome)).toEqual([
      'ignored-duplicate',
      'ignored-duplicate',
    ])
    expect((await incident(id)).incident_updates).toHaveLength(2)

    // 5. It fires again: back to investigating on the same incident, by one update.
    const again = await deliverOk('alertmanager', firing, 200)
    expect(again.alerts.map((a) => [a.outcome, a.incident_id])).toEqual([
      ['updated', id],
      ['updated', id],
    ])
    current = await incident(id)
    expect(current.status).toBe('investigating')
    expect(current.incident_updates).toHaveLength(3)
    expect(current.incident_updates[0]!.body).toContain('Firing again')
    expect((await incidentsOpenedByIntake()).length).toBe(before + 1)

    // Flapping inside the notify interval (15 min): three updates on the timeline, subscribers
    // were told once.
    expect(current.incident_updates.map((u) => u.deliver_notifications)).toEqual([
      false,
      false,
      true,
    ])
    expect(await eventsOf(id)).toHaveLength(1)
  })

  it('a repeat after a human resolved the incident reopens nothing; a new occurrence opens a new one', async () => {
    await fixturePage()
    const first = await deliverOk('alertmanager', firing, 201)
    const id = first.alerts[0]!.incident_id!
    await postUpdate(id, { status: 'resolved', body: 'Cabinet 14 rebooted; fixed.' })

    // The alert still fires, Alertmanager repeats it: the human's call stands.
    const repeat = await deliverOk('alertmanager', firing, 200)
    expect(repeat.alerts.map((a) => a.outcome)).toEqual(['ignored-duplicate', 'ignored-duplicate'])
    expect((await incident(id)).status).toBe('resolved')

    // A new occurrence (a later startsAt) of the trouble opens a new incident.
    const later = structuredClone(firing)
    for (const alert of later.alerts) alert.startsAt = '2026-11-24T08:00:00.000000000Z'
    const reopened = await deliverOk('alertmanager', later, 201)
    expect(reopened.alerts[0]!.outcome).toBe('opened')
    expect(reopened.alerts[0]!.incident_id).not.toBe(id)
  })

  it('an alert coming back while the rest of its group still fires posts nothing', async () => {
    await fixturePage()
    const id = (await deliverOk('alertmanager', firing, 201)).alerts[0]!.incident_id!
    await deliverOk('alertmanager', partlyResolved, 200)
    const back = await deliverOk('alertmanager', firing, 200)
    expect(back.alerts.map((a) => [a.outcome, a.update_id])).toEqual([
      ['joined', null],
      ['ignored-duplicate', null],
    ])
    const current = await incident(id)
    expect(current.status).toBe('investigating')
    expect(current.incident_updates).toHaveLength(1)
    // Its state was kept: when the group clears, the monitoring update still comes.
    await deliverOk('alertmanager', allResolved(), 200)
    expect((await incident(id)).status).toBe('monitoring')
  })

  it('an unknown component or area does not fail the alert: the incident says what was unmapped', async () => {
    await fixturePage()
    const body = structuredClone(firing)
    body.groupKey = '{}:{alertname="FibreDown"}'
    body.alerts = [
      {
        ...body.alerts[0]!,
        fingerprint: 'aa00000000000001',
        labels: { ...body.alerts[0]!.labels, component: 'Fibre', area: 'Narnia' },
      },
    ]
    const answer = await deliverOk('alertmanager', body, 201)
    expect(answer.alerts[0]!.unmapped).toEqual([
      { label: 'component', value: 'Fibre', reason: expect.any(String) },
      { label: 'area', value: 'Narnia', reason: expect.any(String) },
    ])
    const opened = await incident(answer.alerts[0]!.incident_id!)
    expect(opened.components).toEqual([])
    expect(opened.areas).toEqual([])
    expect(opened.incident_updates[0]!.body).toContain('component "Fibre"')
    expect(opened.incident_updates[0]!.body).toContain('area "Narnia"')
  })

  it('a new alert joining the open group adds its area by an update', async () => {
    const page = await fixturePage()
    const first = structuredClone(firing)
    first.groupKey = '{}:{alertname="Joined"}'
    first.alerts = [firing.alerts[1]!]
    const opened = await deliverOk('alertmanager', first, 201)
    const id = opened.alerts[0]!.incident_id!
    expect((await incident(id)).components[0]!.status).toBe('degraded_performance')

    const both = structuredClone(firing)
    both.groupKey = first.groupKey
    const joined = await deliverOk('alertmanager', both, 200)
    expect(joined.alerts.map((a) => a.outcome)).toEqual(['joined', 'ignored-duplicate'])
    const current = await incident(id)
    expect(current.areas.map((a) => a.id).sort()).toEqual([page.m14, page.m15].sort())
    expect(current.components[0]!.status).toBe('major_outage')
    expect(current.impact).toBe('critical')
    expect(current.incident_updates[0]!.body).toContain('Monitoring also reports')
  })
})

describe('two Alertmanagers of a cluster delivering the same group at once', () => {
  it('open one incident between them', async () => {
    await fixturePage()
    const before = (await incidentsOpenedByIntake()).length
    const answers = await Promise.all([1, 2, 3].map(() => deliver('alertmanager', firing)))
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 201])
    expect((await incidentsOpenedByIntake()).length).toBe(before + 1)
  })
})

describe('subscribers and a flapping group', () => {
  it('a webhook subscriber hears once while the group fires, clears and fires again', async () => {
    const page = await fixturePage()
    const name = hookName('intake-flap')
    const hook = await makeWebhook(name, { component_ids: [page.broadband] })
    const opened = await deliverOk('alertmanager', firing, 201)
    await deliverOk('alertmanager', partlyResolved, 200)
    await deliverOk('alertmanager', allResolved(), 200)
    await deliverOk('alertmanager', firing, 200)
    const id = opened.alerts[0]!.incident_id!
    // Events of earlier tests may still be fanning out to this new subscriber: count this one's.
    const about = async () =>
      (await hookRequests(name))
        .map((r) => verified(hook.secret, r))
        .filter((e) => e.incident?.id === id)
    await waitFor(about, (events) => events.length >= 1, 15_000, 'the notice')
    // Anything sent for the later updates would arrive now.
    await new Promise((r) => setTimeout(r, 2500))
    const events = await about()
    expect(events.map((e) => e.meta.event_type)).toEqual(['incident.created'])
  })
})

describe('a large group', () => {
  it('is taken whole: Alertmanager sends every alert of a group in one body, over 64 KB', async () => {
    await fixturePage()
    const body = structuredClone(firing)
    body.groupKey = '{}:{alertname="CabinetDown"}'
    body.alerts = Array.from({ length: 300 }, (_, n) => ({
      ...firing.alerts[1]!,
      fingerprint: `dd${String(n).padStart(14, '0')}`,
      labels: { ...firing.alerts[1]!.labels, instance: `cab-${n}.example.net` },
      annotations: {
        summary: `Broadband degraded behind cabinet ${n}`,
        description: 'x'.repeat(300),
      },
    }))
    expect(JSON.stringify(body).length).toBeGreaterThan(64 * 1024)
    const answer = await deliverOk('alertmanager', body, 201)
    expect(answer.alerts).toHaveLength(300)
    expect(new Set(answer.alerts.map((a) => a.incident_id)).size).toBe(1)
  })
})

describe('refused deliveries', () => {
  it('answers 400 with the paths of what is wrong, and writes nothing', async () => {
    const counts = await tableCounts()
    const cases: [unknown, string][] = [
      [{ ...firing, version: '3' }, 'version'],
      [{ ...firing, alerts: [] }, 'alerts'],
      [{ ...firing, alerts: [{ ...firing.alerts[0], status: 'pending' }] }, 'alerts.0.status'],
      [{ ...firing, groupKey: undefined }, 'groupKey'],
    ]
    for (const [body, path] of cases) {
      const res = await deliver('alertmanager', body)
      expect(res.status).toBe(400)
      const { error } = (await res.json()) as {
        error: { code: string; details: { path: string }[] }
      }
      expect(error.code).toBe('validation_failed')
      expect(error.details.map((d) => d.path)).toContain(path)
    }
    // A generic alert is small: 64 KB is the limit, as everywhere in the API.
    const huge = await deliver('generic', {
      fingerprint: 'x',
      status: 'firing',
      title: 'x'.repeat(70_000),
    })
    expect(huge.status).toBe(413)
    const notJson = await deliver('alertmanager', '{"receiver": ')
    expect(notJson.status).toBe(400)
    expect(await tableCounts()).toEqual(counts)
  })
})
