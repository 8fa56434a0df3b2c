import type { Language } from '../i18n/languages'

/** Subscribers: who is told about events, how, and about what. */

export const SUBSCRIBER_KINDS = ['email', 'webhook'] as const
export type SubscriberKind = (typeof SUBSCRIBER_KINDS)[number]

/**
 * `pending`: waiting for its address to confirm. `pending_verification`: a webhook subscribed
 * through the public API, confirmed by its address, waiting for its receiver to answer the
 * `webhook.verify` event with 2xx; it gets nothing else until then.
 */
export const SUBSCRIBER_STATUSES = [
  'pending',
  'pending_verification',
  'active',
  'disabled',
  'unsubscribed',
] as const
export type SubscriberStatus = (typeof SUBSCRIBER_STATUSES)[number]

export const WEBHOOK_FORMATS = ['standard', 'slack', 'discord', 'teams'] as const
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number]

/** How a subscriber's consent was obtained. */
export type Consent = 'double_opt_in' | 'imported_with_consent' | 'admin'

/** An email address or a webhook URL, with what it follows. */
export interface Subscriber {
  id: string
  kind: SubscriberKind
  /** The address (email kind) or the webhook owner's address (webhook kind, optional). */
  email: string | null
  url: string | null
  /** `email` for email subscribers; the webhook's message format otherwise. */
  format: 'email' | WebhookFormat
  secret: string | null
  previousSecret: string | null
  previousSecretExpiresAt: string | null
  status: SubscriberStatus
  /**
   * True when nothing was chosen: the subscriber hears about every event. False for one that
   * follows only incidents (`incidentIds`), with no components or areas.
   */
  everything: boolean
  componentIds: string[]
  areaIds: string[]
  /** Incidents and maintenances it follows one by one: it hears every event of each. */
  incidentIds: string[]
  consent: string
  createdAt: string
  updatedAt: string
  confirmedAt: string | null
  confirmExpiresAt: string | null
  unsubscribedAt: string | null
  disabledAt: string | null
  disabledReason: string | null
  consecutiveFailures: number
  /** The zone every time in its emails is given in; null: the page's. */
  timeZone: string | null
  /** The language its emails are written in; null: the page's default. */
  language: Language | null
}

/** What a subscriber follows: nothing chosen means everything. */
export interface SubscriptionChoices {
  componentIds: string[]
  areaIds: string[]
}
