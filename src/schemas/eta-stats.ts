import { z } from '@hono/zod-openapi'
import { ETA_RECORD_MAX_DAYS } from '../domain/eta-record'

/** The ETA record's query and answer (GET /api/v1/stats/eta). */

export const EtaStatsQuery = z.object({
  days: z.coerce
    .number()
    .int()
    .min(1)
    .max(ETA_RECORD_MAX_DAYS)
    .default(90)
    .openapi({
      param: { name: 'days', in: 'query' },
      description: `Window in days, 1–${ETA_RECORD_MAX_DAYS} (default 90): incidents created in it count.`,
      example: 90,
    }),
})

const share = z
  .number()
  .min(0)
  .max(1)
  .nullable()
  .openapi({ description: 'Rounded to 3 decimals; null when nothing is decided yet.' })

const EtaHitsSchema = z
  .object({
    met: z.number().int().openapi({ description: 'Resolved at or before that ETA.' }),
    missed: z
      .number()
      .int()
      .openapi({ description: 'Resolved after it, or still open with it passed.' }),
    pending: z.number().int().openapi({ description: 'Still open with that ETA ahead.' }),
    share: share.openapi({ description: 'met / (met + missed); null when both are 0.' }),
  })
  .openapi('EtaHits')

export const EtaStatsSchema = z
  .object({
    days: z.number().int(),
    since: z.string().openapi({ format: 'date-time' }),
    until: z.string().openapi({ format: 'date-time' }),
    incidents: z
      .number()
      .int()
      .openapi({ description: 'Incidents (not maintenance) created in the window.' }),
    with_eta: z.number().int().openapi({ description: 'Of those, how many were given an ETA.' }),
    first_eta: EtaHitsSchema.openapi({ description: 'How the first ETA given held.' }),
    last_eta: EtaHitsSchema.openapi({ description: 'How the last ETA given held.' }),
    slip_minutes: z
      .object({
        resolved: z
          .number()
          .int()
          .openapi({ description: 'Resolved incidents with an ETA: the slips counted.' }),
        median: z.number().int().nullable(),
        p90: z.number().int().nullable().openapi({ description: 'Nearest-rank 90th percentile.' }),
      })
      .openapi({
        description:
          'Minutes from the first ETA to the resolution; fixed at or before it counts as 0 (no slip).',
      }),
    promises: z
      .object({
        total: z.number().int(),
        on_time: z
          .number()
          .int()
          .openapi({ description: 'Posted at or before the promised time.' }),
        late: z.number().int().openapi({ description: 'Posted after it.' }),
        missed: z.number().int().openapi({
          description: 'Never posted: the incident resolved first, or the time passed with none.',
        }),
        pending: z.number().int().openapi({ description: 'Promised time still ahead.' }),
        share: share.openapi({ description: 'on_time / (on_time + late + missed).' }),
      })
      .openapi({ description: 'Next-update promises and whether the update came on time.' }),
  })
  .openapi('EtaStats')
