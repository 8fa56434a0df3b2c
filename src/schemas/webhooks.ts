import { z } from '@hono/zod-openapi'
import { EMAIL_ADDRESS_PATTERN } from '../lib/email-address'
import { EVENT_TYPES } from '../domain/event-types'
import { SUBSCRIBER_STATUSES } from '../domain/subscriber-types'
import { ComponentSchema, IncidentSchema, MaintenanceSchema } from './statuspage'

/** Request and response shapes of the webhook admin API and the delivery log. */

const id = z.string().min(1).max(64)
const isoTime = z.string().openapi({ format: 'date-time', example: '2026-11-23T19:02:48.000Z' })
const FORMATS = ['standard', 'slack', 'discord', 'teams'] as const
const STATUSES = ['pending', 'sending', 'sent', 'failed', 'skipped', 'dead'] as const

export const WebhookInput = z
  .strictObject({
    url: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .openapi({ example: 'https://example.com/hooks/status' }),
    component_ids: z.array(id).max(500).optional(),
    area_ids: z.array(id).max(500).optional(),
    format: z.enum(FORMATS).optional().openapi({
      description:
        'standard: a Standard-Webhooks-signed Candor event; slack, discord, teams: that service’s incoming-webhook message. Detected from the URL when omitted.',
    }),
    email: z.email({ pattern: EMAIL_ADDRESS_PATTERN }).max(320).nullable().optional().openapi({
      description: 'The owner’s address: told if the webhook is disabled.',
    }),
  })
  .openapi('WebhookInput')

export const WebhookJson = z
  .object({
    id: z.string(),
    url: z.string(),
    format: z.enum(FORMATS),
    status: z.enum(SUBSCRIBER_STATUSES).openapi({
      description:
        '`pending`: waiting for its owner to confirm; `pending_verification`: confirmed, waiting for the receiver to answer the `webhook.verify` event with 2xx (webhooks subscribed through the public API only); `active`; `disabled` (see `disabled_reason`); `unsubscribed`',
    }),
    email: z.string().nullable(),
    component_ids: z.array(z.string()),
    area_ids: z.array(z.string()),
    created_at: isoTime,
    updated_at: isoTime,
    disabled_at: isoTime.nullable(),
    disabled_reason: z.string().nullable(),
    consecutive_failures: z.number().int(),
    previous_secret_expires_at: isoTime
      .nullable()
      .openapi({ description: 'Until then the previous secret signs too (after a rotation).' }),
  })
  .openapi('Webhook')

export const WebhookCreated = WebhookJson.extend({
  secret: z.string().openapi({
    description: 'whsec_… — shown once. Verify signatures with any Standard Webhooks library.',
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  }),
}).openapi('WebhookCreated')

export const RotateSecretInput = z
  .strictObject({
    overlap_minutes: z.number().int().min(0).max(10080).optional().openapi({
      description: 'How long the old secret keeps signing alongside the new one (default 1440).',
    }),
  })
  .openapi('RotateSecretInput')

export const DeliveryAttemptJson = z
  .object({
    attempt: z.number().int(),
    at: isoTime,
    status_code: z.number().int().nullable(),
    error: z.string().nullable(),
    duration_ms: z.number().int().nullable(),
  })
  .openapi('DeliveryAttempt')

export const DeliveryJson = z
  .object({
    id: z.string().openapi({ description: 'Also the webhook-id header of every attempt.' }),
    event_id: z.string(),
    event_type: z.string(),
    incident_id: z.string().nullable(),
    component_id: z.string().nullable(),
    subscriber_id: z.string(),
    channel: z.enum(['email', 'webhook']),
    recipient: z.string().nullable(),
    status: z.enum(STATUSES),
    attempts: z.number().int(),
    last_status_code: z.number().int().nullable(),
    last_error: z.string().nullable(),
    created_at: isoTime,
    updated_at: isoTime,
    sent_at: isoTime.nullable(),
    attempt_log: z.array(DeliveryAttemptJson).openapi({ description: 'Newest first.' }),
  })
  .openapi('Delivery')

export const DeliveryListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).optional(),
})

export const DeliveryStatusQuery = DeliveryListQuery.extend({
  status: z.enum(STATUSES).optional(),
})

const counts = z.object(
  Object.fromEntries(STATUSES.map((s) => [s, z.number().int()])) as {
    [K in (typeof STATUSES)[number]]: z.ZodNumber
  },
)

export const IncidentDeliveriesJson = z
  .object({
    incident_id: z.string(),
    events: z.array(
      z.object({
        id: z.string(),
        event_type: z.string(),
        created_at: isoTime,
        dispatched_at: isoTime.nullable(),
      }),
    ),
    total: z.number().int(),
    by_status: counts,
    by_channel: z.object({ email: counts, webhook: counts }),
    retention_days: z.number().int().openapi({
      description:
        'How long finished deliveries (sent, skipped, dead) are kept after their last change (RETENTION_DELIVERIES_DAYS); undelivered ones are always kept.',
    }),
    retained_since: isoTime.openapi({
      description:
        'Finished deliveries last changed before this may have been pruned and are not counted.',
    }),
  })
  .openapi('IncidentDeliveries')

/** The response headers that say how far back a list of deliveries reaches. */
export const DELIVERY_LOG_REACH_HEADERS = {
  'Candor-Retention-Days': {
    description:
      'How long finished deliveries (sent, skipped, dead) are kept after their last change; undelivered ones are always kept.',
    schema: { type: 'integer' as const },
  },
  'Candor-Retained-Since': {
    description: 'ISO time: finished deliveries last changed before it may have been pruned.',
    schema: { type: 'string' as const, format: 'date-time' },
  },
}

/** The JSON body of a Standard-Webhooks-signed event Candor POSTs to a webhook. */
export const WebhookEventJson = z
  .object({
    meta: z.object({
      event_type: z.enum(EVENT_TYPES),
      event_id: z.string(),
      generated_at: isoTime,
      unsubscribe: z.string().nullable().openapi({ description: 'One-click unsubscribe link.' }),
      documentation: z.string(),
    }),
    page: z.object({
      id: z.string(),
      name: z.string(),
      url: z.string(),
      status_indicator: z.enum(['none', 'minor', 'major', 'critical']),
      status_description: z.string(),
    }),
    incident: z.union([IncidentSchema, MaintenanceSchema]).optional().openapi({
      description:
        'incident.* and maintenance.* events: as it stood right after the update. A cancelled maintenance is announced as maintenance.completed with cancelled_at set.',
    }),
    postmortem: z
      .object({ body: z.string(), html: z.string(), published_at: isoTime })
      .optional()
      .openapi({
        description:
          'incident.postmortem events: the published postmortem, in markdown and as sanitised HTML.',
      }),
    component: ComponentSchema.optional(),
    component_update: z
      .object({
        id: z.string(),
        component_id: z.string(),
        created_at: isoTime,
        old_status: z.string(),
        new_status: z.string(),
      })
      .optional()
      .openapi({ description: 'component.updated events.' }),
  })
  .openapi('WebhookEvent')
