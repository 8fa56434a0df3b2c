/**
 * The languages Candor speaks to readers, how each is written (direction) and which `Intl`
 * locale formats its dates and numbers, and how a reader's language is chosen.
 */

export const LANGUAGES = ['en', 'de', 'fr', 'es', 'ar'] as const
export type Language = (typeof LANGUAGES)[number]

export const DEFAULT_LANGUAGE: Language = 'en'

/** Each language's own name, for the switcher. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
  ar: 'العربية',
}

/**
 * The `Intl` locale of each language. English is British English: a 24-hour clock and
 * day-month order, which readers anywhere can read without guessing.
 */
export const INTL_LOCALES: Record<Language, string> = {
  en: 'en-GB',
  de: 'de-DE',
  fr: 'fr-FR',
  es: 'es-ES',
  ar: 'ar',
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

export function directionOf(lang: Language): 'ltr' | 'rtl' {
  return lang === 'ar' ? 'rtl' : 'ltr'
}

/**
 * The best supported language an `Accept-Language` header asks for, by its q-values (ties
 * keep the header's order); null when it names none Candor speaks.
 */
export function fromAcceptLanguage(header: string | undefined | null): Language | null {
  if (!header) return null
  const wanted = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      const weight = q ? Number(q.slice(2)) : 1
      return { base: tag.trim().toLowerCase().split('-')[0] ?? '', weight, index }
    })
    .filter((w) => w.base && Number.isFinite(w.weight) && w.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
  return wanted.map((w) => w.base).find(isLanguage) ?? null
}

/** Where a reader's language can come from, strongest first. */
export interface LanguageChoice {
  /** `?lang=` on this request. */
  query?: string | null
  /** The switcher's remembered choice (a cookie). */
  chosen?: string | null
  acceptLanguage?: string | null
  /** The page's default language setting. */
  pageDefault?: string | null
}

/** `?lang=`, then the switcher, then `Accept-Language`, then the page's default, then English. */
export function chooseLanguage(choice: LanguageChoice): Language {
  if (isLanguage(choice.query)) return choice.query
  if (isLanguage(choice.chosen)) return choice.chosen
  const accepted = fromAcceptLanguage(choice.acceptLanguage)
  if (accepted) return accepted
  if (isLanguage(choice.pageDefault)) return choice.pageDefault
  return DEFAULT_LANGUAGE
}
