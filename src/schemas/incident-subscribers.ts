import { z } from '@hono/zod-openapi'
import { SubscriberJson } from './subscriptions'

/** Bodies, paths and answers of `/api/v1/incidents/{id}/subscribers`. */

const id = z.string().min(1).max(64)

export const IncidentSubscriberParams = z.object({
  id: id.openapi({ param: { name: 'id', in: 'path' }, example: 'k3x9q2m7a1bz' }),
  subscriber_id: id.openapi({ param: { name: 'subscriber_id', in: 'path' } }),
})

export const IncidentSubscriberInput = z
  .strictObject({
    email: z.string().trim().min(1).max(254).openapi({ example: 'ada@example.com' }),
    skip_confirmation: z.boolean().optional().openapi({
      description:
        'You state the address agreed: a new subscriber is active at once and gets no confirmation email (default false: it gets one and stays pending until confirmed, 48 h).',
    }),
  })
  .openapi('IncidentSubscriberInput')

export const IncidentSubscriberList = z
  .object({ subscribers: z.array(SubscriberJson) })
  .openapi('IncidentSubscriberList')
