import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../i18n/languages'
import { useReader } from '../i18n/reader-context'
import { FormError } from './page-form'

/** What the form shows: the subscriber's choice, or what was typed when it came back. */
export interface ReaderChoiceValues {
  /** An IANA zone, or '' for the page's. */
  timeZone: string
  /** A language code, or '' for the page's. */
  language: string
}

export interface ReaderChoiceProps {
  /** Where the form posts: the manage link's own path with `/preferences`. */
  action: string
  pageName: string
  values: ReaderChoiceValues
  /** What '' stands for. */
  page: { timeZone: string; language: Language }
  /** The zones offered as suggestions (any known one may be typed). */
  zones: readonly string[]
  saved?: boolean
  /** Why the form came back, and which field it was about. */
  error?: { field: 'time_zone' | 'language'; message: string }
}

/**
 * The manage page's choice of the language and time zone of the subscriber's emails: a list
 * of languages and a zone typed with suggestions, both empty for the page's own. Works
 * without JavaScript.
 */
export function SubscriberPreferences(props: ReaderChoiceProps) {
  const reader = useReader()
  const { values, error } = props
  const zoneHint = 'reader-zone-hint'
  const errorId = 'reader-error'
  return (
    <section aria-labelledby="reader-heading">
      <h2 id="reader-heading">{reader.t('preferences.heading')}</h2>
      <p>{reader.t('preferences.intro', { pageName: props.pageName })}</p>
      {props.saved ? <p role="status">{reader.t('preferences.saved')}</p> : null}
      <FormError id={errorId} lead={reader.t('preferences.notSaved')} message={error?.message} />
      <form method="post" action={props.action} class="form">
        <p class="field">
          <label for="reader-language">{reader.t('preferences.language')}</label>
          <select
            id="reader-language"
            name="language"
            aria-invalid={error?.field === 'language' ? 'true' : undefined}
            aria-describedby={error?.field === 'language' ? errorId : undefined}
          >
            <option value="" selected={values.language === ''}>
              {reader.t('preferences.languageDefault', {
                language: LANGUAGE_NAMES[props.page.language],
              })}
            </option>
            {LANGUAGES.map((lang) => (
              <option value={lang} lang={lang} selected={values.language === lang}>
                {LANGUAGE_NAMES[lang]}
              </option>
            ))}
          </select>
        </p>
        <p class="field">
          <label for="reader-zone">{reader.t('preferences.timeZone')}</label>
          <input
            id="reader-zone"
            type="text"
            name="time_zone"
            list="reader-zones"
            maxlength={64}
            autocomplete="off"
            spellcheck={false}
            value={values.timeZone}
            aria-invalid={error?.field === 'time_zone' ? 'true' : undefined}
            aria-describedby={error?.field === 'time_zone' ? `${errorId} ${zoneHint}` : zoneHint}
          />
          <span class="hint" id={zoneHint}>
            {reader.t('preferences.timeZoneHint', { zone: props.page.timeZone })}
          </span>
          <datalist id="reader-zones">
            {props.zones.map((zone) => (
              <option value={zone} />
            ))}
          </datalist>
        </p>
        <p>
          <button type="submit">{reader.t('preferences.save')}</button>
        </p>
      </form>
    </section>
  )
}
