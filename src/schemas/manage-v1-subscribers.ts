import { z } from '@hono/zod-openapi'
import { formBoolean, idList } from './manage-v1'

/**
 * Subscriber bodies and filters of the Manage API v1. Candor has email and webhook subscribers;
 * Statuspage's other types (SMS, Slack, Teams, integration partners) are named so that a
 * request for one is refused with a clear message rather than a bare enum error.
 */

export const V1_SUBSCRIBER_TYPES = [
  'email',
  'webhook',
  'sms',
  'slack',
  'teams',
  'integration_partner',
] as const
export type V1SubscriberType = (typeof V1_SUBSCRIBER_TYPES)[number]

/** Statuspage's filter of states; `all` is every state but unsubscribed. */
export const V1_SUBSCRIBER_STATES = ['active', 'unconfirmed', 'quarantined', 'all'] as const
export type V1SubscriberStateFilter = (typeof V1_SUBSCRIBER_STATES)[number]

export const V1SubscriberInput = z.looseObject({
  email: z.string().trim().min(1).max(254).optional(),
  endpoint: z.string().max(2000).optional(),
  phone_number: z.string().max(64).optional(),
  phone_country: z.string().max(8).optional(),
  skip_confirmation_notification: formBoolean.optional(),
  component_ids: idList.optional(),
})

/** `subscribers`: a list of ids (a form may send one without `[]`), or `all`. */
const subscriberIds = z.union([z.literal('all'), idList])

export const V1BulkUnsubscribe = z.looseObject({
  subscribers: subscriberIds,
  type: z.enum(V1_SUBSCRIBER_TYPES).optional(),
  state: z.enum(V1_SUBSCRIBER_STATES).optional(),
  skip_unsubscription_notification: formBoolean.optional(),
})

export const V1BulkReactivate = z.looseObject({
  subscribers: subscriberIds,
  type: z.enum(V1_SUBSCRIBER_TYPES).optional(),
})

/** A subscriber PATCH: the components it follows (none given: every component). */
export const V1SubscriberChanges = z.looseObject({
  component_ids: idList.optional(),
})

export const V1BulkResend = z.looseObject({
  subscribers: subscriberIds,
})
