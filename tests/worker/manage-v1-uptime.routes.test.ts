import { beforeAll, describe, expect, it } from 'vitest'
import { PARTIAL_OUTAGE_WEIGHT } from '../../src/domain/uptime'
import { instantOfWallClock, wallClockAt } from '../../src/lib/zoned-time'
import { call, callJson, errorOf, makeComponent } from './factories'
import { expectRefused, pageId, v1Json } from './manage-v1-helpers'

/**
 * Component and group uptime, under `/v1` and `/api/v1`: computed from the components' status
 * history (a backfilled incident included), over a range in the page's time zone.
 */

const COMPONENT = '/pages/{page_id}/components/{component_id}/uptime'
const GROUP = '/pages/{page_id}/component-groups/{id}/uptime'
const HOUR = 3_600_000
const DAY = 24 * HOUR
let page: string
let timeZone: string

beforeAll(async () => {
  page = await pageId()
  timeZone = (await callJson('GET', `/api/v1/page`)).time_zone
})

/** The page's calendar date `days` days from today. */
function dateIn(days: number): string {
  const w = wallClockAt(new Date(Date.now() + days * DAY), timeZone)
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`
}

/** Seconds from the first day's midnight to the end of the last, in the page's zone. */
function rangeSeconds(start: string, end: string): number {
  const midnight = (date: string, plus = 0) => {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number]
    return instantOfWallClock({ year, month, day: day + plus, hour: 0, minute: 0 }, timeZone)
  }
  return (midnight(end, 1).getTime() - midnight(start).getTime()) / 1000
}

const expectedPercentage = (major: number, partial: number, range: number) =>
  Math.round((100 - (100 * (major + PARTIAL_OUTAGE_WEIGHT * partial)) / range) * 100) / 100

/** A past incident recorded afterwards: from `began` for `hours`, as `components` say. */
async function backfilled(began: number, hours: number, components: Record<string, string>) {
  return callJson('POST', '/api/v1/incidents', {
    body: {
      name: `Backfilled ${crypto.randomUUID().slice(0, 6)}`,
      status: 'resolved',
      impact: 'major',
      body: 'It happened.',
      backfilled: true,
      backfill_date: new Date(began).toISOString(),
      resolved_at: new Date(began + hours * HOUR).toISOString(),
      components,
    },
  })
}

/** Noon UTC `days` days ago, to the second. */
const noonDaysAgo = (days: number) => {
  const at = new Date(Date.now() - days * DAY)
  at.setUTCHours(12, 0, 0, 0)
  return at.getTime()
}

describe('component uptime', () => {
  it('counts a backfilled outage, under /v1 and /api/v1 alike', async () => {
    const component = await makeComponent()
    const incident = await backfilled(noonDaysAgo(5), 2, { [component.id]: 'major_outage' })
    const [start, end] = [dateIn(-10), dateIn(-1)]
    const query = `?start=${start}&end=${end}`
    const v1 = await v1Json(
      'GET',
      `/pages/${page}/components/${component.id}/uptime${query}`,
      COMPONENT,
      200,
    )
    expect(v1).toEqual({
      id: component.id,
      name: component.name,
      range_start: start,
      range_end: end,
      major_outage: 7200,
      partial_outage: 0,
      uptime_percentage: expectedPercentage(7200, 0, rangeSeconds(start, end)),
      warnings: [],
      related_events: [{ id: incident.id }],
    })
    expect(v1.uptime_percentage).toBeLessThan(100)
    const native = await callJson('GET', `/api/v1/components/${component.id}/uptime${query}`)
    expect(native).toEqual(v1)
    // A range before the outage sees none of it.
    const before = await callJson(
      'GET',
      `/api/v1/components/${component.id}/uptime?start=${dateIn(-20)}&end=${dateIn(-12)}`,
    )
    expect(before).toMatchObject({ major_outage: 0, uptime_percentage: 100, related_events: [] })
  })

  it('starts at the component start date by default, and ends today', async () => {
    const startDate = dateIn(-7)
    const created = await v1Json(
      'POST',
      `/pages/${page}/components`,
      '/pages/{page_id}/components',
      201,
      {
        body: {
          component: { name: `Dated ${crypto.randomUUID().slice(0, 6)}`, start_date: startDate },
        },
      },
    )
    const uptime = await v1Json(
      'GET',
      `/pages/${page}/components/${created.id}/uptime`,
      COMPONENT,
      200,
    )
    expect(uptime).toMatchObject({ range_start: startDate, range_end: dateIn(0), warnings: [] })
    const undated = await makeComponent()
    const plain = await callJson('GET', `/api/v1/components/${undated.id}/uptime`)
    expect(plain).toMatchObject({ range_start: dateIn(-90), range_end: dateIn(0) })
  })

  it('adjusts a range longer than six months or ending later than today, with a warning', async () => {
    const component = await makeComponent()
    const long = await v1Json(
      'GET',
      `/pages/${page}/components/${component.id}/uptime?start=2024&end=2024`,
      COMPONENT,
      200,
    )
    expect(long).toMatchObject({ range_start: '2024-01-01', range_end: '2024-06-30' })
    expect(long.warnings).toEqual([expect.stringContaining('six calendar months')])
    const future = await v1Json(
      'GET',
      `/pages/${page}/components/${component.id}/uptime?start=${dateIn(-3)}&end=2099-01`,
      COMPONENT,
      200,
    )
    expect(future).toMatchObject({ range_start: dateIn(-3), range_end: dateIn(0) })
    expect(future.warnings).toEqual([expect.stringContaining('End date was adjusted to today')])
  })

  it('refuses what it cannot answer, writing nothing', async () => {
    const component = await makeComponent()
    const path = `/pages/${page}/components/${component.id}/uptime`
    await expectRefused(401, 'GET', path, { key: null })
    await expectRefused(404, 'GET', `/pages/${page}/components/nope/uptime`)
    for (const bad of ['soon', '2024-13', '2024-02-30', '1969']) {
      const message = await expectRefused(422, 'GET', `${path}?start=${bad}`)
      expect(message).toContain('start')
    }
    await expectRefused(422, 'GET', `${path}?start=2024-03-10&end=2024-03-01`)
    const hidden = await makeComponent({ showcase: false })
    await expectRefused(422, 'GET', `/pages/${page}/components/${hidden.id}/uptime`)

    const native = `/api/v1/components/${component.id}/uptime`
    expect((await call('GET', native, { token: null })).status).toBe(401)
    const bad = await errorOf(await call('GET', `${native}?end=2024-00`))
    expect(bad).toMatchObject({ status: 400, code: 'validation_failed' })
    const unknown = await errorOf(await call('GET', '/api/v1/components/nope/uptime'))
    expect(unknown).toMatchObject({ status: 404, code: 'not_found' })
  })
})

describe('group uptime', () => {
  it('averages its showcased components, with related incidents by component', async () => {
    const [api, web, hidden] = [
      await makeComponent(),
      await makeComponent(),
      await makeComponent({ showcase: false }),
    ]
    const group = await callJson('POST', '/api/v1/component-groups', {
      body: {
        name: `Group ${crypto.randomUUID().slice(0, 6)}`,
        component_ids: [api.id, web.id, hidden.id],
      },
    })
    const first = await backfilled(noonDaysAgo(4), 2, {
      [api.id]: 'major_outage',
      [hidden.id]: 'major_outage',
    })
    const second = await backfilled(noonDaysAgo(3), 1, { [web.id]: 'partial_outage' })
    const [start, end] = [dateIn(-8), dateIn(-1)]
    const uptime = await v1Json(
      'GET',
      `/pages/${page}/component-groups/${group.id}/uptime?start=${start}&end=${end}`,
      GROUP,
      200,
    )
    // The mean of the two showcased components: 7200 s and 0 s major, 0 s and 3600 s partial.
    expect(uptime).toMatchObject({
      id: group.id,
      name: group.name,
      range_start: start,
      range_end: end,
      major_outage: 3600,
      partial_outage: 1800,
      uptime_percentage: expectedPercentage(3600, 1800, rangeSeconds(start, end)),
      warnings: [],
    })
    expect(uptime.related_events).toEqual([
      { component_id: api.id, incidents: [{ id: first.id }] },
      { component_id: web.id, incidents: [{ id: second.id }] },
    ])
  })

  it('refuses an unknown group, a component id, and a group showing no uptime', async () => {
    const component = await makeComponent({ showcase: false })
    await expectRefused(404, 'GET', `/pages/${page}/component-groups/nope/uptime`)
    await expectRefused(404, 'GET', `/pages/${page}/component-groups/${component.id}/uptime`)
    const group = await callJson('POST', '/api/v1/component-groups', {
      body: { name: `Quiet ${crypto.randomUUID().slice(0, 6)}`, component_ids: [component.id] },
    })
    await expectRefused(404, 'GET', `/pages/${page}/components/${group.id}/uptime`)
    await expectRefused(422, 'GET', `/pages/${page}/component-groups/${group.id}/uptime`)
  })
})

describe('the admin API document', () => {
  it('describes GET /api/v1/components/{id}/uptime with its query and answer', async () => {
    const doc = await callJson('GET', '/api/v1/openapi.json', { token: null })
    const operation = doc.paths['/api/v1/components/{id}/uptime']?.get
    expect(operation).toBeDefined()
    expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['id', 'start', 'end']),
    )
    expect(Object.keys(operation.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '404']),
    )
    expect(doc.components.schemas.ComponentUptime.properties).toHaveProperty('uptime_percentage')
  })
})
