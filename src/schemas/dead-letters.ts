import { z } from '@hono/zod-openapi'
import { QUEUES } from '../lib/queue-names'

/** Shapes of GET /api/v1/dead-letters. */

const isoTime = z.string().openapi({ format: 'date-time', example: '2026-11-23T19:02:48.000Z' })
const QUEUE_NAMES = [QUEUES.events, QUEUES.deliveries, QUEUES.opsAlerts] as const

export const DeadLetterQuery = z.object({
  queue: z.enum(QUEUE_NAMES).optional().openapi({
    description: 'Only the dead letters of this queue',
  }),
  limit: z.coerce.number().int().min(1).max(500).optional().openapi({
    description: 'At most this many (default 50)',
  }),
})

export const DeadLetterJson = z
  .object({
    queue: z.enum(QUEUE_NAMES).openapi({
      description: 'The queue whose retries were spent (its dead letters went to `<queue>-dlq`)',
    }),
    subject_id: z.string().openapi({
      description:
        'What the message named: an outbox event id (candor-events), a delivery or transactional mail id (candor-deliveries), an ops-alert send id (candor-ops-alerts)',
    }),
    message: z.record(z.string(), z.string()).openapi({
      description: 'The queue message body, e.g. `{"outboxId": "…"}` or `{"mailId": "…"}`',
      example: { deliveryId: 'dlv0123456789abcdefgh' },
    }),
    error: z.string().nullable().openapi({ description: 'The last error known' }),
    times: z.number().int().openapi({ description: 'How often it reached the dead-letter queue' }),
    first_at: isoTime,
    last_at: isoTime,
  })
  .openapi('DeadLetter')
