import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { beforeEach, describe, expect, it } from 'vitest'
import { textWidth } from '../../src/embeds/badge-svg'
import { call, makeComponent, makeIncident, resetData } from './factories'

/** The badge's words in the reader's language, and a width that fits them. */

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' })

async function badge(query: string, headers: Record<string, string> = {}) {
  const res = await call('GET', `/badge.svg${query}`, { token: null, headers })
  const text = await res.text()
  expect(XMLValidator.validate(text)).toBe(true)
  const svg = parser.parse(text).svg
  const texts: any[] = svg.g[1].text
  const rects: any[] = svg.g[0].rect
  return {
    res,
    label: svg['@aria-label'] as string,
    lang: svg['@xml:lang'] as string,
    width: Number(svg['@width']),
    /** The coloured side's width, and the width its text is fitted to. */
    message: { rect: Number(rects[1]['@width']), text: Number(texts[3]['@textLength']) },
    words: texts.map((t) => String(t['#text'])),
  }
}

beforeEach(resetData)

describe('/badge.svg in the reader’s language', () => {
  it('words the state in German by Accept-Language and Arabic by ?lang=, names as written', async () => {
    const fibre = await makeComponent({ name: 'Glasfaser' })
    await makeIncident({ impact: 'major', components: { [fibre.id]: 'partial_outage' } })

    const de = await badge(`?component=${fibre.id}`, { 'accept-language': 'de-AT, en;q=0.3' })
    expect(de.label).toBe('Glasfaser: Teilausfall')
    expect(de.lang).toBe('de')
    expect(de.words).not.toContain('partial outage')
    expect(de.res.headers.get('vary')).toMatch(/Accept-Language, Cookie/)

    const ar = await badge(`?component=${fibre.id}&lang=ar`, { 'accept-language': 'de' })
    expect(ar.label).toBe('Glasfaser: انقطاع جزئي')
    expect(ar.words).toContain('انقطاع جزئي')

    const page = await badge('', { 'accept-language': 'fr' })
    expect(page.label).toBe('Candor : panne majeure')
    // English stays the default.
    expect((await badge(`?component=${fibre.id}`)).label).toBe('Glasfaser: partial outage')
  })

  it('is as wide as its words in each language, each text fitted to its side', async () => {
    const en = await badge('?component=nope', { 'accept-language': 'en' })
    const de = await badge('?component=nope', { 'accept-language': 'de' })
    const ar = await badge('?component=nope&lang=ar')
    expect(en.res.status).toBe(404)
    expect(en.label).toBe('status: unknown component')
    expect(de.label).toBe('Status: unbekannte Komponente')
    expect(ar.label).toBe('الحالة: مكوّن غير معروف')
    expect(de.res.headers.get('vary')).toMatch(/Accept-Language/)
    for (const b of [en, de, ar]) {
      expect(b.message.text).toBeGreaterThan(0)
      expect(b.message.rect).toBe(b.message.text + 12)
    }
    // "unbekannte Komponente" is longer than "unknown component": the German badge is wider.
    expect(de.width).toBeGreaterThan(en.width)
    expect(de.message.text).toBe(textWidth('unbekannte Komponente'))
  })

  it('estimates widths for any script: marks take no room, wide characters a full square', () => {
    // An Arabic word with its vowel signs is as wide as without them.
    expect(textWidth('مُكَوِّن')).toBe(textWidth('مكون'))
    expect(textWidth('状态')).toBe(22)
    expect(textWidth('Über')).toBe(textWidth('Uber'))
  })
})
