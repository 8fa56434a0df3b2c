import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildEtaRecord } from '../../src/domain/eta-record'
import { computeEtaStats } from '../../src/domain/eta-stats'
import { createMaintenance } from '../../src/domain/maintenances'
import { incidentStory } from './eta-helpers'
import { domainContext, resetData } from './factories'

const NOW = new Date('2026-06-30T12:00:00.000Z')
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000)

/**
 * Seven incidents and a maintenance with known answers (minutes after each one's start):
 * A  -10 d  ETA 60, promise 30 answered at 20, resolved at exactly 60 → both ETAs met, slip 0
 * B  -20 d  ETA 60, promise 30 answered at 45 (late) with ETA 180 and promise 120, resolved at
 *           100 (on time for 120) → first missed, last met, slip 40
 * C  -30 d  ETA 60 → 240 → 300, resolved at 360 → both missed, slip 300
 * D  -40 d  no ETA, promise 30, resolved at 20 → only its promise counts (on time)
 * E   -2 d  open, ETA 60 and promise 30 long passed, no update → both missed, promise missed
 * F   -1 h  open, ETA in 2 h, promise in 30 min → all pending
 * G -100 d  ETA 60, resolved at 30 → only in windows over 100 days: met, slip 0
 * and a maintenance with an ETA, which never counts.
 */
beforeAll(async () => {
  await resetData()
  await incidentStory(daysAgo(10), { eta: 60, next: 30 }, [
    { at: 20 },
    { at: 60, status: 'resolved' },
  ])
  await incidentStory(daysAgo(20), { eta: 60, next: 30 }, [
    { at: 45, status: 'identified', eta: 180, next: 120 },
    { at: 100, status: 'resolved' },
  ])
  await incidentStory(daysAgo(30), { eta: 60 }, [
    { at: 90, eta: 240 },
    { at: 200, eta: 300 },
    { at: 360, status: 'resolved' },
  ])
  await incidentStory(daysAgo(40), { next: 30 }, [{ at: 20, status: 'resolved' }])
  await incidentStory(daysAgo(2), { eta: 60, next: 30 })
  await incidentStory(new Date(NOW.getTime() - 3_600_000), { eta: 180, next: 90 })
  await incidentStory(daysAgo(100), { eta: 60 }, [{ at: 30, status: 'resolved' }])
  const maintenance = await createMaintenance(domainContext(daysAgo(5)), {
    name: 'Mast upgrade',
    body: 'Planned work.',
    scheduled_for: daysAgo(4).toISOString(),
    scheduled_until: daysAgo(3).toISOString(),
    component_ids: [],
  })
  expect(maintenance.kind).toBe('maintenance')
})

async function statsFor(days: number) {
  const record = await buildEtaRecord(env.DB, NOW)
  return computeEtaStats(record.entries, NOW, days)
}

describe('the ETA record over 90 days', () => {
  it('counts the incidents created in the window and those given an ETA, not maintenance', async () => {
    const stats = await statsFor(90)
    expect(stats).toMatchObject({ days: 90, incidents: 6, with_eta: 5 })
    expect(stats.since).toBe(daysAgo(90).toISOString())
    expect(stats.until).toBe(NOW.toISOString())
  })

  it('first-ETA hits: resolved at or before the first estimate; an open one past it is missed', async () => {
    expect((await statsFor(90)).first_eta).toEqual({ met: 1, missed: 3, pending: 1, share: 0.25 })
  })

  it('last-ETA hits: judged against the last estimate given', async () => {
    expect((await statsFor(90)).last_eta).toEqual({ met: 2, missed: 2, pending: 1, share: 0.5 })
  })

  it('slip from the first ETA to the fix: median and nearest-rank p90, early counts as none', async () => {
    expect((await statsFor(90)).slip_minutes).toEqual({ resolved: 3, median: 40, p90: 300 })
  })

  it('promised updates: on time, late, never posted, not due yet', async () => {
    expect((await statsFor(90)).promises).toEqual({
      total: 6,
      on_time: 3,
      late: 1,
      missed: 1,
      pending: 1,
      share: 0.6,
    })
  })
})

describe('the window', () => {
  it('365 days takes in the older incident', async () => {
    const stats = await statsFor(365)
    expect(stats).toMatchObject({ incidents: 7, with_eta: 6 })
    expect(stats.first_eta).toEqual({ met: 2, missed: 3, pending: 1, share: 0.4 })
    expect(stats.slip_minutes).toEqual({ resolved: 4, median: 20, p90: 300 })
  })

  it('15 days keeps only the recent ones', async () => {
    const stats = await statsFor(15)
    expect(stats).toMatchObject({ incidents: 3, with_eta: 3 })
    expect(stats.first_eta).toEqual({ met: 1, missed: 1, pending: 1, share: 0.5 })
    expect(stats.promises).toMatchObject({ total: 3, on_time: 1, missed: 1, pending: 1 })
  })

  it('a pending promise becomes missed once its time passes with no update', async () => {
    const record = await buildEtaRecord(env.DB, NOW)
    const later = new Date(NOW.getTime() + 6 * 3_600_000)
    const stats = computeEtaStats(record.entries, later, 90)
    expect(stats.promises).toMatchObject({ missed: 2, pending: 0 })
    expect(stats.first_eta).toMatchObject({ missed: 4, pending: 0 })
  })

  it('nothing decided gives null shares, not zero', async () => {
    const stats = computeEtaStats([], NOW, 90)
    expect(stats).toMatchObject({ incidents: 0, with_eta: 0 })
    expect(stats.first_eta.share).toBeNull()
    expect(stats.promises.share).toBeNull()
    expect(stats.slip_minutes).toEqual({ resolved: 0, median: null, p90: null })
  })
})
