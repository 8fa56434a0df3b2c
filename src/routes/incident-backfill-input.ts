import type { z } from '@hono/zod-openapi'
import { invalidField } from '../domain/errors'
import type { BackfillInput } from '../domain/incident-backfill'
import type { NewIncidentInput } from '../domain/incidents'
import type { IncidentInput } from '../schemas/inputs'

type Body = z.infer<typeof IncidentInput>

/** Fields that make no sense for an incident recorded after it happened. */
const NOT_WITH_BACKFILL = [
  'eta',
  'next_update_at',
  'progress',
  'expected_start',
  'started_at',
  'display_at',
] as const

/** The body of a `backfilled: true` POST /incidents as the backfill verb takes it. */
export function backfillInput(body: Body): BackfillInput {
  if (!body.backfill_date) {
    throw invalidField('backfill_date', 'A backfilled incident needs backfill_date: when it began.')
  }
  for (const field of NOT_WITH_BACKFILL) {
    if (body[field] !== undefined && body[field] !== null) {
      throw invalidField(field, `${field} cannot be given for a backfilled incident.`)
    }
  }
  return {
    name: body.name,
    status: body.status,
    impact: body.impact,
    body: body.body,
    backfill_date: body.backfill_date,
    resolved_at: body.resolved_at,
    components: body.components,
    area_ids: body.area_ids,
  }
}

/** The body of an ordinary POST /incidents, refusing the backfill-only fields. */
export function withoutBackfill(body: Body): NewIncidentInput {
  const { backfilled: _b, backfill_date, resolved_at, ...rest } = body
  if (backfill_date !== undefined) {
    throw invalidField('backfill_date', 'backfill_date goes with backfilled: true.')
  }
  if (resolved_at !== undefined) {
    throw invalidField('resolved_at', 'resolved_at goes with backfilled: true.')
  }
  return rest
}
