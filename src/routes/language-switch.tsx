import { Hono } from 'hono'
import { setCookie } from 'hono/cookie'
import type { AppBindings } from '../app-types'
import { isLanguage, LANGUAGE_NAMES, LANGUAGES } from '../i18n/languages'
import { useReader } from '../i18n/reader-context'
import { NoticePage } from '../views/page-form'
import { pathWithoutLang } from '../views/page-path'
import { LANGUAGE_COOKIE } from './page-reader'
import { pageNameOf } from './html-page'
import { readerPage } from './reader-page'

/** How long the switcher's choice is remembered: a year. */
export const LANGUAGE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60

/**
 * Where the switcher may send a reader back to: a path on this site (one leading `/`, not
 * `//` or `/\`, which browsers read as another host), without `lang` so the new choice shows.
 * Anything else is the status page.
 */
export function safeBack(back: string | undefined): string {
  if (!back || !/^\/(?![/\\])/.test(back) || /[\u0000-\u001f\u007f]/.test(back)) return '/'
  const url = new URL(back, 'http://candor.invalid')
  if (url.origin !== 'http://candor.invalid') return '/'
  return pathWithoutLang(url)
}

/** "…is not a language this page is offered in": the switcher's refusal, in the reader's words. */
function UnknownLanguagePage(props: { pageName: string; given: string }) {
  const reader = useReader()
  const languages = new Intl.ListFormat(reader.locale, { type: 'conjunction' }).format(
    LANGUAGES.map((lang) => LANGUAGE_NAMES[lang]),
  )
  return (
    <NoticePage pageName={props.pageName} heading={reader.t('error.languageHeading')}>
      <p>
        {props.given
          ? reader.t('error.languageText', { lang: props.given, languages })
          : reader.t('error.languageMissing', { languages })}
      </p>
      <p>
        <a href="/">{reader.t('layout.backToStatus')}</a>
      </p>
    </NoticePage>
  )
}

/**
 * The language switcher's target: `GET /language?lang=de&back=/history` remembers the choice
 * in the `candor_lang` cookie for a year and sends the reader back (303). A language Candor
 * does not speak is refused (400) and nothing is remembered.
 */
export const languageRoutes = new Hono<AppBindings>()

languageRoutes.get('/language', async (c) => {
  const lang = c.req.query('lang') ?? ''
  if (!isLanguage(lang)) {
    return readerPage(
      c,
      <UnknownLanguagePage pageName={await pageNameOf(c)} given={lang.slice(0, 40)} />,
      400,
      '/',
    )
  }
  setCookie(c, LANGUAGE_COOKIE, lang, {
    path: '/',
    sameSite: 'Lax',
    maxAge: LANGUAGE_COOKIE_MAX_AGE,
    httpOnly: true,
    secure: new URL(c.req.url).protocol === 'https:',
  })
  c.header('Cache-Control', 'no-store')
  return c.redirect(safeBack(c.req.query('back')), 303)
})
