import type { Language } from './languages'
import { chat } from './messages/chat'
import { common } from './messages/common'
import { emailEvent } from './messages/email-event'
import { emailFacts } from './messages/email-facts'
import { emailNotices } from './messages/email-notices'
import { emailSubject } from './messages/email-subject'
import { notifyStatus } from './messages/notify-status'
import { notifyTime } from './messages/notify-time'
import { subscriberPreferences } from './messages/subscriber-preferences'

/**
 * Candor's own words in every language: the union of each surface's messages. A surface adds
 * its file in `messages/` and one line here.
 */
const SURFACES = [
  common,
  subscriberPreferences,
  notifyTime,
  notifyStatus,
  emailSubject,
  emailEvent,
  emailFacts,
  emailNotices,
  chat,
] as const

type KeysOf<T> = T extends { en: Record<infer K, string> } ? K : never
export type MessageKey = KeysOf<(typeof SURFACES)[number]>

export type Catalog = Record<MessageKey, string>

export const CATALOGS: Record<Language, Catalog> = Object.fromEntries(
  (['en', 'de', 'fr', 'es', 'ar'] as const).map((lang) => [
    lang,
    Object.assign({}, ...SURFACES.map((s) => s[lang])) as Catalog,
  ]),
) as Record<Language, Catalog>
