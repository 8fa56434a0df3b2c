import { LANGUAGE_NAMES, LANGUAGES } from '../i18n/languages'
import { useReader } from '../i18n/reader-context'
import { pathInLanguage, usePagePath } from './page-path'

/**
 * The language switcher: a plain GET form to `/language`, which remembers the choice in a
 * cookie and sends the reader back to this page (`back`). Works without JavaScript.
 */
export function LanguageSwitcher() {
  const reader = useReader()
  return (
    <form class="language-switcher" method="get" action="/language">
      <label for="language-choice">{reader.t('common.language')}</label>{' '}
      <select id="language-choice" name="lang">
        {LANGUAGES.map((lang) => (
          <option value={lang} lang={lang} selected={lang === reader.lang}>
            {LANGUAGE_NAMES[lang]}
          </option>
        ))}
      </select>
      <input type="hidden" name="back" value={usePagePath()} />{' '}
      <button type="submit">{reader.t('layout.switch')}</button>
    </form>
  )
}

/** `<link rel="alternate" hreflang>` for this page in each language, for search engines. */
export function LanguageLinks() {
  const path = usePagePath()
  return (
    <>
      {LANGUAGES.map((lang) => (
        <link rel="alternate" hreflang={lang} href={pathInLanguage(path, lang)} />
      ))}
      <link rel="alternate" hreflang="x-default" href={path} />
    </>
  )
}
