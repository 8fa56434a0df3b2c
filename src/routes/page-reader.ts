import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import type { AppBindings } from '../app-types'
import type { PublicView } from '../domain/public-view'
import { chooseLanguage, type Language } from '../i18n/languages'
import { readerFor, type Reader } from '../i18n/reader'

/** The cookie the language switcher leaves: the reader's chosen language. */
export const LANGUAGE_COOKIE = 'candor_lang'

/**
 * What a reader's language depends on, for `Vary`: an answer in the reader's language differs
 * by their Accept-Language and by the switcher's cookie (`?lang=` is in the URL already).
 */
export const LANGUAGE_VARY = 'Accept-Language, Cookie'

/** The language of this request: `?lang=`, the switcher's cookie, Accept-Language, the page's. */
export function requestLanguage(c: Context<AppBindings>, pageDefault: Language): Language {
  return chooseLanguage({
    query: c.req.query('lang'),
    chosen: getCookie(c, LANGUAGE_COOKIE),
    acceptLanguage: c.req.header('accept-language'),
    pageDefault,
  })
}

/**
 * The reader a public page is rendered for: in the request's language and the page's time
 * zone, so the text every `<time>` carries before any script runs is the page's own clock.
 */
export function pageReader(c: Context<AppBindings>, view: PublicView): Reader {
  const page = view.snapshot.page
  return readerFor(requestLanguage(c, page.language), page.timeZone)
}

/** Marks an answer as differing by the reader's language (appended to any `Vary` already set). */
export function varyByLanguage(c: Context<AppBindings>): void {
  c.header('Vary', LANGUAGE_VARY, { append: true })
}
