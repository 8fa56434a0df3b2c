import { z } from '@hono/zod-openapi'
import { OPS_EVENT_TYPES } from '../domain/event-types'

/** How one channel of an ops alert fared. */
export const OpsAlertSendJson = z
  .object({
    channel: z.enum(['webhook', 'email']),
    target: z.string(),
    status: z.enum(['pending', 'sending', 'sent', 'failed', 'dead']),
    attempts: z.number().int(),
    last_status_code: z.number().int().nullable(),
    last_error: z.string().nullable(),
    sent_at: z.string().nullable(),
  })
  .openapi('OpsAlertSend')

/** An ops alert the clock raised, once for its episode. */
export const OpsAlertJson = z
  .object({
    id: z.string().openapi({ description: 'The event_id of the alert; webhook-id is this + "w"' }),
    event_type: z.enum(OPS_EVENT_TYPES),
    incident_id: z.string(),
    episode: z.string().openapi({
      description: 'What this alert is about, e.g. "overdue <next_update_at>": one alert each',
    }),
    created_at: z.string(),
    sends: z.array(OpsAlertSendJson),
  })
  .openapi('OpsAlert')

export const OpsAlertQuery = z.object({
  incident_id: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
})

/** Where ops alerts go, as Candor reads its settings. */
export const OpsAlertSettingsJson = z
  .object({
    webhook: z.object({
      configured: z.boolean().openapi({ description: 'OPS_WEBHOOK_URL is set' }),
      target: z.string().nullable().openapi({ description: 'The URL alerts are POSTed to' }),
      usable: z.boolean(),
      refused_reason: z.string().nullable().openapi({
        description:
          'Why the configured URL is refused (plain http, a local or private address…); alerts are not sent to it',
      }),
    }),
    email: z.object({
      configured: z.boolean().openapi({ description: 'OPS_EMAIL is set' }),
      target: z.string().nullable(),
      usable: z.boolean(),
    }),
  })
  .openapi('OpsAlertSettings')
