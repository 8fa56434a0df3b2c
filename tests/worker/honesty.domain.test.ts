import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { selectComponents } from '../../src/db/components'
import { computeHonesty } from '../../src/domain/honesty'
import { createIncident, getIncident, postIncidentUpdate } from '../../src/domain/incidents'
import { groupChildren, presentIncident, type PresentContext } from '../../src/domain/present'
import { PublicView } from '../../src/domain/public-view'
import { buildSnapshot } from '../../src/domain/snapshot'
import { IncidentSchema } from '../../src/schemas/statuspage'
import { domainContext } from './factories'

const T0 = new Date('2026-05-04T10:00:00.000Z')
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000)
const iso = (minutes: number) => at(minutes).toISOString()
let serial = 0

async function openIncident(fields: { eta?: string | null; next_update_at?: string | null }) {
  return createIncident(domainContext(T0), {
    name: `Honesty ${++serial}`,
    status: 'identified',
    impact: 'major',
    body: 'Fibre cut.',
    ...fields,
  })
}

async function presentContext(now: Date): Promise<PresentContext> {
  const components = await selectComponents(env.DB)
  return {
    pageId: 'page',
    baseUrl: 'https://status.example',
    now,
    components: new Map(components.map((c) => [c.id, c])),
    children: groupChildren(components),
  }
}

describe('computeHonesty', () => {
  it('an update is overdue only once the promised time has passed', async () => {
    const incident = await openIncident({ next_update_at: iso(30) })
    expect(computeHonesty(incident, at(29))).toMatchObject({
      updateOverdue: false,
      overdueMinutes: 0,
    })
    expect(computeHonesty(incident, at(30))).toMatchObject({
      updateOverdue: false,
      overdueMinutes: 0,
    })
    expect(computeHonesty(incident, at(30.5))).toMatchObject({
      updateOverdue: true,
      overdueMinutes: 0,
    })
    expect(computeHonesty(incident, at(42.5))).toMatchObject({
      updateOverdue: true,
      overdueMinutes: 12,
    })
    expect(computeHonesty(incident, at(30 + 26 * 60))).toMatchObject({
      updateOverdue: true,
      overdueMinutes: 26 * 60,
    })
  })

  it('the ETA is passed once its time is behind us', async () => {
    const incident = await openIncident({ eta: iso(60) })
    expect(computeHonesty(incident, at(59)).etaPassed).toBe(false)
    expect(computeHonesty(incident, at(61)).etaPassed).toBe(true)
  })

  it('no promise and no estimate: never overdue, never passed', async () => {
    const incident = await openIncident({ eta: null })
    expect(computeHonesty(incident, at(10_000))).toEqual({
      updateOverdue: false,
      overdueMinutes: 0,
      etaPassed: false,
      etaMoves: 0,
    })
  })

  it('a resolved incident owes nothing, whatever the clock says', async () => {
    const incident = await openIncident({ eta: iso(60), next_update_at: iso(30) })
    await postIncidentUpdate(domainContext(at(20)), incident.id, 'incident', {
      status: 'resolved',
      body: 'Fixed.',
    })
    const resolved = await getIncident(env.DB, incident.id, 'incident')
    expect(computeHonesty(resolved, at(500))).toMatchObject({
      updateOverdue: false,
      overdueMinutes: 0,
      etaPassed: false,
    })
  })

  it('a promise kept by a new update stops the overdue clock; a passed ETA stays passed until moved', async () => {
    const incident = await openIncident({ eta: iso(60), next_update_at: iso(30) })
    expect(computeHonesty(incident, at(45)).updateOverdue).toBe(true)
    await postIncidentUpdate(domainContext(at(45)), incident.id, 'incident', {
      body: 'Sorry for the delay.',
      next_update_at: iso(75),
    })
    let current = await getIncident(env.DB, incident.id, 'incident')
    expect(computeHonesty(current, at(70))).toMatchObject({ updateOverdue: false, etaPassed: true })
    await postIncidentUpdate(domainContext(at(70)), incident.id, 'incident', {
      body: 'New estimate.',
      eta: iso(120),
    })
    current = await getIncident(env.DB, incident.id, 'incident')
    expect(computeHonesty(current, at(71))).toMatchObject({
      updateOverdue: false,
      etaPassed: false,
      etaMoves: 1,
    })
    expect(computeHonesty(current, at(80))).toMatchObject({
      updateOverdue: true,
      overdueMinutes: 5,
    })
  })
})

describe('presenters use the clock they are given', () => {
  it('presentIncident shows overdue minutes and a passed ETA at the chosen time', async () => {
    const incident = await openIncident({ eta: iso(60), next_update_at: iso(30) })
    const early = IncidentSchema.parse(presentIncident(incident, await presentContext(at(10))))
    expect(early).toMatchObject({ update_overdue: false, overdue_minutes: 0, eta_passed: false })
    const late = IncidentSchema.parse(presentIncident(incident, await presentContext(at(72))))
    expect(late).toMatchObject({ update_overdue: true, overdue_minutes: 42, eta_passed: true })
  })

  it('the public view computes the flags when read, not when the snapshot was built', async () => {
    const incident = await openIncident({ eta: iso(60), next_update_at: iso(30) })
    const snapshot = await buildSnapshot(env.DB, at(1))
    const read = (now: Date) =>
      new PublicView(snapshot, 'https://status.example', undefined, now)
        .unresolvedIncidents()
        .find((i) => i.id === incident.id)!
    expect(read(at(5))).toMatchObject({ update_overdue: false, eta_passed: false })
    expect(read(at(95))).toMatchObject({
      update_overdue: true,
      overdue_minutes: 65,
      eta_passed: true,
    })
    expect(
      new PublicView(snapshot, 'https://status.example', undefined, at(95))
        .summary()
        .incidents.find((i) => i.id === incident.id),
    ).toMatchObject({ update_overdue: true, overdue_minutes: 65 })
  })
})
