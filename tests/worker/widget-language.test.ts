import { beforeEach, describe, expect, it } from 'vitest'
import { Clock } from '../../src/i18n/clock'
import {
  call,
  inMinutes,
  makeComponent,
  makeIncident,
  makeMaintenance,
  resetData,
  onPageClock,
} from './factories'

/** The iframe embed and the widget's text in the reader's language and the page's zone. */

async function embed(path: string, headers: Record<string, string> = {}) {
  const res = await call('GET', path, { token: null, headers })
  expect(res.status, path).toBe(200)
  const html = await res.text()
  const times = [...html.matchAll(/<time datetime="([^"]+)" data-local="">([^<]*)<\/time>/g)].map(
    (m) => ({ iso: m[1]!, text: m[2]! }),
  )
  return { res, html, times }
}

async function widgetText(path: string, headers: Record<string, string> = {}) {
  const res = await call('GET', path, { token: null, headers })
  expect(res.status, path).toBe(200)
  return { res, json: (await res.json()) as any }
}

function expectAll(text: string, present: string[], absent: string[]) {
  for (const s of present) expect(text, `has “${s}”`).toContain(s)
  for (const s of absent) expect(text, `has no “${s}”`).not.toContain(s)
}

const ENGLISH = ['Partial System Outage', 'ETA ', 'Next update by', 'and 1 more', 'status</title>']

describe('the widget and the embed in the reader’s language and the page’s zone', () => {
  onPageClock('Europe/London')
  beforeEach(resetData)

  it('the embed speaks German by Accept-Language and Arabic by ?lang=, on London’s clock', async () => {
    const fibre = await makeComponent({ name: 'Glasfaser' })
    await makeIncident({ name: 'DNS langsam', impact: 'minor' })
    const incident = await makeIncident({
      name: 'Kabel <M16> durchtrennt',
      impact: 'major',
      components: { [fibre.id]: 'partial_outage' },
      eta: inMinutes(90),
      next_update_at: inMinutes(30),
    })

    const de = await embed('/embed', { 'accept-language': 'de-DE' })
    expect(de.res.headers.get('vary')).toMatch(/Accept-Language, Cookie/)
    expectAll(
      de.html,
      [
        '<html lang="de" dir="ltr"',
        'Teilweiser Systemausfall',
        'Kabel &lt;M16&gt; durchtrennt',
        '(und 1 weitere)',
        'Behebung voraussichtlich <time',
        'Nächstes Update bis <time',
        '<title>Status von Candor</title>',
      ],
      ENGLISH,
    )
    const german = new Clock('de-DE', 'Europe/London')
    expect(de.times.map((t) => t.iso)).toEqual([incident.eta, incident.next_update_at])
    for (const t of de.times) expect(t.text).toBe(german.dateTime(t.iso))
    expect(de.times.some((t) => t.text.endsWith('UTC'))).toBe(false)

    const ar = await embed(`/embed?component=${fibre.id}&lang=ar`, { 'accept-language': 'de' })
    expectAll(
      ar.html,
      ['<html lang="ar" dir="rtl"', 'Glasfaser: انقطاع جزئي', 'التحديث التالي بحلول'],
      [...ENGLISH, 'Fibre: Partial outage', 'Nächstes Update'],
    )
  })

  it('the widget’s text is worded for the reader, times in London with GMT, then BST', async () => {
    // Europe/London moves to BST at 01:00 UTC on Sunday 28 March 2027.
    await makeMaintenance({
      name: 'Mast-Umbau',
      scheduled_for: '2027-03-28T00:30:00.000Z',
      scheduled_until: '2027-03-28T02:30:00.000Z',
    })
    const de = await widgetText('/widget-text.json', { 'accept-language': 'de' })
    expect(de.res.headers.get('vary')).toMatch(/Accept-Language, Cookie/)
    expect(de.json).toMatchObject({
      lang: 'de',
      dir: 'ltr',
      status: { indicator: 'none', text: 'Alle Systeme betriebsbereit' },
      incident: null,
      maintenance: { name: 'Mast-Umbau', text: 'Wartung So., 28. März, 00:30 GMT: Mast-Umbau' },
    })

    // The embed shows the window on London's clock: GMT at its start, BST at its end.
    const window = await embed('/embed?lang=en')
    expect(window.times.map((t) => t.text)).toEqual([
      'Sun 28 Mar, 00:30 GMT',
      'Sun 28 Mar, 03:30 BST',
    ])
    const deWindow = await embed('/embed', { 'accept-language': 'de' })
    expectAll(deWindow.html, ['Wartung <a', '>Mast-Umbau</a>'], ['Maintenance'])
    expect(deWindow.times.map((t) => t.text.slice(-3))).toEqual(['GMT', 'BST'])
  })

  it('the widget’s text carries the incident’s promises, in Arabic by ?lang=, CORS open', async () => {
    const incident = await makeIncident({
      name: 'Kabel durchtrennt',
      impact: 'critical',
      eta: inMinutes(-5),
      next_update_at: inMinutes(20),
    })
    const { res, json } = await widgetText('/widget-text.json?lang=ar', {
      origin: 'https://shop.example',
      'accept-language': 'de',
    })
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    expect(json.dir).toBe('rtl')
    expect(json.status.text).toBe('انقطاع كبير في النظام')
    expect(json.incident.name).toBe('Kabel durchtrennt')
    expect(json.incident.url).toBe(`http://candor.test/incidents/${incident.id}`)
    const arabic = new Clock('ar', 'Europe/London')
    expect(json.incident.lines).toEqual([
      {
        text: `انقضى الموعد المتوقع للإصلاح ${arabic.short(incident.eta, Date.now())} — لا يوجد تقدير جديد بعد`,
        warn: true,
      },
      {
        text: `التحديث التالي بحلول ${arabic.short(incident.next_update_at, Date.now())}`,
        warn: false,
      },
    ])
    // English by default; the widget's data stays English and machine values whatever is asked.
    const en = await widgetText('/widget-text.json')
    expect(en.json.incident.lines[1].text).toMatch(/^Next update by \d\d:\d\d (GMT|BST)$/)
    const data = await widgetText('/widget.json?lang=de', { 'accept-language': 'de' })
    expect(data.json.status.description).toBe('Major System Outage')
    expect((await call('GET', '/widget-text.json?component=nope', { token: null })).status).toBe(
      404,
    )
  })
})
