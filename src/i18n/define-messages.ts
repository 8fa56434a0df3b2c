import type { Language } from './languages'

/**
 * One surface's messages in every language, as ICU MessageFormat strings. English names the
 * keys; every other language must have exactly the same ones (the type says so, and
 * tests/worker/i18n-catalogs checks the placeholders too).
 */
export type Messages<K extends string> = Record<Language, Record<K, string>>

export function defineMessages<const K extends string>(
  messages: { en: Record<K, string> } & Record<Exclude<Language, 'en'>, Record<K, string>>,
): Messages<K> {
  return messages
}
