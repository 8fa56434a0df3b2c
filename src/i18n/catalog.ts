import type { Language } from './languages'
import { common } from './messages/common'
import { subscriberPreferences } from './messages/subscriber-preferences'

/**
 * Candor's own words in every language: the union of each surface's messages. A surface adds
 * its file in `messages/` and one line here.
 */
const SURFACES = [common, subscriberPreferences] as const

type KeysOf<T> = T extends { en: Record<infer K, string> } ? K : never
export type MessageKey = KeysOf<(typeof SURFACES)[number]>

export type Catalog = Record<MessageKey, string>

export const CATALOGS: Record<Language, Catalog> = Object.fromEntries(
  (['en', 'de', 'fr', 'es', 'ar'] as const).map((lang) => [
    lang,
    Object.assign({}, ...SURFACES.map((s) => s[lang])) as Catalog,
  ]),
) as Record<Language, Catalog>
