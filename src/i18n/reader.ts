import { IntlMessageFormat } from 'intl-messageformat'
import { CATALOGS, type MessageKey } from './catalog'
import { Clock } from './clock'
import { DEFAULT_LANGUAGE, directionOf, INTL_LOCALES, type Language } from './languages'

/** Values a message's placeholders take. Tag values (`<a>…</a>`) are functions of the chunks. */
export type MessageValues = Record<string, string | number | Date | null | undefined>
export type RichValues<T> = Record<
  string,
  string | number | Date | T | ((chunks: (string | T)[]) => T) | null | undefined
>

/**
 * Who is reading, for everything Candor writes: their language (words, direction) and time
 * zone (every time shown). Pages use the page's zone and the chosen language; emails use the
 * subscriber's own when set.
 */
export interface Reader {
  lang: Language
  /** The `Intl` locale for dates and numbers. */
  locale: string
  dir: 'ltr' | 'rtl'
  timeZone: string
  clock: Clock
  /** A message as plain text. */
  t(key: MessageKey, values?: MessageValues): string
  /** A message with markup: tags in it call the functions given for them. */
  rich<T>(key: MessageKey, values: RichValues<T>): (string | T)[]
}

const compiled = new Map<string, IntlMessageFormat>()

function message(lang: Language, key: MessageKey): IntlMessageFormat {
  const id = `${lang}|${key}`
  let m = compiled.get(id)
  if (!m) {
    m = new IntlMessageFormat(CATALOGS[lang][key], INTL_LOCALES[lang])
    compiled.set(id, m)
  }
  return m
}

const readers = new Map<string, Reader>()

/** The reader of `lang` in `timeZone` (one object per pair, reused). */
export function readerFor(lang: Language, timeZone: string): Reader {
  const id = `${lang}|${timeZone}`
  let r = readers.get(id)
  if (!r) {
    const locale = INTL_LOCALES[lang]
    r = {
      lang,
      locale,
      dir: directionOf(lang),
      timeZone,
      clock: new Clock(locale, timeZone),
      t: (key, values) => String(message(lang, key).format(values)),
      rich: <T>(key: MessageKey, values: RichValues<T>) => {
        const out = message(lang, key).format<T>(values as never)
        return Array.isArray(out) ? out : [out]
      },
    }
    readers.set(id, r)
  }
  return r
}

/** English in UTC: what a surface uses when nothing says otherwise. */
export const DEFAULT_READER = readerFor(DEFAULT_LANGUAGE, 'Etc/UTC')
