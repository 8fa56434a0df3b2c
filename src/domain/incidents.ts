import { selectIncident, selectIncidentsByIds } from '../db/incidents'
import { selectIncidentIds, type ListCursor } from '../db/incident-lists'
import { type IncidentFilter } from './types'
import { newId } from '../lib/ids'
import { toIso } from '../lib/time'
import type { VerbContext } from './context'
import { CandorError, invalidField, notFound } from './errors'
import { planIncidentChange } from './incident-change'
import type { ChangeOptions, PlannedChange, UpdateFields } from './update-fields'
import type { Impact, Incident, IncidentKind, IncidentUpdate } from './types'

export interface NewIncidentInput extends UpdateFields {
  name: string
  status: string
  impact: Impact
  /** When the trouble began, if before now (backfilling a past incident). */
  started_at?: string
}

/** Loads an incident or maintenance of the given kind, or 404. */
export async function getIncident(
  db: D1Database,
  id: string,
  kind: IncidentKind,
): Promise<Incident> {
  const incident = await selectIncident(db, id)
  if (!incident || incident.kind !== kind) throw notFound(kind, id)
  return incident
}

/**
 * Incidents or maintenances for the admin API, newest first, drafts included. `after` (an id of
 * that kind, else a validation error) resumes the list after that one: pass a page's last id.
 */
export async function listIncidents(
  db: D1Database,
  kind: IncidentKind,
  filter: IncidentFilter,
  limit: number,
  after?: string,
): Promise<Incident[]> {
  let cursor: ListCursor | undefined
  if (after !== undefined) {
    const from = await selectIncident(db, after)
    if (!from || from.kind !== kind) {
      throw invalidField('after', `after must be the id of a listed ${kind}; "${after}" is not.`)
    }
    cursor = { createdAt: from.createdAt, id: from.id }
  }
  const ids = await selectIncidentIds(db, kind, filter, limit, cursor, { includeDrafts: true })
  return selectIncidentsByIds(db, ids)
}

/**
 * What a caller may add to a verb's write: `draft` holds a new incident back from the public
 * and subscribers; `alsoWrite` returns statements that must land in the same batch as the
 * change (the intake's own bookkeeping), given the incident and update as planned.
 */
export interface WriteOptions {
  draft?: boolean
  alsoWrite?: (incident: Incident, update: IncidentUpdate) => D1PreparedStatement[]
}

/** A blank incident with defaults, the starting point of a creation. */
export function blankIncident(kind: IncidentKind, name: string, at: string): Incident {
  return {
    id: newId(),
    kind,
    name,
    status: kind === 'incident' ? 'investigating' : 'scheduled',
    impact: kind === 'incident' ? 'none' : 'maintenance',
    createdAt: at,
    updatedAt: at,
    startedAt: at,
    monitoringAt: null,
    resolvedAt: null,
    eta: null,
    nextUpdateAt: null,
    progress: null,
    workaround: null,
    scheduledFor: null,
    scheduledUntil: null,
    remindBeforeMinutes: null,
    autoStart: false,
    autoComplete: false,
    expectedStart: null,
    liveAt: null,
    cancelledAt: null,
    isDraft: false,
    componentStatuses: [],
    areas: [],
    updates: [],
    etaHistory: [],
    resolutionCheck: { fixed: 0, stillBroken: 0, byArea: [] },
    affectedReports: { total: 0, byArea: [] },
  }
}

/**
 * Works out what `createIncident` would write — the incident as it would stand, its first
 * update and the statements — without writing anything (the console's preview uses it).
 */
export async function planNewIncident(
  ctx: VerbContext,
  input: NewIncidentInput,
  options: Pick<WriteOptions, 'draft'> = {},
): Promise<PlannedChange> {
  const at = ctx.now.toISOString()
  const draft = blankIncident('incident', input.name, at)
  draft.isDraft = options.draft === true
  draft.impact = input.impact
  draft.status = input.status
  if (input.started_at && input.expected_start) {
    throw invalidField('started_at', 'Give started_at or expected_start, not both.')
  }
  if (input.started_at) {
    if (Date.parse(input.started_at) > ctx.now.getTime()) {
      throw invalidField('started_at', 'started_at cannot be in the future.')
    }
    draft.startedAt = toIso(input.started_at)
    // A backfilled incident sorts among its contemporaries, as Statuspage's backfill does.
    draft.createdAt = draft.startedAt
  }
  return planIncidentChange(ctx, null, draft, {
    ...input,
    display_at: input.display_at ?? input.started_at,
  })
}

/**
 * Opens an incident with its first update; announces it unless `notify` is false or it is held
 * as a draft.
 */
export async function createIncident(
  ctx: VerbContext,
  input: NewIncidentInput,
  options: WriteOptions = {},
): Promise<Incident> {
  const plan = await planNewIncident(ctx, input, options)
  await ctx.db.batch([
    ...plan.statements,
    ...(options.alsoWrite?.(plan.incident, plan.update) ?? []),
  ])
  return plan.incident
}

/**
 * Works out what `postIncidentUpdate` would write, without writing anything: the incident as
 * it stands now and the planned change (the console's preview uses it).
 */
export async function planIncidentUpdate(
  ctx: VerbContext,
  id: string,
  kind: IncidentKind,
  input: UpdateFields,
  options: Pick<ChangeOptions, 'cancel' | 'byClock' | 'keepWorseHeld'> = {},
): Promise<{ current: Incident; plan: PlannedChange }> {
  const current = await getIncident(ctx.db, id, kind)
  const plan = await planIncidentChange(ctx, current, current, input, {
    cancel: options.cancel,
    byClock: options.byClock,
    keepWorseHeld: options.keepWorseHeld,
  })
  return { current, plan }
}

/**
 * Posts an update to an incident. Returns the update and the incident as it now stands.
 * `alsoWrite` adds writes that must land in the same batch (a link token marked used); `cancel`
 * calls off a maintenance still scheduled (see `ChangeOptions`).
 * If another update landed first, nothing is written and 409 asks the caller to retry.
 */
export async function postIncidentUpdate(
  ctx: VerbContext,
  id: string,
  kind: IncidentKind,
  input: UpdateFields,
  options: Pick<WriteOptions, 'alsoWrite'> &
    Pick<ChangeOptions, 'cancel' | 'byClock' | 'keepWorseHeld'> = {},
): Promise<{ update: IncidentUpdate; incident: Incident }> {
  const { plan } = await planIncidentUpdate(ctx, id, kind, input, options)
  try {
    await ctx.db.batch([
      ...plan.statements,
      ...(options.alsoWrite?.(plan.incident, plan.update) ?? []),
    ])
  } catch (error) {
    if (String(error).includes('NOT NULL constraint failed: incident_updates.incident_id')) {
      throw new CandorError('conflict', 'The incident changed while this update was posted; retry.')
    }
    throw error
  }
  return { update: plan.update, incident: plan.incident }
}
