import type { Language } from './languages'
import { badge } from './messages/badge'
import { brand } from './messages/brand'
import { chat } from './messages/chat'
import { common } from './messages/common'
import { customerWord } from './messages/customer-word'
import { emailEvent } from './messages/email-event'
import { emailFacts } from './messages/email-facts'
import { emailNotices } from './messages/email-notices'
import { emailSubject } from './messages/email-subject'
import { errors } from './messages/errors'
import { feeds } from './messages/feeds'
import { history } from './messages/history'
import { incidentPage } from './messages/incident-page'
import { labels } from './messages/labels'
import { layout } from './messages/layout'
import { notifyStatus } from './messages/notify-status'
import { notifyTime } from './messages/notify-time'
import { statusPage } from './messages/status-page'
import { subscriberPreferences } from './messages/subscriber-preferences'
import { subscription } from './messages/subscription'
import { subscriptionLinks } from './messages/subscription-links'
import { widget } from './messages/widget'

/**
 * Candor's own words in every language: the union of each surface's messages. A surface adds
 * its file in `messages/` and one line here.
 */
export const SURFACES = [
  common,
  labels,
  layout,
  statusPage,
  incidentPage,
  customerWord,
  history,
  errors,
  subscription,
  subscriptionLinks,
  widget,
  badge,
  feeds,
  brand,
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
