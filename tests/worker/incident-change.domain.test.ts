import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { selectIncident } from '../../src/db/incidents'
import { createComponent } from '../../src/domain/components'
import { CandorError } from '../../src/domain/errors'
import { planIncidentChange } from '../../src/domain/incident-change'
import { createIncident, getIncident, postIncidentUpdate } from '../../src/domain/incidents'
import { domainContext, rows, tableCounts } from './factories'

const T0 = new Date('2026-03-02T09:00:00.000Z')
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000)
const iso = (minutes: number) => at(minutes).toISOString()
let serial = 0
const name = (prefix: string) => `${prefix} ${++serial}-${crypto.randomUUID().slice(0, 6)}`

async function openIncident(fields: Partial<Parameters<typeof createIncident>[1]> = {}) {
  return createIncident(domainContext(T0), {
    name: name('Incident'),
    status: 'investigating',
    impact: 'minor',
    body: 'Looking into it.',
    ...fields,
  })
}

describe('two updates planned against the same incident state', () => {
  it('the second batch fails and writes nothing (updates at different instants)', async () => {
    const component = await createComponent(domainContext(T0), { name: name('Component') })
    const incident = await openIncident({ components: { [component.id]: 'partial_outage' } })
    const loaded = (await selectIncident(env.DB, incident.id))!

    const first = await planIncidentChange(domainContext(at(5)), loaded, loaded, {
      status: 'identified',
      body: 'Found it.',
      eta: iso(60),
    })
    const second = await planIncidentChange(domainContext(at(6)), loaded, loaded, {
      status: 'resolved',
      body: 'Fixed.',
      eta: iso(90),
      components: { [component.id]: 'operational' },
    })
    await env.DB.batch(first.statements)
    const before = await tableCounts()
    await expect(env.DB.batch(second.statements)).rejects.toThrow(/NOT NULL constraint/)
    expect(await tableCounts()).toEqual(before)

    const stored = (await selectIncident(env.DB, incident.id))!
    expect(stored.status).toBe('identified')
    expect(stored.eta).toBe(iso(60))
    expect(stored.updates.map((u) => u.id)).toEqual([first.update.id, incident.updates[0]!.id])
    const [row] = await rows<{ status: string }>(
      'SELECT status FROM components WHERE id = ?',
      component.id,
    )
    expect(row!.status).toBe('partial_outage')
  })

  it('the second batch fails and writes nothing (both planned in the same millisecond)', async () => {
    // Workers only advance the clock on I/O, so two requests racing on one incident can easily
    // read the same Date.now(); the guard must not rely on the two timestamps differing.
    const incident = await openIncident()
    const loaded = (await selectIncident(env.DB, incident.id))!
    const sameInstant = domainContext(at(5))
    const first = await planIncidentChange(sameInstant, loaded, loaded, {
      status: 'identified',
      body: 'Found it.',
    })
    const second = await planIncidentChange(sameInstant, loaded, loaded, {
      status: 'monitoring',
      body: 'Watching.',
      eta: iso(30),
    })
    await env.DB.batch(first.statements)
    const before = await tableCounts()
    await expect(env.DB.batch(second.statements)).rejects.toThrow(/NOT NULL constraint/)
    expect(await tableCounts()).toEqual(before)
    const stored = (await selectIncident(env.DB, incident.id))!
    expect(stored.status).toBe('identified')
    expect(stored.updates).toHaveLength(2)
    expect(stored.etaHistory).toEqual([])
  })

  it('postIncidentUpdate turns a lost race into 409 conflict', async () => {
    const incident = await openIncident()
    const loaded = (await selectIncident(env.DB, incident.id))!
    // Someone else's update lands between our read and our write: the second batch() call of
    // postIncidentUpdate is its write (the first loads the incident).
    const racer = await planIncidentChange(domainContext(at(2)), loaded, loaded, {
      body: 'Racer.',
    })
    let batches = 0
    const db = new Proxy(env.DB, {
      get(target, prop, receiver) {
        if (prop === 'batch') {
          return async (statements: D1PreparedStatement[]) => {
            if (++batches === 2) await target.batch(racer.statements)
            return target.batch(statements)
          }
        }
        const value = Reflect.get(target, prop, receiver)
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
    const before = await tableCounts()
    const error = await postIncidentUpdate(
      { ...domainContext(at(3)), db },
      incident.id,
      'incident',
      { body: 'Mine.', status: 'identified' },
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CandorError)
    expect((error as CandorError).code).toBe('conflict')
    const after = await tableCounts()
    expect(after.incident_updates).toBe(before.incident_updates + 1)
    expect((await getIncident(env.DB, incident.id, 'incident')).status).toBe('investigating')
  })

  it('updates planned one after another from fresh reads both land', async () => {
    const incident = await openIncident()
    await postIncidentUpdate(domainContext(at(1)), incident.id, 'incident', {
      body: 'One.',
      status: 'identified',
    })
    await postIncidentUpdate(domainContext(at(1)), incident.id, 'incident', {
      body: 'Two, same instant.',
      status: 'monitoring',
    })
    const stored = await getIncident(env.DB, incident.id, 'incident')
    expect(stored.status).toBe('monitoring')
    expect(stored.updates).toHaveLength(3)
  })
})

describe('planIncidentChange', () => {
  it('refuses a past next_update_at before preparing any statement', async () => {
    const incident = await openIncident()
    const before = await tableCounts()
    const error = await planIncidentChange(domainContext(at(30)), incident, incident, {
      body: 'x',
      next_update_at: iso(29),
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CandorError)
    expect(error).toMatchObject({
      code: 'validation_failed',
      details: [{ path: 'next_update_at', message: expect.any(String) }],
    })
    expect(await tableCounts()).toEqual(before)
  })

  it('an ETA change is stamped with the update’s time and id', async () => {
    const incident = await openIncident({ eta: iso(60) })
    const { update } = await postIncidentUpdate(domainContext(at(10)), incident.id, 'incident', {
      body: 'Later.',
      eta: iso(120),
    })
    const stored = await getIncident(env.DB, incident.id, 'incident')
    expect(stored.etaHistory).toEqual([
      { eta: iso(60), setAt: T0.toISOString(), updateId: incident.updates[0]!.id },
      { eta: iso(120), setAt: iso(10), updateId: update.id },
    ])
  })

  it('a backdated update (display_at) is effective at that time', async () => {
    const incident = await openIncident()
    const { update } = await postIncidentUpdate(domainContext(at(30)), incident.id, 'incident', {
      body: 'We noticed at 09:20.',
      status: 'monitoring',
      display_at: iso(20),
    })
    expect(update.displayAt).toBe(iso(20))
    expect(update.createdAt).toBe(iso(30))
    const stored = await getIncident(env.DB, incident.id, 'incident')
    expect(stored.monitoringAt).toBe(iso(20))
  })

  it('refuses a display_at in the future', async () => {
    const incident = await openIncident()
    const error = await postIncidentUpdate(domainContext(at(10)), incident.id, 'incident', {
      body: 'x',
      display_at: iso(20),
    }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'validation_failed' })
  })
})
