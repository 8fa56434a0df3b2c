import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import {
  selectOpenIncidentIdsForComponent,
  selectStatusesHeldByOpenIncidents,
} from '../../src/db/components'
import { selectIncidentsByIds } from '../../src/db/incidents'
import { selectIncidentIds } from '../../src/db/incident-lists'
import { selectActiveTokenByHash } from '../../src/db/tokens'
import { createComponent } from '../../src/domain/components'
import { createIncident, postIncidentUpdate } from '../../src/domain/incidents'
import { createMaintenance } from '../../src/domain/maintenances'
import { PublicView } from '../../src/domain/public-view'
import { buildSnapshot, RECENT_LIMIT } from '../../src/domain/snapshot'
import { mintToken, revokeToken } from '../../src/domain/tokens'
import { sha256Hex } from '../../src/lib/ids'
import { domainContext } from './factories'

const T0 = new Date('2026-02-01T08:00:00.000Z')
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000)
const iso = (minutes: number) => at(minutes).toISOString()
let serial = 0
const unique = (prefix: string) => `${prefix} ${++serial}-${crypto.randomUUID().slice(0, 6)}`

async function openIncident(minute: number, fields: Record<string, unknown> = {}) {
  return createIncident(domainContext(at(minute)), {
    name: unique('Incident'),
    status: 'investigating',
    impact: 'minor',
    body: 'x',
    ...fields,
  })
}

async function resolve(id: string, minute: number) {
  await postIncidentUpdate(domainContext(at(minute)), id, 'incident', {
    status: 'resolved',
    body: 'Fixed.',
  })
}

describe('loading incidents', () => {
  it('returns them in the order asked, updates newest first, ETA history oldest first', async () => {
    const a = await openIncident(0, { eta: iso(60) })
    const b = await openIncident(1)
    await postIncidentUpdate(domainContext(at(2)), a.id, 'incident', { body: 'two', eta: iso(90) })
    await postIncidentUpdate(domainContext(at(3)), a.id, 'incident', { body: 'three' })
    const [first, second] = await selectIncidentsByIds(env.DB, [b.id, a.id, 'missing'])
    expect(first!.id).toBe(b.id)
    expect(second!.id).toBe(a.id)
    expect(second!.updates.map((u) => u.body)).toEqual(['three', 'two', 'x'])
    expect(second!.etaHistory.map((e) => e.eta)).toEqual([iso(60), iso(90)])
  })

  it('filters by unresolved/resolved and keeps incidents and maintenances apart', async () => {
    const open = await openIncident(10)
    const closed = await openIncident(11)
    await resolve(closed.id, 12)
    const maintenance = await createMaintenance(domainContext(at(13)), {
      name: unique('Maintenance'),
      body: 'x',
      scheduled_for: iso(100),
      scheduled_until: iso(200),
      component_ids: [],
    })
    const unresolved = await selectIncidentIds(env.DB, 'incident', 'unresolved', 1000)
    const resolved = await selectIncidentIds(env.DB, 'incident', 'resolved', 1000)
    const maintenances = await selectIncidentIds(env.DB, 'maintenance', 'all', 1000)
    expect(unresolved).toContain(open.id)
    expect(unresolved).not.toContain(closed.id)
    expect(resolved).toContain(closed.id)
    expect(resolved).not.toContain(open.id)
    expect(maintenances).toContain(maintenance.id)
    expect(maintenances).not.toContain(open.id)
    expect(unresolved).not.toContain(maintenance.id)
  })
})

describe('which incidents hold a component', () => {
  it('counts open incidents and started maintenances, not resolved ones or scheduled ones', async () => {
    const component = await createComponent(domainContext(T0), { name: unique('Component') })
    const holder = await openIncident(20, { components: { [component.id]: 'partial_outage' } })
    const resolved = await openIncident(21, { components: { [component.id]: 'major_outage' } })
    await resolve(resolved.id, 22)
    await createMaintenance(domainContext(at(23)), {
      name: unique('Maintenance'),
      body: 'x',
      scheduled_for: iso(100),
      scheduled_until: iso(200),
      component_ids: [component.id],
    })
    const asker = await openIncident(24, { components: { [component.id]: 'degraded_performance' } })

    const held = await selectStatusesHeldByOpenIncidents(env.DB, [component.id], asker.id)
    expect(held).toEqual([{ componentId: component.id, status: 'partial_outage' }])
    const open = await selectOpenIncidentIdsForComponent(env.DB, component.id)
    expect(open).toContain(holder.id)
    expect(open).toContain(asker.id)
    expect(open).not.toContain(resolved.id)
  })
})

describe('tokens at rest', () => {
  it('are found by the hash of their secret until revoked', async () => {
    const minted = await mintToken(domainContext(T0), { name: unique('Token'), scopes: ['read'] })
    const found = await selectActiveTokenByHash(env.DB, await sha256Hex(minted.token))
    expect(found?.id).toBe(minted.id)
    expect(await selectActiveTokenByHash(env.DB, minted.token)).toBeNull()
    await revokeToken(domainContext(at(1)), minted.id)
    expect(await selectActiveTokenByHash(env.DB, await sha256Hex(minted.token))).toBeNull()
  })
})

describe('the public snapshot', () => {
  it('keeps an old unresolved incident beside the 50 most recent', async () => {
    const old = await openIncident(1000)
    const recent: string[] = []
    for (let i = 1; i <= RECENT_LIMIT + 2; i++) {
      const incident = await openIncident(1000 + i, { status: 'resolved' })
      recent.push(incident.id)
    }
    const snapshot = await buildSnapshot(env.DB, at(2000))
    const ids = snapshot.incidents.map((i) => i.id)
    expect(ids).toContain(old.id)
    for (const id of recent.slice(-RECENT_LIMIT)) expect(ids).toContain(id)
    expect(ids).not.toContain(recent[0])

    const view = new PublicView(snapshot, 'https://status.example', undefined, at(2000))
    expect(view.unresolvedIncidents().map((i) => i.id)).toContain(old.id)
    expect(view.incidents().map((i) => i.id)[0]).toBe(recent.at(-1))
  })
})
