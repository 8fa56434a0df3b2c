import { XMLParser, XMLValidator } from 'fast-xml-parser'
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import {
  call,
  inMinutes,
  makeComponent,
  makeIncident,
  makeMaintenance,
  postMaintenanceUpdate,
  postUpdate,
} from './factories'

/** Feeds and the maintenance calendar, parsed by independent XML and iCalendar parsers. */

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' })
const asList = <T>(x: T | T[] | undefined): T[] =>
  x === undefined ? [] : Array.isArray(x) ? x : [x]

async function fetchText(path: string) {
  const res = await call('GET', path, { token: null })
  return { res, text: await res.text() }
}

async function atom(path = '/feed.atom') {
  const { res, text } = await fetchText(path)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8')
  expect(XMLValidator.validate(text)).toBe(true)
  return { res, feed: parser.parse(text).feed }
}

describe('Atom feed', () => {
  it('is a valid Atom 1.0 document whose entries carry every update and the honest fields', async () => {
    const component = await makeComponent({ name: 'Fibre <M16>' })
    const incident = await makeIncident({
      name: 'Fibre & copper down',
      impact: 'major',
      components: { [component.id]: 'major_outage' },
      eta: inMinutes(60),
      next_update_at: inMinutes(30),
      workaround: 'Use mobile data.',
      body: 'A cable was cut by <roadworks>.',
    })
    await postUpdate(incident.id, { status: 'identified', body: 'Splicing.', eta: inMinutes(120) })

    const { res, feed } = await atom()
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom')
    expect(feed.title).toContain('status')
    expect(asList(feed.link).map((l: any) => l['@rel'])).toEqual(['self', 'alternate'])
    expect(feed.id).toBe('http://candor.test/feed.atom')
    expect(Date.parse(feed.updated)).not.toBeNaN()
    const entry = asList<any>(feed.entry).find(
      (e) => e.id === `http://candor.test/incidents/${incident.id}`,
    )
    expect(entry).toBeDefined()
    expect(entry.title).toBe('Fibre & copper down — Identified')
    expect(entry.link['@href']).toBe(`http://candor.test/incidents/${incident.id}`)
    expect(entry.summary).toBe('Splicing.')
    // The HTML content, once unescaped, holds escaped text only: never the raw markup given.
    const html: string = entry.content['#text']
    expect(entry.content['@type']).toBe('html')
    expect(html).toContain('A cable was cut by &lt;roadworks&gt;.')
    expect(html).not.toContain('<roadworks>')
    expect(html).toContain('Affects: Fibre &lt;M16&gt;')
    expect(html).toMatch(/ETA \w{3} \d+ \w{3}, \d\d:\d\d UTC — moved once: .+ UTC → .+ UTC<br>/)
    expect(html).toContain('Workaround: Use mobile data.')
    expect(html.indexOf('Splicing.')).toBeLessThan(html.indexOf('A cable was cut'))
    expect(res.headers.get('etag')).toBeTruthy()
    expect(res.headers.get('cache-control')).toContain('stale-while-revalidate')
  })

  it('?component= keeps only what touches that component or a member of that group', async () => {
    const group = await makeComponent({ name: 'Network group', group_name: 'Network feeds' })
    const other = await makeComponent()
    const inGroup = await makeIncident({ components: { [group.id]: 'partial_outage' } })
    const elsewhere = await makeIncident({ components: { [other.id]: 'partial_outage' } })
    const groupId = group.group_id as string
    for (const id of [group.id, groupId]) {
      const { feed } = await atom(`/feed.atom?component=${id}`)
      const ids = asList<any>(feed.entry).map((e) => e.id)
      expect(ids).toContain(`http://candor.test/incidents/${inGroup.id}`)
      expect(ids).not.toContain(`http://candor.test/incidents/${elsewhere.id}`)
      expect(asList<any>(feed.link)[0]['@href']).toBe(
        `http://candor.test/feed.atom?component=${id}`,
      )
    }
  })

  it('answers 304 to its own ETag', async () => {
    const first = await call('GET', '/feed.atom', { token: null })
    const tag = first.headers.get('etag')!
    await first.text()
    const again = await call('GET', '/feed.atom', {
      token: null,
      headers: { 'if-none-match': tag },
    })
    expect(again.status).toBe(304)
  })
})

describe('text feeds cannot carry', () => {
  it('control characters from a monitoring system are dropped, so the feed stays valid XML', async () => {
    const incident = await makeIncident({
      name: 'Bell\u0007 and escape\u001b[31m',
      body: 'Disk \u0008full\u0000 on node 3',
    })
    const { text } = await fetchText('/feed.atom')
    expect(XMLValidator.validate(text)).toBe(true)
    const entry = asList<any>(parser.parse(text).feed.entry).find(
      (e) => e.id === `http://candor.test/incidents/${incident.id}`,
    )
    expect(entry.title).toBe('Bell and escape[31m — Investigating')
    expect(entry.summary).toBe('Disk full on node 3')
  })

  it('a line break in a calendar text value cannot start a property of its own', async () => {
    const m = await makeMaintenance({ name: 'Work\rSTATUS:CANCELLED', body: 'A\rB' })
    const { text } = await fetchText('/maintenance.ics')
    expect(text).not.toMatch(/\r(?!\n)/)
    const event = new ICAL.Component(ICAL.parse(text))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v))
      .find((e) => e.uid === `maintenance-${m.id}@candor.test`)!
    expect(event.summary).toBe('Work\nSTATUS:CANCELLED')
    expect(event.component.getFirstPropertyValue('status')).toBe('CONFIRMED')
  })
})

describe('an incident announced in advance', () => {
  it('is titled upcoming, with when it is expected, not as if it were happening', async () => {
    const expected = new Date(Date.now() + 26 * 3_600_000).toISOString()
    const incident = await makeIncident({
      name: 'Cable replacement in M15',
      status: 'identified',
      impact: 'major',
      expected_start: expected,
    })
    const { feed } = await atom()
    const entry = asList<any>(feed.entry).find(
      (e) => e.id === `http://candor.test/incidents/${incident.id}`,
    )
    expect(entry.title).toMatch(/^Cable replacement in M15 — Upcoming, expected from \w{3} /)
    expect(entry.content['#text']).toContain('Announced in advance: expected from')
  })
})

describe('RSS feed', () => {
  it('is a valid RSS 2.0 document with one item per incident and maintenance', async () => {
    const incident = await makeIncident({ name: 'RSS incident' })
    const maintenance = await makeMaintenance({ name: 'RSS maintenance' })
    const { res, text } = await fetchText('/feed.rss')
    expect(res.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8')
    expect(XMLValidator.validate(text)).toBe(true)
    const { rss } = parser.parse(text)
    expect(rss['@version']).toBe('2.0')
    const channel = rss.channel
    expect(channel.link).toBe('http://candor.test/')
    expect(channel['atom:link']['@href']).toBe('http://candor.test/feed.rss')
    expect(Date.parse(channel.lastBuildDate)).not.toBeNaN()
    const items = asList<any>(channel.item)
    const byLink = new Map(items.map((i) => [i.link, i]))
    const inc = byLink.get(`http://candor.test/incidents/${incident.id}`)
    expect(inc.title).toBe('RSS incident — Investigating')
    expect(inc.guid['#text']).toBe(inc.link)
    expect(new Date(inc.pubDate).toISOString()).toBe(
      new Date(Math.floor(Date.parse(incident.created_at) / 1000) * 1000).toISOString(),
    )
    expect(byLink.get(`http://candor.test/incidents/${maintenance.id}`).category).toBe(
      'maintenance',
    )
  })
})

describe('maintenance calendar', () => {
  it('is valid iCalendar: stable UIDs, the window, and SEQUENCE bumped on every change', async () => {
    const component = await makeComponent({ name: 'Mast, north; east' })
    const m = await makeMaintenance({
      name: 'Mast upgrade, phase 2',
      scheduled_for: inMinutes(60),
      scheduled_until: inMinutes(180),
      component_ids: [component.id],
    })
    const read = async () => {
      const { res, text } = await fetchText('/maintenance.ics')
      expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
      for (const line of text.split('\r\n')) {
        expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
      }
      const calendar = new ICAL.Component(ICAL.parse(text))
      const event = calendar
        .getAllSubcomponents('vevent')
        .map((v) => new ICAL.Event(v))
        .find((e) => e.uid === `maintenance-${m.id}@candor.test`)
      return { calendar, event: event! }
    }
    const { calendar, event } = await read()
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0')
    expect(event.summary).toBe('Mast upgrade, phase 2')
    expect(event.startDate.toJSDate().toISOString()).toBe(
      new Date(Math.floor(Date.parse(m.scheduled_for) / 1000) * 1000).toISOString(),
    )
    expect(event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime()).toBe(
      120 * 60_000,
    )
    expect(event.description).toContain('Affects: Mast, north; east')
    expect(event.description).toContain(`http://candor.test/incidents/${m.id}`)
    expect(event.sequence).toBe(0)

    await postMaintenanceUpdate(m.id, { body: 'Moved the crane booking.' })
    const after = await read()
    expect(after.event.uid).toBe(event.uid)
    expect(after.event.sequence).toBe(1)
    expect(after.event.description).toContain('Moved the crane booking.')
  })
})
