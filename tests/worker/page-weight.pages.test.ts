import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { startOfUtcDay } from '../../src/domain/daily-status'
import { refreshSnapshot } from '../../src/domain/snapshot'
import {
  call,
  inMinutes,
  makeArea,
  makeComponent,
  makeIncident,
  makeMaintenance,
  postUpdate,
  resetData,
} from './factories'

/**
 * The status page stays light: the demo page (`npm run seed`: four components in a group, two
 * areas, an open incident, one resolved, maintenance and a known fault announced early) with 90
 * days of mixed history weighs at most 25 KB, and its daily bars are a few elements per
 * component, not one per day, with every day that was not operational told in words.
 */

const DAY = 86_400_000
const HOUR = 3_600_000
const PAGE_BUDGET_BYTES = 25_000
const STATUSES = ['degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance']
const WORDS: Record<string, string> = {
  degraded_performance: 'Degraded performance',
  partial_outage: 'Partial outage',
  major_outage: 'Major outage',
  under_maintenance: 'Under maintenance',
}

/** "14 Nov": a UTC day as the bars name it. */
const dayText = (t: number) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(t)

/** The day-by-day statuses each component was given, by component id: day start → status. */
const history = new Map<string, Map<number, string>>()
let components: { id: string; name: string }[] = []

/** The demo data of scripts/seed.mjs, made through the admin API. */
async function seedDemo() {
  const specs = [
    { name: 'Broadband', group_name: 'Network', description: 'Fibre and DSL home internet' },
    { name: 'Mobile data', group_name: 'Network', description: '4G and 5G data' },
    { name: 'Voice', group_name: 'Network', description: 'Landline and VoIP calls' },
    { name: 'Customer portal', description: 'Billing, orders and support tickets online' },
  ]
  for (const spec of specs) components.push(await makeComponent(spec))
  const [broadband, mobile, voice] = components
  const [m14, m15] = [await makeArea('M14'), await makeArea('M15')]
  const resolved = await makeIncident({
    name: 'Calls failing to connect',
    started_at: new Date(Date.now() - 3 * DAY).toISOString(),
    body: 'Some calls fail to connect or drop after a few seconds. We are investigating.',
    components: { [voice!.id]: 'partial_outage' },
    area_ids: [m15.id],
  })
  await postUpdate(resolved.id, {
    status: 'resolved',
    body: 'The card was replaced and calls connect normally. Sorry for the disruption.',
    components: { [voice!.id]: 'operational' },
  })
  const open = await makeIncident({
    name: 'No broadband in M14',
    impact: 'major',
    body: 'Customers in M14 have no broadband. Engineers are on their way to the exchange.',
    components: { [broadband!.id]: 'major_outage', [voice!.id]: 'degraded_performance' },
    area_ids: [m14.id],
    eta: inMinutes(60),
  })
  await postUpdate(open.id, {
    status: 'identified',
    body: '36 of 96 fibres are spliced. The rest needs a new cable section, due in three hours.',
    eta: inMinutes(180),
    next_update_at: inMinutes(45),
    progress: 40,
    workaround: 'Use mobile data; call us for a free MiFi while the outage lasts.',
    next_steps: 'Pull the new cable section, splice the remaining fibres, test every line.',
  })
  await makeMaintenance({
    name: 'Mast upgrade in M15',
    body: 'We are upgrading the M15 masts to 5G. Mobile data may drop for a few minutes.',
    scheduled_for: inMinutes(24 * 60),
    scheduled_until: inMinutes(26 * 60),
    component_ids: [mobile!.id],
    area_ids: [m15.id],
  })
  await makeIncident({
    name: 'Voice outage in M15 while a cable is replaced',
    status: 'identified',
    impact: 'major',
    body: 'Loss of voice service is expected in M15 while the damaged cable is replaced.',
    components: { [voice!.id]: 'major_outage' },
    area_ids: [m15.id],
    expected_start: inMinutes(30 * 60),
    eta: inMinutes(34 * 60),
  })
}

/**
 * 90 days of mixed history: every third day from 5 to 89 days ago, a two-hour incident recorded
 * afterwards touches every component, each in a different status, turning in a cycle, so no
 * two neighbouring days of a component share a status and no run of days merges.
 */
async function backfillHistory() {
  const today = startOfUtcDay(Date.now())
  for (let k = 0; 5 + 3 * k <= 89; k++) {
    const day = today - (5 + 3 * k) * DAY
    const statuses = Object.fromEntries(
      components.map((c, j) => [c.id, STATUSES[(k + j) % STATUSES.length]!]),
    )
    const res = await call('POST', '/api/v1/incidents', {
      body: {
        name: `Fault ${k + 1}`,
        status: 'resolved',
        impact: 'minor',
        body: 'It was fixed.',
        backfilled: true,
        backfill_date: new Date(day + 10 * HOUR).toISOString(),
        resolved_at: new Date(day + 12 * HOUR).toISOString(),
        components: statuses,
      },
    })
    expect(res.status).toBe(201)
    for (const [id, status] of Object.entries(statuses)) {
      const days = history.get(id) ?? new Map<number, string>()
      days.set(day, status)
      history.set(id, days)
    }
  }
}

/** The bars of one component: its drawing, and the words under it. */
function barsOf(html: string, componentId: string) {
  const part = html.split(`<div class="bars" id="bars-${componentId}">`)[1]
  expect(part, componentId).toBeDefined()
  const [drawing, rest] = part!.split('</svg>')
  const words = rest!.split('<span aria-hidden="true">Today</span>')[0]!
  return { drawing: drawing!, words }
}

describe('the weight of the status page', () => {
  let html = ''
  let bytes = 0

  beforeAll(async () => {
    await resetData()
    components = []
    await seedDemo()
    await backfillHistory()
    await refreshSnapshot(env)
    const res = await call('GET', '/', { token: null })
    expect(res.status).toBe(200)
    html = await res.text()
    bytes = new TextEncoder().encode(html).byteLength
  }, 120_000)

  it(`is at most ${PAGE_BUDGET_BYTES} bytes of HTML with 90 days of mixed history`, () => {
    expect(components.every((c) => html.includes(c.name))).toBe(true)
    expect(html).toContain('No broadband in M14')
    expect(bytes).toBeLessThanOrEqual(PAGE_BUDGET_BYTES)
  })

  it('draws each component in one small SVG, a path per status, never an element per day', () => {
    for (const component of components) {
      const { drawing } = barsOf(html, component.id)
      expect(drawing.match(/<svg /g)).toHaveLength(1)
      expect(drawing).not.toMatch(/<(rect|line|g|use)\b/)
      // An operational line across, and one path for each of the four other statuses.
      expect(drawing.match(/<path /g)).toHaveLength(1 + STATUSES.length)
      // Decoration for the eye: the same days are in words below it.
      expect(drawing).toMatch(/^<svg aria-hidden="true"/)
    }
  })

  it('tells every day that was not operational in words, under its status', () => {
    for (const component of components) {
      const { words } = barsOf(html, component.id)
      expect(words).toMatch(/<summary>\d+ days with problems in the last 90 days<\/summary>/)
      const listed = new Map<string, string[]>()
      for (const [, status, days] of words.matchAll(/<li>([^:<]+): ([^<]+)<\/li>/g)) {
        listed.set(status!, days!.split(', '))
      }
      for (const [day, status] of history.get(component.id)!) {
        expect(listed.get(WORDS[status]!), `${component.name} ${dayText(day)}`).toContain(
          dayText(day),
        )
        // The tooltip over that status's bars names the day too.
        expect(barsOf(html, component.id).drawing).toMatch(
          new RegExp(`<title>${WORDS[status]}: [^<]*\\b${dayText(day)}\\b`),
        )
      }
    }
  })
})
