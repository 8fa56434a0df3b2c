import { describe, expect, it } from 'vitest'
import { dueClockAlerts, promiseMadeAt } from '../../src/clock/due-alerts'
import { blankIncident } from '../../src/domain/incidents'
import type { Incident, IncidentUpdate } from '../../src/domain/types'

const T0 = Date.parse('2026-11-23T14:00:00.000Z')
const at = (minutes: number) => new Date(T0 + minutes * 60_000)
const iso = (minutes: number) => at(minutes).toISOString()

function update(minutes: number, nextUpdateAt: string | null): IncidentUpdate {
  return {
    id: `u${minutes}`,
    incidentId: 'inc',
    status: 'identified',
    body: 'x',
    createdAt: iso(minutes),
    updatedAt: iso(minutes),
    displayAt: iso(minutes),
    eta: null,
    nextUpdateAt,
    promisedBy: null,
    progress: null,
    nextSteps: null,
    workaround: null,
    affectedComponents: [],
    deliverNotifications: true,
  }
}

/** An incident whose updates (oldest first) are given as [minute, next_update_at minute]. */
function incident(updates: [number, number | null][], eta: number | null = null): Incident {
  const i = blankIncident('incident', 'Fibre down in M16', iso(0))
  const list = updates.map(([m, next]) => update(m, next === null ? null : iso(next)))
  i.updates = list.reverse()
  i.nextUpdateAt = i.updates[0]!.nextUpdateAt
  i.status = 'identified'
  if (eta !== null) {
    i.eta = iso(eta)
    i.etaHistory = [{ eta: iso(eta), setAt: iso(0), updateId: 'u0' }]
  }
  return i
}

describe('the alerts an incident calls for', () => {
  it('nothing while the promise and the ETA still stand', () => {
    expect(dueClockAlerts(incident([[0, 30]], 120), at(29))).toEqual([])
  })

  it('an overdue update once late, escalated once late by twice the promised interval', () => {
    const i = incident([[0, 30]])
    const late = dueClockAlerts(i, at(31))
    expect(late).toEqual([
      {
        eventType: 'ops.update_overdue',
        episode: `overdue ${iso(30)}`,
        facts: {
          level: 'overdue',
          next_update_at: iso(30),
          promised_at: iso(0),
          promised_interval_minutes: 30,
          overdue_minutes: 1,
        },
      },
    ])
    expect(dueClockAlerts(i, at(89)).map((a) => a.episode)).toEqual([`overdue ${iso(30)}`])
    expect(dueClockAlerts(i, at(90)).map((a) => a.facts.level)).toEqual(['overdue', 'escalated'])
  })

  it('the promise is as old as the first update that gave it, not a later one that kept it', () => {
    const i = incident([
      [0, 10],
      [5, 40],
      [20, 40],
    ])
    expect(promiseMadeAt(i)).toBe(iso(5))
    const [alert] = dueClockAlerts(i, at(41))
    expect(alert!.facts.promised_interval_minutes).toBe(35)
  })

  it('a passed ETA, its own episode per ETA', () => {
    const first = dueClockAlerts(incident([[0, null]], 60), at(75))
    expect(first).toEqual([
      {
        eventType: 'ops.eta_passed',
        episode: `eta ${iso(60)}`,
        facts: { eta: iso(60), eta_moves: 0, passed_minutes: 15 },
      },
    ])
    const moved = dueClockAlerts(incident([[0, null]], 120), at(125))
    expect(moved[0]!.episode).not.toBe(first[0]!.episode)
  })

  it('nothing for a resolved incident, however late its old promise', () => {
    const i = incident([[0, 30]], 60)
    i.status = 'resolved'
    i.resolvedAt = iso(20)
    expect(dueClockAlerts(i, at(200))).toEqual([])
  })
})
