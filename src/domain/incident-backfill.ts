import { insertAudit } from '../db/audit'
import { insertStatusChange, selectComponents, selectStatusAt } from '../db/components'
import {
  insertIncident,
  insertIncidentArea,
  insertUpdate,
  markBackfilled,
  selectIncident,
  upsertIncidentComponent,
} from '../db/incidents'
import { selectArea } from '../db/areas'
import { newId } from '../lib/ids'
import { toIso } from '../lib/time'
import type { VerbContext } from './context'
import { CandorError, invalidField } from './errors'
import { blankIncident } from './incidents'
import { planStatuspageFields, type StatuspageFields } from './statuspage-fields'
import {
  isClosedStatus,
  type AffectedComponent,
  type ComponentStatus,
  type Impact,
  type Incident,
  type IncidentUpdate,
} from './types'

/** An incident that already happened, as ops record it afterwards. */
export interface BackfillInput {
  name: string
  /** `resolved` or `postmortem`: a backfilled incident is over. */
  status: string
  impact: Impact
  body: string
  /** When it happened (began). */
  backfill_date: string
  /** When it was resolved; default: when it began. */
  resolved_at?: string
  /** What it did to components while it lasted (shown in their uptime bars). */
  components?: Record<string, ComponentStatus>
  area_ids?: string[]
  /** Statuspage-only fields to keep (Manage API v1). */
  statuspage_fields?: StatuspageFields
}

function checkTimes(input: BackfillInput, now: Date): { startedAt: string; resolvedAt: string } {
  if (!isClosedStatus(input.status)) {
    throw invalidField('status', 'A backfilled incident is over: give resolved or postmortem.')
  }
  const startedAt = toIso(input.backfill_date)
  const resolvedAt = toIso(input.resolved_at ?? input.backfill_date)
  if (Date.parse(startedAt) > now.getTime()) {
    throw invalidField('backfill_date', 'backfill_date is when it happened: not in the future.')
  }
  if (Date.parse(resolvedAt) > now.getTime()) {
    throw invalidField('resolved_at', 'resolved_at cannot be in the future.')
  }
  if (Date.parse(resolvedAt) < Date.parse(startedAt)) {
    throw invalidField('resolved_at', 'resolved_at cannot be before backfill_date.')
  }
  return { startedAt, resolvedAt }
}

/**
 * What the incident did to its components: their history gets the status it asserted from its
 * start, and back at its end to what they had then; their current status is not touched.
 */
async function componentHistory(
  ctx: VerbContext,
  incidentId: string,
  asserted: Record<string, ComponentStatus>,
  times: { startedAt: string; resolvedAt: string },
  statements: D1PreparedStatement[],
): Promise<AffectedComponent[]> {
  const components = new Map((await selectComponents(ctx.db)).map((c) => [c.id, c]))
  const affected: AffectedComponent[] = []
  for (const [componentId, status] of Object.entries(asserted)) {
    const component = components.get(componentId)
    if (!component || component.isGroup) {
      throw new CandorError('not_found', `No component with id "${componentId}".`, [
        { path: `components.${componentId}`, message: `unknown component ${componentId}` },
      ])
    }
    const before = (await selectStatusAt(ctx.db, componentId, times.startedAt)) ?? 'operational'
    const after = (await selectStatusAt(ctx.db, componentId, times.resolvedAt)) ?? before
    affected.push({
      code: componentId,
      name: component.name,
      old_status: before,
      new_status: status,
    })
    statements.push(
      upsertIncidentComponent(ctx.db, incidentId, componentId, status),
      insertStatusChange(ctx.db, componentId, status, times.startedAt, incidentId),
      insertStatusChange(ctx.db, componentId, after, times.resolvedAt, incidentId),
    )
  }
  return affected
}

/**
 * Records an incident that already happened (Statuspage's backfill): it appears in the history,
 * the incident's page and its components' uptime bars at its past times, already resolved.
 * It tells nobody — no outbox event, so no subscriber, webhook or ops alert hears of it — and
 * promised nothing, so the ETA record leaves it out. Audited like any incident's creation.
 */
export async function backfillIncident(ctx: VerbContext, input: BackfillInput): Promise<Incident> {
  const times = checkTimes(input, ctx.now)
  const now = ctx.now.toISOString()
  const incident = blankIncident('incident', input.name, now)
  incident.status = input.status
  incident.impact = input.impact
  incident.createdAt = times.startedAt
  incident.startedAt = times.startedAt
  incident.resolvedAt = times.resolvedAt
  incident.backfilled = true

  const statements: D1PreparedStatement[] = []
  for (const areaId of new Set(input.area_ids ?? [])) {
    if (!(await selectArea(ctx.db, areaId))) {
      throw new CandorError('not_found', `No area with id "${areaId}".`, [
        { path: 'area_ids', message: `unknown area ${areaId}` },
      ])
    }
    statements.push(insertIncidentArea(ctx.db, incident.id, areaId))
  }
  const affected = await componentHistory(
    ctx,
    incident.id,
    input.components ?? {},
    times,
    statements,
  )
  const update: IncidentUpdate = {
    id: newId(),
    incidentId: incident.id,
    status: input.status,
    body: input.body,
    createdAt: now,
    updatedAt: now,
    displayAt: times.resolvedAt,
    eta: null,
    nextUpdateAt: null,
    promisedBy: null,
    progress: null,
    nextSteps: null,
    workaround: null,
    affectedComponents: affected,
    deliverNotifications: false,
  }
  await ctx.db.batch([
    insertIncident(ctx.db, incident),
    markBackfilled(ctx.db, incident.id),
    insertUpdate(ctx.db, update, ctx.actor.id, 0),
    ...statements,
    ...planStatuspageFields(ctx.db, incident, input.statuspage_fields),
    insertAudit(
      ctx.db,
      ctx.actor,
      'incident.backfill',
      { type: 'incident', id: incident.id },
      input,
      now,
    ),
  ])
  return (await selectIncident(ctx.db, incident.id))!
}
