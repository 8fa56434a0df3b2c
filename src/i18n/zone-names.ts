/**
 * A time zone's short name at an instant ("GMT", "CEST", "JST"), from `Intl` (CLDR). Where
 * the reader's locale has no abbreviation for a zone it prints an offset ("GMT+9"); the
 * locales of the places that use common abbreviations are then asked in turn, and the offset
 * is kept only when none has one.
 */

const FALLBACK_LOCALES = ['en-GB', 'en-US', 'en-AU', 'en-IN', 'ja-JP'] as const

const OFFSET_LIKE = /^(GMT|UTC)([+-−]\d|$)|\d/
const ABBREVIATION = /^[A-Z]{2,5}$/

const formatters = new Map<string, Intl.DateTimeFormat>()

function shortName(locale: string, timeZone: string, at: Date): string {
  const key = `${locale}|${timeZone}`
  let f = formatters.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
    formatters.set(key, f)
  }
  return f.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? timeZone
}

/** The zone's abbreviation at `at` as readers of `locale` know it, else a well-known one. */
export function zoneAbbreviation(locale: string, timeZone: string, at: Date): string {
  const own = shortName(locale, timeZone, at)
  if (!OFFSET_LIKE.test(own) || own === 'UTC' || own === 'GMT') return own
  for (const other of FALLBACK_LOCALES) {
    const name = shortName(other, timeZone, at)
    if (ABBREVIATION.test(name)) return name
  }
  return own
}
