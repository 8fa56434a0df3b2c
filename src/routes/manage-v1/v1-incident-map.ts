import { invalidField } from '../../domain/errors'
import type { UpdateFields } from '../../domain/update-fields'
import type { NewIncidentInput } from '../../domain/incidents'
import type { BackfillInput } from '../../domain/incident-backfill'
import type { NewMaintenanceInput } from '../../domain/maintenances'
import type { PresentContext } from '../../domain/present'
import { statusLabel } from '../../domain/status-words'
import {
  IMPACTS,
  MAINTENANCE_STATUSES,
  type ComponentStatus,
  type Impact,
  type Incident,
} from '../../domain/types'
import type { V1IncidentFields } from '../../schemas/manage-v1-incidents'

/** Statuspage's incident fields as the arguments of Candor's incident and maintenance verbs. */

/** How long before a maintenance `scheduled_remind_prior` reminds subscribers. */
export const REMIND_PRIOR_MINUTES = 60

const WORST_FIRST: [ComponentStatus, Impact][] = [
  ['major_outage', 'critical'],
  ['partial_outage', 'major'],
  ['degraded_performance', 'minor'],
]

/** True when the request is for scheduled maintenance rather than an incident. */
export function isMaintenanceRequest(input: V1IncidentFields): boolean {
  const status = input.status as string | undefined
  return (
    (status !== undefined && (MAINTENANCE_STATUSES as readonly string[]).includes(status)) ||
    input.scheduled_for !== undefined
  )
}

/**
 * The component statuses a request sets: `components` (an empty status keeps the current one)
 * and `component_ids` not in it, at their current status. Ids already on `current` with no
 * status given are left out (they stay as they are). An unknown id is a 422.
 */
function componentStatuses(
  input: V1IncidentFields,
  ctx: PresentContext,
  current: Incident | null,
): Record<string, ComponentStatus> | undefined {
  const ids = new Set([...(input.component_ids ?? []), ...Object.keys(input.components ?? {})])
  if (ids.size === 0) return undefined
  const out: Record<string, ComponentStatus> = {}
  for (const id of ids) {
    const component = ctx.components.get(id)
    if (!component || component.isGroup) {
      throw invalidField('component_ids', `No component with id "${id}".`)
    }
    const given = input.components?.[id]
    if (given) out[id] = given
    else if (!current?.componentStatuses.some((s) => s.componentId === id)) {
      out[id] = component.status
    }
  }
  return out
}

/** The impact asked for: `impact_override`, Candor's `impact`, or the worst component's. */
function impactOf(
  input: V1IncidentFields,
  components: Record<string, ComponentStatus> | undefined,
): Impact | undefined {
  const override = input.impact_override
  if (override && (IMPACTS as readonly string[]).includes(override)) return override as Impact
  if (input.impact) return input.impact
  if (!components) return undefined
  const statuses = Object.values(components)
  return WORST_FIRST.find(([status]) => statuses.includes(status))?.[1]
}

/** Candor's own fields, passed through as sent. */
function candorFields(input: V1IncidentFields) {
  const fields: Partial<UpdateFields> = {}
  if (input.area_ids !== undefined) fields.area_ids = input.area_ids
  if (input.eta !== undefined) fields.eta = input.eta
  if (input.next_update_at !== undefined) fields.next_update_at = input.next_update_at
  if (input.progress !== undefined) fields.progress = input.progress
  if (input.workaround !== undefined) fields.workaround = input.workaround || null
  if (input.next_steps !== undefined) fields.next_steps = input.next_steps || null
  if (input.display_at !== undefined) fields.display_at = input.display_at
  return fields
}

/** `backfill_date` as an instant: a date alone is midnight UTC. 422 if it is not a time. */
function backfillStart(input: V1IncidentFields, now: Date): string {
  if (!input.backfill_date) return now.toISOString()
  const raw = /^\d{4}-\d{2}-\d{2}$/.test(input.backfill_date)
    ? `${input.backfill_date}T00:00:00Z`
    : input.backfill_date
  const at = Date.parse(raw)
  if (Number.isNaN(at)) throw invalidField('backfill_date', 'backfill_date must be a date or time.')
  return new Date(at).toISOString()
}

/** A new (live) incident. */
export function newIncidentFrom(
  input: V1IncidentFields & { name: string },
  ctx: PresentContext,
): NewIncidentInput {
  const status = (input.status as string | undefined) ?? 'investigating'
  const components = componentStatuses(input, ctx, null)
  const created: NewIncidentInput = {
    ...candorFields(input),
    name: input.name,
    status,
    impact: impactOf(input, components) ?? 'none',
    body: input.body?.trim() || input.name,
    notify: input.deliver_notifications !== false,
  }
  if (components) created.components = components
  return created
}

/**
 * A backfilled incident (`backfilled: true`): what already happened, recorded through Candor's
 * backfill — it began at `backfill_date`, is over (resolved unless told `postmortem`), shows
 * in history and uptime, and tells nobody.
 */
export function backfillFrom(
  input: V1IncidentFields & { name: string },
  ctx: PresentContext,
): BackfillInput {
  const components = componentStatuses(input, ctx, null)
  const status = (input.status as string | undefined) === 'postmortem' ? 'postmortem' : 'resolved'
  const backfill: BackfillInput = {
    name: input.name,
    status,
    impact: impactOf(input, components) ?? 'none',
    body: input.body?.trim() || input.name,
    backfill_date: backfillStart(input, ctx.now),
  }
  if (components) backfill.components = components
  return backfill
}

/** A new scheduled maintenance, with Statuspage's autopilot flags on Candor's. */
export function newMaintenanceFrom(
  input: V1IncidentFields & { name: string },
  ctx: PresentContext,
): NewMaintenanceInput {
  if (!input.scheduled_for) {
    throw invalidField('scheduled_for', 'Scheduled maintenance needs scheduled_for.')
  }
  if (!input.scheduled_until) {
    throw invalidField('scheduled_until', 'Scheduled maintenance needs scheduled_until.')
  }
  const remind =
    input.remind_before_minutes ?? (input.scheduled_remind_prior ? REMIND_PRIOR_MINUTES : null)
  return {
    name: input.name,
    body: input.body?.trim() || input.name,
    scheduled_for: input.scheduled_for,
    scheduled_until: input.scheduled_until,
    component_ids: Object.keys(componentStatuses(input, ctx, null) ?? {}),
    area_ids: input.area_ids,
    remind_before_minutes: remind,
    auto_start: input.scheduled_auto_in_progress ?? input.scheduled_auto_transition ?? false,
    auto_complete: input.scheduled_auto_completed ?? false,
    status: input.status as NewMaintenanceInput['status'],
    notify: input.deliver_notifications !== false,
  }
}

/** 422 when a change asks to move a maintenance's window, which Candor does not do. */
function checkWindowKept(input: V1IncidentFields, current: Incident): void {
  for (const [field, stored] of [
    ['scheduled_for', current.scheduledFor],
    ['scheduled_until', current.scheduledUntil],
  ] as const) {
    const asked = input[field]
    if (asked !== undefined && (!stored || Date.parse(asked) !== Date.parse(stored))) {
      throw invalidField(
        field,
        'A scheduled maintenance keeps its window: cancel it and schedule a new one.',
      )
    }
  }
}

/**
 * The update a PATCH or PUT posts, or null when it changes nothing Candor keeps. A new status
 * or body tells subscribers unless `deliver_notifications` is false; a change of name, impact
 * or Candor's fields alone tells nobody unless it is true.
 */
export function updateFrom(
  input: V1IncidentFields,
  current: Incident,
  ctx: PresentContext,
): UpdateFields | null {
  if (current.kind === 'maintenance') checkWindowKept(input, current)
  const components = componentStatuses(input, ctx, current)
  const fields: Partial<UpdateFields> = { ...candorFields(input) }
  if (input.status !== undefined && input.status !== current.status) fields.status = input.status
  if (input.name !== undefined && input.name !== current.name) fields.name = input.name
  const impact = impactOf(input, components)
  if (current.kind === 'incident' && impact !== undefined && impact !== current.impact) {
    fields.impact = impact
  }
  if (components && Object.keys(components).length) fields.components = components
  const body = input.body?.trim()
  if (Object.keys(fields).length === 0 && !body) return null
  const told = Boolean(body) || fields.status !== undefined
  return {
    ...fields,
    body: body || statusLabel(fields.status ?? current.status),
    notify: input.deliver_notifications ?? told,
  }
}
