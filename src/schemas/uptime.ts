import { z } from '@hono/zod-openapi'

/** A component's uptime, asked and answered (GET /api/v1/components/{id}/uptime). */

const partialDate = (edge: 'start' | 'end', description: string) =>
  z
    .string()
    .max(20)
    .optional()
    .openapi({ param: { name: edge, in: 'query' }, description, example: '2026-09' })

export const UptimeQuery = z.object({
  start: partialDate(
    'start',
    "First day: `2026`, `2026-09` or `2026-09-15` (a year or month means its first day). Default: the component's start date or 90 days before the end, whichever is later.",
  ),
  end: partialDate(
    'end',
    "Last day, likewise (a year or month means its last day). Default and latest: today in the page's time zone. A range is at most six calendar months.",
  ),
})

export const ComponentUptimeSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    range_start: z.string().openapi({ description: 'First day read (YYYY-MM-DD).' }),
    range_end: z.string().openapi({ description: 'Last day read (YYYY-MM-DD).' }),
    uptime_percentage: z.number().openapi({
      description:
        '100 less the downtime share, to 2 decimals: a major outage counts fully, a partial outage at 30%.',
      example: 99.93,
    }),
    major_outage: z.number().int().openapi({ description: 'Seconds in major outage.' }),
    partial_outage: z.number().int().openapi({ description: 'Seconds in partial outage.' }),
    warnings: z
      .array(z.string())
      .openapi({ description: 'How the range asked for was adjusted, if it was.' }),
    related_events: z
      .array(z.object({ id: z.string() }))
      .openapi({ description: 'The incidents in the range that touched the component.' }),
  })
  .openapi('ComponentUptime')
