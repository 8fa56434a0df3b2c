import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { refreshSnapshot } from '../../src/domain/snapshot'
import {
  inMinutes,
  makeArea,
  makeComponent,
  makeIncident,
  makeMaintenance,
  postUpdate,
} from './factories'
import { englishLeft, pageIn } from './translation-helpers'

/**
 * Every public page in German and Arabic: Candor's own words translated, none left in
 * English, while what ops wrote (names, bodies, workarounds, areas) stays as written.
 */

const OPS_WORDS = {
  component: 'Glasfaser Nord',
  area: 'Kreis 7',
  incident: 'Slow logins at night',
  body: 'The login servers answer slowly.',
  workaround: 'Use the mobile app.',
  resolved: 'Mail delays',
  maintenance: 'Router swap',
}

const paths: Record<string, string> = {}

beforeAll(async () => {
  const component = await makeComponent({ name: OPS_WORDS.component, showcase: true })
  const area = await makeArea(OPS_WORDS.area)
  const open = await makeIncident({
    name: OPS_WORDS.incident,
    body: OPS_WORDS.body,
    impact: 'major',
    eta: inMinutes(90),
    next_update_at: inMinutes(30),
    progress: 40,
    workaround: OPS_WORDS.workaround,
    area_ids: [area.id],
    components: { [component.id]: 'partial_outage' },
  })
  await postUpdate(open.id, { status: 'identified', body: 'Cause found.', eta: inMinutes(120) })
  // The API refuses a past promise; moved into the past directly, it is 12 minutes overdue.
  await env.DB.prepare('UPDATE incidents SET next_update_at = ? WHERE id = ?')
    .bind(new Date(Date.now() - 12 * 60_000 - 5_000).toISOString(), open.id)
    .run()
  const resolved = await makeIncident({ name: OPS_WORDS.resolved, body: 'Queues are long.' })
  await postUpdate(resolved.id, { status: 'resolved', body: 'Queues are empty.' })
  const maintenance = await makeMaintenance({ name: OPS_WORDS.maintenance })
  await refreshSnapshot(env)
  Object.assign(paths, {
    status: '/',
    open: `/incidents/${open.id}`,
    resolved: `/incidents/${resolved.id}`,
    maintenance: `/incidents/${maintenance.id}`,
    history: '/history',
  })
})

/** German words each page must show (a sample of Candor's words there). */
const GERMAN: Record<string, string[]> = {
  status: [
    'Aktuelle Störungen',
    'Komponenten',
    'Vergangene Störungen',
    'Teilausfall',
    'Erhebliche Auswirkung',
    'Meldung seit 12 Min. überfällig',
    'Letzte Meldung',
    'Zum Inhalt springen',
    'Sprache',
  ],
  open: ['Verlauf der Prognosen', 'Meldungen (2)', 'Sind Sie betroffen?', 'Ich bin betroffen'],
  resolved: ['Ist es bei Ihnen behoben?', 'Bei mir behoben', 'Weiterhin gestört', 'Behoben'],
  maintenance: ['Geplante Wartung', 'Geplant', 'Läuft', 'Abgeschlossen'],
  history: ['Verlauf', 'Wie gut unsere Prognosen hielten', 'Dauer'],
}

describe('the public pages in German', () => {
  it.each(Object.keys(GERMAN))('%s: German words, no English of Candor’s left', async (name) => {
    const { status, html, text } = await pageIn('de', paths[name]!)
    expect(status).toBe(200)
    expect(html).toContain('<html lang="de" dir="ltr" data-locale="de-DE">')
    for (const words of GERMAN[name]!) expect(text, `${name}: ${words}`).toContain(words)
    expect(englishLeft(text), name).toEqual([])
  })

  it('keeps what ops wrote as written', async () => {
    const status = (await pageIn('de', '/')).text
    for (const words of [OPS_WORDS.incident, OPS_WORDS.component, OPS_WORDS.workaround]) {
      expect(status).toContain(words)
    }
    const open = (await pageIn('de', paths.open!)).text
    for (const words of [OPS_WORDS.body, 'Cause found.', OPS_WORDS.area]) {
      expect(open).toContain(words)
    }
    expect((await pageIn('de', '/history')).text).toContain(OPS_WORDS.resolved)
  })

  it('words months, spans and statuses with the German clock', async () => {
    const { text } = await pageIn('de', '/history')
    const month = new Date().toLocaleString('de-DE', { month: 'long', timeZone: 'UTC' })
    expect(text).toContain(month)
    const open = (await pageIn('de', paths.open!)).text
    expect(open).toMatch(/Prognose [A-Z][a-z]\., \d{1,2}\. /)
    expect(open).toContain('40 %')
  })

  it('gives the page script the overdue wording to keep ticking', async () => {
    const { html } = await pageIn('de', paths.open!)
    expect(html).toMatch(
      /<strong data-overdue="[^"]+" data-words="Meldung seit \{span\} überfällig">/,
    )
  })
})

describe('the public pages in Arabic', () => {
  it.each(['status', 'open', 'resolved', 'maintenance', 'history'])(
    '%s: right to left, Arabic words, no English of Candor’s left',
    async (name) => {
      const { status, html, text } = await pageIn('ar', paths[name]!)
      expect(status).toBe(200)
      expect(html).toContain('<html lang="ar" dir="rtl" data-locale="ar">')
      expect(text).toContain('اللغة')
      expect(englishLeft(text), name).toEqual([])
    },
  )

  it('says the status and the facts in Arabic', async () => {
    const status = (await pageIn('ar', '/')).text
    expect(status).toContain('الأعطال الحالية')
    expect(status).toContain('انقطاع جزئي')
    expect(status).toContain('التحديث متأخر بمقدار')
    expect(status).toContain(OPS_WORDS.incident)
  })
})
