import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import { describe, expect, it } from 'vitest'
import { CATALOGS, SURFACES } from '../../src/i18n/catalog'
import { LANGUAGES } from '../../src/i18n/languages'
import { readerFor } from '../../src/i18n/reader'

/** The placeholder and tag names a message uses, sorted. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.literal || e.type === TYPE.pound) continue
    into.add(e.value)
    if (e.type === TYPE.tag) argumentsOf(e.children, into)
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      for (const option of Object.values(e.options)) argumentsOf(option.value, into)
    }
  }
  return into
}

describe('message catalogs', () => {
  it('give each key to one surface only: none silently replaces another’s words', () => {
    const owners = new Map<string, number>()
    const twice: string[] = []
    SURFACES.forEach((surface, i) => {
      for (const key of Object.keys(surface.en)) {
        if (owners.has(key)) twice.push(key)
        owners.set(key, i)
      }
    })
    expect(twice).toEqual([])
  })

  const keys = new Set(LANGUAGES.flatMap((lang) => Object.keys(CATALOGS[lang])))

  it.each(LANGUAGES)('%s has every key another language has', (lang) => {
    const missing = [...keys].filter((k) => !(k in CATALOGS[lang]))
    expect(missing).toEqual([])
    expect(keys.size).toBeGreaterThan(0)
  })

  it.each(LANGUAGES)(
    '%s: every message parses and uses the same placeholders as English',
    (lang) => {
      for (const [key, text] of Object.entries(CATALOGS[lang])) {
        const english = CATALOGS.en[key as keyof typeof CATALOGS.en]
        const mine = [...argumentsOf(parse(text))].sort()
        expect({ key, args: mine }).toEqual({ key, args: [...argumentsOf(parse(english))].sort() })
        expect(text.trim(), key).not.toBe('')
      }
    },
  )

  it('formats a message with its values in each language', () => {
    expect(readerFor('en', 'Etc/UTC').t('common.overdueBy', { span: '12 min' })).toBe(
      'overdue by 12 min',
    )
    expect(readerFor('de', 'Etc/UTC').t('common.overdueBy', { span: '12 Min.' })).toBe(
      'seit 12 Min. überfällig',
    )
    expect(readerFor('ar', 'Etc/UTC').dir).toBe('rtl')
    expect(readerFor('fr', 'Etc/UTC').dir).toBe('ltr')
  })
})
