import { z } from '@hono/zod-openapi'
import { EMAIL_ADDRESS_PATTERN } from '../lib/email-address'
import { SUBSCRIBER_STATES } from '../domain/subscriber-states'
import { SUBSCRIBER_KINDS, SUBSCRIBER_STATUSES, WEBHOOK_FORMATS } from '../domain/subscriber-types'
import { LANGUAGES } from '../i18n/languages'

/** Bodies and answers of the subscription API (public subscribe, admin subscribers). */

const id = z.string().min(1).max(64)

export const SubscriptionInput = z
  .strictObject({
    email: z
      .email({
        pattern: EMAIL_ADDRESS_PATTERN,
        message: 'Give an email address such as name@example.com.',
      })
      .max(254),
    component_ids: z
      .array(id)
      .max(500)
      .optional()
      .openapi({ description: 'Components to hear about; none (and no areas) = everything.' }),
    area_ids: z
      .array(id)
      .max(500)
      .optional()
      .openapi({ description: 'Areas to hear about; none (and no components) = everything.' }),
    url: z.string().max(2000).optional().openapi({
      description:
        'A webhook URL (https://) to subscribe instead of the address; the address confirms it and is told if it is disabled.',
    }),
  })
  .openapi('SubscriptionInput')

export const SubscriptionAccepted = z
  .object({ message: z.string() })
  .openapi('SubscriptionAccepted', {
    description: 'The same answer whether the address is new, pending or already subscribed.',
  })

export const SubscriberJson = z
  .object({
    id: z.string(),
    kind: z.enum(SUBSCRIBER_KINDS),
    email: z.string().nullable(),
    url: z.string().nullable(),
    format: z.enum(['email', ...WEBHOOK_FORMATS]),
    status: z.enum(SUBSCRIBER_STATUSES).openapi({
      description:
        '`pending`: waiting for the address to confirm; `pending_verification`: a webhook subscribed through the public API, confirmed, waiting for its receiver to answer the `webhook.verify` event with 2xx (it gets nothing else until then); `active`; `disabled` (see `disabled_reason`); `unsubscribed`',
    }),
    state: z.enum(SUBSCRIBER_STATES).openapi({
      description:
        "The status in Statuspage's words: `unconfirmed` (pending, pending_verification), `active`, `quarantined` (disabled: kept, sent nothing until reactivated), `unsubscribed`.",
    }),
    quarantined_at: z
      .string()
      .nullable()
      .openapi({ description: 'When it was quarantined (disabled), while it is.' }),
    everything: z.boolean(),
    component_ids: z.array(z.string()),
    area_ids: z.array(z.string()),
    incident_ids: z.array(z.string()).openapi({
      description:
        'Incidents and maintenances it follows one by one: it hears every event of each. One that follows only incidents has `everything` false and no components or areas.',
    }),
    consent: z.string(),
    created_at: z.string(),
    updated_at: z.string(),
    confirmed_at: z.string().nullable(),
    unsubscribed_at: z.string().nullable(),
    disabled_at: z.string().nullable(),
    disabled_reason: z.string().nullable(),
    consecutive_failures: z.number().int(),
    time_zone: z.string().nullable().openapi({
      description:
        "The IANA zone every time in its emails is given in, with the zone's abbreviation; null: the page's `time_zone`. The subscriber chooses it on its manage page.",
      example: 'Europe/London',
    }),
    language: z.enum(LANGUAGES).nullable().openapi({
      description:
        "The language its emails and their subjects are written in; null: the page's default `language`. What ops wrote (names, updates) stays as written.",
      example: 'de',
    }),
  })
  .openapi('Subscriber')

export const SubscriberReaderInput = z
  .strictObject({
    time_zone: z.string().max(64).nullable().optional().openapi({
      description:
        "An IANA zone (e.g. `Europe/London`) for every time in the subscriber's emails; null: the page's. An unknown zone or a bare UTC offset is refused.",
      example: 'Europe/London',
    }),
    language: z.enum(LANGUAGES).nullable().optional().openapi({
      description: "en, de, fr, es or ar for the subscriber's emails; null: the page's default.",
      example: 'de',
    }),
  })
  .openapi('SubscriberReaderInput')

export const SubscriberList = z
  .object({
    subscribers: z.array(SubscriberJson),
    next_cursor: z
      .string()
      .nullable()
      .openapi({ description: 'Pass as `cursor` for the next page; null on the last page.' }),
  })
  .openapi('SubscriberList')

export const SubscriberListQuery = z.object({
  kind: z.enum(SUBSCRIBER_KINDS).optional(),
  status: z.enum(SUBSCRIBER_STATUSES).optional(),
  state: z.enum(SUBSCRIBER_STATES).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  cursor: z.string().max(64).optional(),
})

export const ImportQuery = z.object({
  consented: z.enum(['true', 'false']).optional().openapi({
    description:
      '`true` states that every address agreed to be subscribed: rows become active at once. Otherwise each gets a confirmation email and stays pending.',
  }),
})

export const ImportReportJson = z
  .object({
    added: z.number().int(),
    active: z.number().int(),
    pending: z.number().int(),
    skipped: z.array(z.object({ line: z.number().int(), email: z.string(), reason: z.string() })),
    errors: z.array(
      z.object({ line: z.number().int(), email: z.string().nullable(), message: z.string() }),
    ),
    ignored_columns: z.array(z.string()),
  })
  .openapi('SubscriberImportReport')

const stateCounts = z
  .object({
    unconfirmed: z.number().int(),
    active: z.number().int(),
    quarantined: z.number().int(),
    unsubscribed: z.number().int(),
    total: z.number().int().openapi({ description: 'Every state but unsubscribed.' }),
  })
  .openapi('SubscriberStateCounts')

export const SubscriberCountsQuery = z.object({
  kind: z.enum(SUBSCRIBER_KINDS).optional(),
  state: z
    .enum([...SUBSCRIBER_STATES, 'all'])
    .optional()
    .openapi({ description: 'Which state `by_kind` counts (default `active`; `all` = total).' }),
})

export const SubscriberCounts = z
  .object({
    by_kind_and_state: z.object({ email: stateCounts, webhook: stateCounts, all: stateCounts }),
    by_kind: z.object({ email: z.number().int(), webhook: z.number().int() }).openapi({
      description:
        'Subscribers in `state` (default active), by kind; with `kind`, the other counts 0.',
    }),
  })
  .openapi('SubscriberCounts')

export const ReactivateInput = z
  .strictObject({
    subscribers: z.union([z.array(id).min(1).max(1000), z.literal('all')]).openapi({
      description: 'Ids of quarantined subscribers, or `all` for every quarantined one.',
    }),
    kind: z.enum(SUBSCRIBER_KINDS).optional().openapi({ description: 'Only of this kind.' }),
  })
  .openapi('ReactivateInput')

export const ReactivateReport = z
  .object({ reactivated: z.array(z.string()) })
  .openapi('ReactivateReport')
