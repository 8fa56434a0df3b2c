import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { alignDailyStatus } from '../../src/domain/daily-status'
import { refreshSnapshot, SNAPSHOT_REUSE_MS } from '../../src/domain/snapshot'
import { PAST_SHOWN } from '../../src/views/status-page'
import {
  call,
  callJson,
  inMinutes,
  makeArea,
  makeComponent,
  makeIncident,
  postUpdate,
} from './factories'

/** GETs a public page without a token and returns status, headers and HTML. */
async function page(path: string, headers: Record<string, string> = {}) {
  const res = await call('GET', path, { token: null, headers })
  return { status: res.status, headers: res.headers, html: await res.text() }
}

/** The text content of every element matching `selector`, as a reader would see it. */
async function textsOf(html: string, selector: string): Promise<string[]> {
  const texts: string[] = []
  const open: number[] = []
  await new HTMLRewriter()
    .on(selector, {
      element(element) {
        const index = texts.push('') - 1
        open.push(index)
        element.onEndTag(() => {
          open.splice(open.indexOf(index), 1)
        })
      },
      text(chunk) {
        for (const index of open) texts[index] += chunk.text
      },
    })
    // Elements are rendered back to back; a space between tags keeps their words apart.
    .transform(new Response(html.replace(/></g, '> <')))
    .text()
  return texts.map((t) => t.replace(/\s+/g, ' ').trim())
}

/** The readable UTC text of a time, as the pages print it before any script runs. */
const utcText = /^\w{3} \d{1,2} \w{3}, \d{2}:\d{2} UTC$/

describe('the status page /', () => {
  it('shows an open incident with its ETA, how often it moved, workaround and next update', async () => {
    const area = await makeArea()
    const created = await makeIncident({
      status: 'investigating',
      impact: 'major',
      body: 'A construction crew cut a fibre bundle.',
      eta: inMinutes(60),
      next_update_at: inMinutes(30),
      area_ids: [area.id],
    })
    await postUpdate(created.id, { status: 'identified', eta: inMinutes(120) })
    const { incident } = await postUpdate(created.id, {
      status: 'identified',
      body: 'Splicing is under way.',
      eta: inMinutes(180),
      progress: 60,
      workaround: 'Use mobile data; ask us for a MiFi.',
    })

    const { status, html } = await page('/')
    expect(status).toBe(200)
    const [card] = (await textsOf(html, 'article.card')).filter((t) => t.includes(incident.name))
    expect(card).toBeDefined()
    expect(card).toContain('Major impact')
    expect(card).toMatch(/ETA moved 2 times: .+ → .+ → .+/)
    expect(card).toContain('Use mobile data; ask us for a MiFi.')
    expect(card).toMatch(/Next update by \w{3} \d{1,2} \w{3}, \d{2}:\d{2} UTC/)
    expect(card).toContain('60%')
    expect(card).toContain(area.name)
    expect(card).toContain('Splicing is under way.')
    // The current stage is marked in words, not by style alone.
    expect(card).toContain('Identified (current stage)')
    expect(html).toContain(`<time datetime="${incident.eta}"`)
    for (const entry of incident.eta_history) expect(html).toContain(`datetime="${entry.eta}"`)
  })

  it('says when an ETA has passed instead of rolling it on', async () => {
    const { name } = await makeIncident({ eta: new Date(Date.now() - 3_600_000).toISOString() })
    const { html } = await page('/')
    const [card] = (await textsOf(html, 'article.card')).filter((t) => t.includes(name))
    expect(card).toMatch(/ETA \w{3} \d{1,2} \w{3}, \d{2}:\d{2} UTC passed — no new estimate yet/)
  })

  it('says by how long an update is overdue', async () => {
    const { id, name } = await makeIncident({ next_update_at: inMinutes(30) })
    // The API refuses a past next_update_at, so the promise is moved into the past directly.
    const promised = new Date(Date.now() - 12 * 60_000 - 5_000).toISOString()
    await env.DB.prepare('UPDATE incidents SET next_update_at = ? WHERE id = ?')
      .bind(promised, id)
      .run()
    await refreshSnapshot(env)

    const { html } = await page('/')
    const [card] = (await textsOf(html, 'article.card')).filter((t) => t.includes(name))
    expect(card).toContain('Update overdue by 12 min')
    expect(card).not.toContain('Next update by')
    expect(html).toContain(`<time datetime="${promised}"`)
  })

  it('escapes incident text', async () => {
    const name = `<script>alert(1)</script> ${crypto.randomUUID()}`
    const { id } = await makeIncident({ name, body: '<img src=x onerror=alert(2)>' })
    for (const path of ['/', `/incidents/${id}`, '/history']) {
      const { html } = await page(path)
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
      expect(html).not.toContain('<script>alert(1)')
      expect(html).not.toContain('<img src=x')
    }
  })

  it('lists components under their group with their status in words', async () => {
    const groupName = `Network ${crypto.randomUUID().slice(0, 6)}`
    const member = await makeComponent({ group_name: groupName })
    const loner = await makeComponent()
    await makeIncident({ components: { [member.id]: 'partial_outage' } })

    const { html } = await page('/')
    const groups = (await textsOf(html, 'li.group')).filter((t) => t.startsWith(groupName))
    expect(groups).toHaveLength(1)
    expect(groups[0]).toContain(member.name)
    expect(groups[0]).toContain('Partial outage')
    expect(groups[0]).not.toContain(loner.name)
    const rows = await textsOf(html, 'li.component')
    expect(rows.find((r) => r.startsWith(loner.name))).toContain('Operational')
    // 90 daily bars drawn as a line per status (operational, no data before the component
    // existed, partial outage), today's outage told in words and on hover.
    const bars = html.split(`<div class="bars" id="bars-${member.id}">`)[1]!.split('</details>')[0]!
    expect(bars).toContain('viewBox="0 0 359 20"')
    expect(bars.match(/<path /g)).toHaveLength(3)
    expect(bars).toMatch(/<title>No data: \d{1,2} \w{3,4} – \d{1,2} \w{3,4}<\/title>/)
    expect(bars).toMatch(/<title>Partial outage: \d{1,2} \w{3,4}<\/title>/)
    expect(bars).toMatch(/<summary>1 day with problems in the last (day|\d+ days)<\/summary>/)
    expect(bars).toMatch(/<li>Partial outage: \d{1,2} \w{3,4}<\/li>/)
  })

  it('lists upcoming maintenance under Upcoming, and incidents resolved in the last week', async () => {
    const component = await makeComponent()
    const maintenance = await callJson('POST', '/api/v1/maintenances', {
      body: {
        name: `Database upgrade ${crypto.randomUUID().slice(0, 6)}`,
        body: 'The primary database is upgraded.',
        scheduled_for: inMinutes(24 * 60),
        scheduled_until: inMinutes(26 * 60),
        component_ids: [component.id],
      },
    })
    const resolved = await makeIncident({
      status: 'resolved',
      started_at: new Date(Date.now() - 2 * 86_400_000).toISOString(),
    })

    const { html } = await page('/')
    const [maintenanceSection] = (await textsOf(html, 'section')).filter((t) =>
      t.startsWith('Upcoming'),
    )
    expect(maintenanceSection).toContain(maintenance.name)
    expect(html).toContain(`<time datetime="${maintenance.scheduled_for}"`)
    const [pastSection] = (await textsOf(html, 'section')).filter((t) =>
      t.startsWith('Past incidents'),
    )
    expect(pastSection).toContain(resolved.name)
    expect(html).toContain(`href="/incidents/${resolved.id}"`)
  })

  it('lists only the latest ten of a busy week, and says how many more the history holds', async () => {
    const created = []
    for (let n = 0; n < PAST_SHOWN + 2; n++) {
      created.push(
        await makeIncident({
          status: 'resolved',
          started_at: new Date(Date.now() - (20 - n) * 3_600_000).toISOString(),
        }),
      )
    }
    const weekAgo = Date.now() - 7 * 86_400_000
    const { incidents } = await callJson('GET', '/api/v2/incidents.json', { token: null })
    const closedThisWeek = (incidents as { resolved_at: string | null }[]).filter(
      (i) => i.resolved_at && Date.parse(i.resolved_at) >= weekAgo,
    ).length

    const { html } = await page('/')
    const past = html.slice(html.indexOf('id="past-incidents"'))
    expect((await textsOf(past, 'ul.past > li')).length).toBe(PAST_SHOWN)
    for (const shown of created.slice(2)) expect(past).toContain(shown.name)
    for (const hidden of created.slice(0, 2)) expect(past).not.toContain(hidden.name)
    const more = closedThisWeek - PAST_SHOWN
    expect(await textsOf(past, 'p')).toContain(
      `${more} more were resolved in the last 7 days; the full history lists them.`,
    )
    const history = await page('/history')
    for (const incident of created) expect(history.html).toContain(incident.name)
  })

  it('is a complete, accessible document without JavaScript', async () => {
    const { html } = await page('/')
    expect(html.startsWith('<!doctype html>')).toBe(true)
    expect(html).toContain('<html lang="en" dir="ltr" data-locale="en-GB">')
    expect(html).toContain('<title>Candor status</title>')
    expect(html).toContain('<a class="skip-link" href="#main">')
    expect(html).toMatch(/<main id="main"/)
    expect(html).toContain('<link rel="stylesheet" href="/style.css"/>')
    expect(html).toContain('href="/history"')
    expect(html).toContain('href="/subscribe"')
    // The feeds and the maintenance calendar are announced to feed readers.
    expect(html).toMatch(
      /<link rel="alternate" type="application\/atom\+xml"[^>]*href="\/feed.atom"/,
    )
    expect(html).toMatch(/<link rel="alternate" type="application\/rss\+xml"[^>]*href="\/feed.rss"/)
    expect(html).toMatch(/<link rel="alternate" type="text\/calendar"[^>]*href="\/maintenance.ics"/)
    // Every time is a <time datetime> with readable UTC text.
    const times = html.match(/<time[^>]*>[^<]*<\/time>/g) ?? []
    expect(times.length).toBeGreaterThan(0)
    for (const time of times) {
      const [, datetime, text] = time.match(/<time datetime="([^"]+)"[^>]*>([^<]*)<\/time>/)!
      expect(Number.isNaN(Date.parse(datetime!))).toBe(false)
      expect(text).toMatch(utcText)
    }
  })

  it('is cacheable and answers 304 to a matching If-None-Match', async () => {
    const first = await page('/')
    expect(first.headers.get('cache-control')).toBe('public, max-age=10, stale-while-revalidate=30')
    const tag = first.headers.get('etag')
    expect(tag).toBeTruthy()
    const again = await page('/', { 'if-none-match': tag! })
    expect(again.status).toBe(304)
    expect(again.html).toBe('')
    expect(again.headers.get('cache-control')).toBe('public, max-age=10, stale-while-revalidate=30')
  })
})

describe('the incident page /incidents/{id}', () => {
  it('shows every update, newest first, and the whole ETA history', async () => {
    const component = await makeComponent()
    const created = await makeIncident({
      body: 'First: we are looking into it.',
      eta: inMinutes(60),
      components: { [component.id]: 'major_outage' },
    })
    await postUpdate(created.id, {
      status: 'identified',
      body: 'Second: cause found.',
      eta: inMinutes(240),
      next_steps: 'Replace the switch.',
      progress: 30,
    })
    const { incident } = await postUpdate(created.id, {
      status: 'resolved',
      body: 'Third: fixed.',
      components: { [component.id]: 'operational' },
    })

    const { status, headers, html } = await page(`/incidents/${created.id}`)
    expect(status).toBe(200)
    expect(headers.get('cache-control')).toBe('public, max-age=10, stale-while-revalidate=30')
    expect(html).toContain(`<title>${created.name} · Candor</title>`)
    const updates = await textsOf(html, 'ol.timeline > li')
    expect(updates).toHaveLength(3)
    expect(updates[0]).toMatch(/^Resolved .*Third: fixed\./)
    expect(updates[0]).toContain('Major outage → Operational')
    expect(updates[1]).toMatch(/^Identified .*Second: cause found\./)
    expect(updates[1]).toContain('Replace the switch.')
    expect(updates[1]).toContain('30%')
    expect(updates[2]).toMatch(/^Investigating .*First: we are looking into it\./)
    expect(updates[2]).toContain('Operational → Major outage')

    const etas = await textsOf(html, 'ol.eta-history > li')
    expect(etas).toHaveLength(2)
    for (const [index, entry] of incident.eta_history.entries()) {
      expect(html).toContain(`<time datetime="${entry.eta}"`)
      expect(etas[index]).toMatch(/^ETA \w{3} \d{1,2} \w{3}, \d{2}:\d{2} UTC, given /)
    }
    const facts = (await textsOf(html, 'dl.facts'))[0]!
    expect(facts).toContain(component.name)
    expect(facts).toMatch(/Resolved \w{3} \d{1,2} \w{3}, \d{2}:\d{2} UTC/)
    expect(html).toContain(`<time datetime="${incident.resolved_at}"`)
  })

  it('shows a maintenance with its window', async () => {
    const component = await makeComponent()
    const maintenance = await callJson('POST', '/api/v1/maintenances', {
      body: {
        name: 'Router firmware',
        body: 'New firmware on the core routers.',
        scheduled_for: inMinutes(60),
        scheduled_until: inMinutes(120),
        component_ids: [component.id],
      },
    })
    const { status, html } = await page(`/incidents/${maintenance.id}`)
    expect(status).toBe(200)
    expect(html).toContain('Scheduled maintenance')
    expect(html).toContain(`<time datetime="${maintenance.scheduled_for}"`)
    expect(html).toContain(`<time datetime="${maintenance.scheduled_until}"`)
    expect(html).toContain('New firmware on the core routers.')
  })

  it('reads an incident no longer in the snapshot from D1', async () => {
    const old = await makeIncident({
      name: 'Long ago',
      status: 'resolved',
      started_at: '2020-01-15T10:00:00Z',
    })
    await env.SNAPSHOTS.put(
      'snapshot:v1',
      JSON.stringify({ ...(await refreshSnapshot(env)), incidents: [] }),
    )
    // Other isolates' copies of the snapshot are read from KV again after a second.
    await new Promise((r) => setTimeout(r, SNAPSHOT_REUSE_MS + 50))
    const { status, html } = await page(`/incidents/${old.id}`)
    expect(status).toBe(200)
    expect(html).toContain('Long ago')
    await refreshSnapshot(env)
  })

  it('answers an unknown id with a readable 404 page', async () => {
    const { status, headers, html } = await page('/incidents/no-such-incident')
    expect(status).toBe(404)
    expect(headers.get('content-type')).toMatch(/^text\/html/)
    expect(html).toContain('<h1>Page not found</h1>')
    expect(html).toContain('href="/"')
  })
})

describe('the history page /history', () => {
  const monthName = (t: number) =>
    new Date(t).toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })

  it('groups past incidents by month, newest month first, with older pages', async () => {
    const now = Date.now()
    const thisMonth = new Date(now)
    const recent = await makeIncident({
      status: 'resolved',
      started_at: new Date(now - 60_000).toISOString(),
    })
    const lastMonthAt = Date.UTC(thisMonth.getUTCFullYear(), thisMonth.getUTCMonth() - 1, 10)
    const lastMonth = await makeIncident({
      status: 'resolved',
      started_at: new Date(lastMonthAt).toISOString(),
    })
    const olderAt = Date.UTC(thisMonth.getUTCFullYear(), thisMonth.getUTCMonth() - 4, 10)
    const older = await makeIncident({
      status: 'resolved',
      started_at: new Date(olderAt).toISOString(),
    })

    const first = await page('/history')
    expect(first.status).toBe(200)
    expect(first.headers.get('cache-control')).toBe('public, max-age=10, stale-while-revalidate=30')
    // The ETA record comes first; the months follow.
    const [record, ...headings] = await textsOf(first.html, 'main h2')
    expect(record).toBe('How our estimates held')
    expect(headings.slice(0, 2)).toEqual([monthName(now), monthName(lastMonthAt)])
    expect(headings).toHaveLength(3)
    const months = (await textsOf(first.html, 'main section')).slice(1)
    expect(months[0]).toContain(recent.name)
    expect(months[0]).not.toContain(lastMonth.name)
    expect(months[1]).toContain(lastMonth.name)
    expect(first.html).not.toContain(older.name)
    expect(first.html).toContain('href="/history?page=1"')

    const second = await page('/history?page=1')
    const olderMonths = (await textsOf(second.html, 'main section')).slice(1)
    expect(olderMonths.find((m) => m.startsWith(monthName(olderAt)))).toContain(older.name)
    expect(second.html).toContain('href="/history"')
  })
})

describe('alignDailyStatus', () => {
  it('slides the bars to today, filling new days with the current status', () => {
    const days = ['operational', 'major_outage', null] as const
    const builtAt = '2026-11-20T23:00:00.000Z'
    expect(
      alignDailyStatus(days, builtAt, new Date('2026-11-20T23:59:00Z'), 'operational'),
    ).toEqual(['operational', 'major_outage', null])
    expect(
      alignDailyStatus(days, builtAt, new Date('2026-11-22T01:00:00Z'), 'degraded_performance'),
    ).toEqual([null, 'degraded_performance', 'degraded_performance'])
    expect(
      alignDailyStatus(days, builtAt, new Date('2027-01-01T00:00:00Z'), 'operational'),
    ).toEqual(['operational', 'operational', 'operational'])
  })
})
