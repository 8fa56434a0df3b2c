import { toIso } from '../lib/time'
import type { VerbContext } from './context'
import { invalidField } from './errors'
import { planIncidentChange } from './incident-change'
import type { StatuspageFields } from './statuspage-fields'
import { blankIncident } from './incidents'
import type { Incident } from './types'

export interface NewMaintenanceInput {
  name: string
  body: string
  scheduled_for: string
  scheduled_until: string
  component_ids: string[]
  area_ids?: string[]
  remind_before_minutes?: number | null
  auto_start?: boolean
  auto_complete?: boolean
  status?: string
  notify?: boolean
  /** When the first update was posted, if before now (copying a past maintenance). */
  display_at?: string
  /** Statuspage-only fields to keep (Manage API v1). */
  statuspage_fields?: StatuspageFields
}

/** Schedules maintenance; its components go under maintenance when it starts. */
export async function createMaintenance(
  ctx: VerbContext,
  input: NewMaintenanceInput,
): Promise<Incident> {
  const scheduledFor = toIso(input.scheduled_for)
  const scheduledUntil = toIso(input.scheduled_until)
  if (scheduledUntil <= scheduledFor) {
    throw invalidField('scheduled_until', 'scheduled_until must be after scheduled_for.')
  }
  const at = ctx.now.toISOString()
  const draft = blankIncident('maintenance', input.name, at)
  draft.scheduledFor = scheduledFor
  draft.scheduledUntil = scheduledUntil
  draft.startedAt = scheduledFor
  draft.remindBeforeMinutes = input.remind_before_minutes ?? null
  draft.autoStart = input.auto_start ?? false
  draft.autoComplete = input.auto_complete ?? false
  draft.componentStatuses = [...new Set(input.component_ids)].map((componentId) => ({
    componentId,
    status: 'under_maintenance' as const,
  }))
  const status = input.status ?? 'scheduled'
  const plan = await planIncidentChange(ctx, null, draft, {
    status,
    body: input.body,
    area_ids: input.area_ids,
    notify: input.notify,
    display_at: input.display_at,
    statuspage_fields: input.statuspage_fields,
  })
  await ctx.db.batch(plan.statements)
  return plan.incident
}
