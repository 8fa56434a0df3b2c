import { CandorError } from '../domain/errors'
import type { SubscriptionChoices } from '../domain/subscriber-types'
import type { MessageKey } from '../i18n/catalog'
import type { Reader } from '../i18n/reader'

/** Reading the subscription forms, and saying why one was refused in the reader's words. */

/** The string values of a form field (checkboxes repeat their name). */
export function formValues(form: Record<string, unknown>, name: string): string[] {
  const value = form[name]
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value]
  return list.filter((v): v is string => typeof v === 'string')
}

export function formValue(form: Record<string, unknown>, name: string): string {
  return formValues(form, name)[0] ?? ''
}

export function formChoices(form: Record<string, unknown>): SubscriptionChoices {
  return { componentIds: formValues(form, 'components'), areaIds: formValues(form, 'areas') }
}

/**
 * The domain's sentences for refused subscription input (`checkEmail`, `checkWebhookUrl`,
 * `checkChoices`), each with the catalog message that says it in every language. The domain
 * speaks English to the API; the pages speak the reader's language.
 */
const KNOWN_REFUSALS: [test: (message: string) => boolean, key: MessageKey][] = [
  [(m) => m === 'Give an email address such as name@example.com.', 'subscribe.error.email'],
  [(m) => m === 'Give the full webhook URL, starting with https://.', 'subscribe.error.urlMissing'],
  [
    (m) => m === 'The webhook URL must start with https:// or http://.',
    'subscribe.error.urlHttpsOrHttp',
  ],
  [(m) => m.startsWith('The webhook URL must start with https:// ('), 'subscribe.error.urlHttps'],
  [(m) => m.includes('must not contain a user name or password'), 'subscribe.error.urlCredentials'],
  [(m) => m === 'The webhook URL is too long.', 'subscribe.error.urlTooLong'],
  [(m) => m.includes('must not point to a local or private address'), 'subscribe.error.urlLocal'],
  [
    (m) => m.startsWith('Some chosen components or areas do not exist'),
    'subscribe.error.unknownChoices',
  ],
]

/** The catalog message for one of the domain's refusals, or null for one it does not know. */
export function refusalKey(message: string): MessageKey | null {
  return KNOWN_REFUSALS.find(([test]) => test(message))?.[1] ?? null
}

/**
 * A human sentence for a refused form, in the reader's language: a known refusal translated, any
 * other input error as the domain wrote it. Anything but an input error is thrown on.
 */
export function formError(reader: Reader, error: unknown): string {
  if (!(error instanceof CandorError) || error.status >= 500) throw error
  const key = refusalKey(error.message)
  return key ? reader.t(key) : error.message
}
