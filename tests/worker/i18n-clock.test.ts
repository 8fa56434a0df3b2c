import { describe, expect, it } from 'vitest'
import { Clock } from '../../src/i18n/clock'
import { readerFor } from '../../src/i18n/reader'

const SUMMER = '2026-07-01T12:00:00.000Z'
const WINTER = '2026-01-07T12:00:00.000Z'

describe('the clock of a zone and a language', () => {
  it('prints London times with GMT in winter and BST in summer, on a 24-hour clock', () => {
    const c = new Clock('en-GB', 'Europe/London')
    expect(c.dateTime(WINTER)).toBe('Wed 7 Jan, 12:00 GMT')
    expect(c.dateTime(SUMMER)).toBe('Wed 1 Jul, 13:00 BST')
  })

  it('follows the clocks going forward: the same UTC hour reads an hour later after the change', () => {
    // Europe/London springs forward at 01:00 UTC on Sunday 29 March 2026.
    const c = new Clock('en-GB', 'Europe/London')
    expect(c.time('2026-03-29T00:30:00.000Z')).toBe('00:30 GMT')
    expect(c.time('2026-03-29T01:30:00.000Z')).toBe('02:30 BST')
    expect(c.range('2026-03-29T00:30:00.000Z', '2026-03-29T01:30:00.000Z')).toBe(
      'Sun 29 Mar, 00:30 GMT – 02:30 BST',
    )
  })

  it('uses the language’s own words and the zone’s abbreviation', () => {
    expect(new Clock('de-DE', 'Europe/Berlin').dateTime(SUMMER)).toBe('Mi., 1. Juli, 14:00 MESZ')
    expect(new Clock('de-DE', 'Europe/London').time(WINTER)).toBe('12:00 GMT')
    expect(new Clock('fr-FR', 'Europe/Paris').time(WINTER)).toBe('13:00 CET')
    // Where the reader's locale only knows an offset, a well-known abbreviation is used.
    expect(new Clock('en-GB', 'Asia/Tokyo').time(SUMMER)).toBe('21:00 JST')
    expect(new Clock('en-GB', 'Etc/UTC').dateTime(SUMMER)).toBe('Wed 1 Jul, 12:00 UTC')
  })

  it('tells same-day times short and other days in full', () => {
    const c = new Clock('en-GB', 'Asia/Tokyo')
    // 23:00 UTC on 1 July is already 2 July in Tokyo.
    expect(c.short('2026-07-01T14:00:00.000Z', '2026-07-01T23:00:00.000Z')).toBe(
      'Wed 1 Jul, 23:00 JST',
    )
    expect(c.short('2026-07-01T16:00:00.000Z', '2026-07-01T23:00:00.000Z')).toBe('01:00 JST')
    expect(c.dateKey('2026-07-01T16:00:00.000Z')).toBe('2026-07-02')
  })

  it('words spans and relative times in the language', () => {
    const en = readerFor('en', 'Etc/UTC').clock
    const de = readerFor('de', 'Etc/UTC').clock
    expect(en.span(12)).toMatch(/^12 min/)
    expect(de.span(125)).toBe('2 Std., 5 Min.')
    expect(en.relative('2026-07-01T12:40:00.000Z', '2026-07-01T12:00:00.000Z')).toBe('in 40 min')
    expect(de.relative('2026-07-01T10:00:00.000Z', '2026-07-01T12:00:00.000Z')).toBe('vor 2 Std.')
    expect(readerFor('es', 'Etc/UTC').clock.month(2026, 10)).toBe('noviembre de 2026')
  })
})
