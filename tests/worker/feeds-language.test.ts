import { XMLParser, XMLValidator } from 'fast-xml-parser'
import ICAL from 'ical.js'
import { beforeEach, describe, expect, it } from 'vitest'
import { Clock } from '../../src/i18n/clock'
import {
  call,
  callJson,
  inMinutes,
  makeComponent,
  makeIncident,
  makeMaintenance,
  postUpdate,
  resetData,
  onPageClock,
} from './factories'

/** Feeds and the calendar in the reader's language, their times in text on the page's clock. */

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' })
const asList = <T>(x: T | T[] | undefined): T[] =>
  x === undefined ? [] : Array.isArray(x) ? x : [x]

async function fetchText(path: string, headers: Record<string, string> = {}) {
  const res = await call('GET', path, { token: null, headers })
  expect(res.status, path).toBe(200)
  return { res, text: await res.text() }
}

function expectAll(text: string, present: string[], absent: string[]) {
  for (const s of present) expect(text, `has “${s}”`).toContain(s)
  for (const s of absent) expect(text, `has no “${s}”`).not.toContain(s)
}

/** Candor's English words in a feed, which a German or Arabic one must not carry. */
const ENGLISH = ['Investigating', 'Identified', 'Affects:', 'ETA ', 'Next update by', 'moved once']

// Europe/London moves to BST at 01:00 UTC on Sunday 28 March 2027.
const ACROSS_THE_CHANGE = {
  scheduled_for: '2027-03-28T00:30:00.000Z',
  scheduled_until: '2027-03-28T02:30:00.000Z',
}
const german = new Clock('de-DE', 'Europe/London')

describe('feeds and the calendar in the reader’s language and the page’s zone', () => {
  onPageClock('Europe/London')
  beforeEach(resetData)

  it('Atom in German by Accept-Language: words, London times; names and RFC 3339 dates as they were', async () => {
    const fibre = await makeComponent({ name: 'Glasfaser Nord' })
    const incident = await makeIncident({
      name: 'Kabel <M16> durchtrennt',
      impact: 'major',
      components: { [fibre.id]: 'major_outage' },
      eta: inMinutes(60),
      next_update_at: inMinutes(30),
      workaround: 'Mobile Daten nutzen.',
      body: 'Ein Bagger hat das Kabel getroffen.',
    })
    await postUpdate(incident.id, {
      status: 'identified',
      body: 'Wir spleißen.',
      eta: inMinutes(120),
    })
    const m = await makeMaintenance({ name: 'Mast-Umbau', ...ACROSS_THE_CHANGE })

    const { res, text } = await fetchText('/feed.atom', { 'accept-language': 'de-CH, en;q=0.1' })
    expect(XMLValidator.validate(text)).toBe(true)
    expect(res.headers.get('vary')).toMatch(/Accept-Language, Cookie/)
    const feed = parser.parse(text).feed
    expect(feed['@xml:lang']).toBe('de')
    expect(feed.title).toBe('Status von Candor')
    expect(feed.subtitle).toBe('Störungen und Wartungen')
    const entries = asList<any>(feed.entry)
    const entry = entries.find((e) => e.id === `http://candor.test/incidents/${incident.id}`)
    expect(entry.title).toBe('Kabel <M16> durchtrennt — Ursache erkannt')
    // Machine dates stay RFC 3339 in UTC.
    expect(entry.updated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/)
    const html: string = entry.content['#text']
    const first = incident.eta as string
    const second = (await callJson('GET', `/api/v1/incidents/${incident.id}`)).eta as string
    expectAll(
      html,
      [
        'Erhebliche Auswirkung',
        'Betrifft: Glasfaser Nord',
        `Voraussichtliche Behebung ${german.dateTime(second)} — einmal verschoben: ${german.dateTime(first)} → ${german.dateTime(second)}`,
        'Umgehung: Mobile Daten nutzen.',
        '<strong>Ursache erkannt</strong> — ',
        '<strong>Untersuchung</strong> — ',
        'Ein Bagger hat das Kabel getroffen.',
      ],
      [...ENGLISH, ' UTC', 'Workaround:'],
    )
    expect(html).toMatch(/Nächstes Update bis .+ (GMT|BST)/)

    const maintenance = entries.find((e) => e.id === `http://candor.test/incidents/${m.id}`)
    expect(maintenance.title).toBe('Mast-Umbau — Geplant')
    const window = german.range(ACROSS_THE_CHANGE.scheduled_for, ACROSS_THE_CHANGE.scheduled_until)
    expect(window).toMatch(/00:30 GMT – 03:30 BST$/)
    expect(maintenance.content['#text']).toContain(`Wartung ${window}`)
  })

  it('RSS in Arabic by ?lang=, named in <language>, its own URL keeping the language', async () => {
    const incident = await makeIncident({ name: 'DNS langsam' })
    const { text } = await fetchText('/feed.rss?lang=ar', { 'accept-language': 'de' })
    expect(XMLValidator.validate(text)).toBe(true)
    const channel = parser.parse(text).rss.channel
    expect(channel.language).toBe('ar')
    expect(channel.title).toBe('حالة Candor')
    expect(channel.description).toBe('الأعطال والصيانة على Candor')
    expect(channel['atom:link']['@href']).toBe('http://candor.test/feed.rss?lang=ar')
    const item = asList<any>(channel.item).find(
      (i) => i.link === `http://candor.test/incidents/${incident.id}`,
    )
    expect(item.title).toBe('DNS langsam — قيد التحقيق')
    expectAll(item.description, ['قيد التحقيق'], [...ENGLISH, 'Untersuchung'])
    // Machine dates stay RFC 822.
    expect(item.pubDate).toMatch(/ GMT$/)
    // English is the default.
    const en = parser.parse((await fetchText('/feed.rss')).text).rss.channel
    expect([en.language, en.title]).toEqual(['en', 'Candor status'])
  })

  it('the calendar in German: its name, text and window in words on London’s clock; DTSTART in UTC', async () => {
    const mast = await makeComponent({ name: 'Mast Nord' })
    const m = await makeMaintenance({
      name: 'Mast-Umbau, Phase 2',
      component_ids: [mast.id],
      ...ACROSS_THE_CHANGE,
    })
    const called = await makeMaintenance({ name: 'Kranarbeiten' })
    await callJson('POST', `/api/v1/maintenances/${called.id}/cancel`)

    const { res, text } = await fetchText('/maintenance.ics', { 'accept-language': 'de' })
    expect(res.headers.get('vary')).toMatch(/Accept-Language/)
    expect(text).toContain('DTSTART:20270328T003000Z')
    expect(text).toContain('DTEND:20270328T023000Z')
    const calendar = new ICAL.Component(ICAL.parse(text))
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Wartungen von Candor')
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
    const event = events.find((e) => e.uid === `maintenance-${m.id}@candor.test`)!
    expect(event.summary).toBe('Mast-Umbau, Phase 2')
    expect(event.startDate.toJSDate().toISOString()).toBe(ACROSS_THE_CHANGE.scheduled_for)
    const window = german.range(ACROSS_THE_CHANGE.scheduled_for, ACROSS_THE_CHANGE.scheduled_until)
    expectAll(
      event.description,
      [`Wann: ${window}`, 'GMT', 'BST', 'Betrifft: Mast Nord'],
      ['Affects:', 'When:', 'UTC'],
    )
    const cancelled = events.find((e) => e.uid === `maintenance-${called.id}@candor.test`)!
    expect(cancelled.summary).toBe('Abgesagt: Kranarbeiten')

    const ar = new ICAL.Component(ICAL.parse((await fetchText('/maintenance.ics?lang=ar')).text))
    expect(ar.getFirstPropertyValue('x-wr-calname')).toBe('صيانة Candor')
  })
})
