import { insertAudit } from '../db/audit'
import { selectArea } from '../db/areas'
import {
  insertEtaChange,
  insertIncident,
  insertIncidentArea,
  insertUpdate,
  updateIncidentRow,
} from '../db/incidents'
import { insertOutbox } from '../db/outbox'
import { newId } from '../lib/ids'
import { toIso } from '../lib/time'
import type { VerbContext } from './context'
import { CandorError, invalidField } from './errors'
import { planComponentChanges } from './incident-component-changes'
import { planStatuspageFields } from './statuspage-fields'
import { checkCancellable, checkTransition, eventTypeFor } from './incident-transitions'
import { isClosedStatus, isUpcoming, type Incident, type IncidentUpdate } from './types'
import type { ChangeOptions, PlannedChange, UpdateFields } from './update-fields'

/** What every step of one change reads: the request, the incident before and after, the time. */
interface ChangeFrame {
  ctx: VerbContext
  /** The incident as stored, or null when this update creates it. */
  current: Incident | null
  /** The incident the change starts from: `current`, or the draft of a new one. */
  before: Incident
  draft: Incident
  input: UpdateFields
  options: ChangeOptions
  isNew: boolean
  /** The status the update sets. */
  status: string
  /** True when that status closes the incident (resolved, completed…). */
  closing: boolean
  /** When the change is made (ISO). */
  now: string
  /** When the update takes effect: its `display_at`, or now. */
  effectiveAt: string
}

/** The status the update sets, checked: a cancel completes a scheduled maintenance. */
function resolveStatus(
  current: Incident | null,
  before: Incident,
  draft: Incident,
  input: UpdateFields,
  options: ChangeOptions,
): string {
  if (options.cancel) checkCancellable(current)
  const status = options.cancel ? 'completed' : (input.status ?? before.status)
  checkTransition(draft.kind, current?.status ?? null, status)
  return status
}

/**
 * Refuses times that cannot be: an update dated in the future, a next-update promise in the
 * past, and an expected start that is not in the future, not on a new incident, or on one
 * opened resolved.
 */
function checkTimes(f: ChangeFrame): void {
  const { ctx, input } = f
  if (Date.parse(f.effectiveAt) > ctx.now.getTime() + 60_000) {
    throw invalidField('display_at', 'display_at cannot be in the future.')
  }
  if (input.next_update_at && Date.parse(input.next_update_at) <= ctx.now.getTime()) {
    throw invalidField('next_update_at', 'next_update_at must be in the future.')
  }
  if (input.expected_start !== undefined) {
    if (!f.isNew || f.draft.kind !== 'incident') {
      throw invalidField('expected_start', 'expected_start is set when an incident is opened.')
    }
    if (Date.parse(input.expected_start) <= ctx.now.getTime()) {
      throw invalidField('expected_start', 'expected_start must be in the future.')
    }
    if (f.closing) {
      throw invalidField('expected_start', 'An incident expected later cannot be opened resolved.')
    }
  }
}

/** The incident after the update, before its promises, times, areas and components. */
function startNext(f: ChangeFrame): Incident {
  const { before, input } = f
  return {
    ...before,
    name: input.name ?? before.name,
    status: f.status,
    impact: f.draft.kind === 'maintenance' ? 'maintenance' : (input.impact ?? before.impact),
    updatedAt: f.now,
    componentStatuses: [...before.componentStatuses],
    areas: [...before.areas],
  }
}

/**
 * The ETA, the next-update promise, progress and workaround on `next`. Returns the ETA
 * changes to keep in the ETA history (every change, with when and by which update).
 */
function applyPromises(f: ChangeFrame, next: Incident): { eta: string | null }[] {
  const { ctx, input, before } = f
  const etaChanges: { eta: string | null }[] = []
  if (input.eta !== undefined) {
    const eta = input.eta === null ? null : toIso(input.eta)
    if (f.isNew ? eta !== null : eta !== before.eta) etaChanges.push({ eta })
    next.eta = eta
  }

  // The next-update promise: an omitted one stands while it is still ahead.
  if (input.next_update_at !== undefined) {
    next.nextUpdateAt = input.next_update_at === null ? null : toIso(input.next_update_at)
  } else if (
    !f.options.byClock &&
    before.nextUpdateAt &&
    Date.parse(before.nextUpdateAt) <= ctx.now.getTime()
  ) {
    next.nextUpdateAt = null
  }
  if (f.closing) next.nextUpdateAt = null
  if (input.progress !== undefined) next.progress = input.progress
  if (input.workaround !== undefined) next.workaround = input.workaround
  return etaChanges
}

/**
 * The incident's timeline on `next`: an expected start, going live, monitoring, resolved,
 * cancelled and a maintenance's start. Returns whether an upcoming incident goes live now.
 */
function applyTimeline(f: ChangeFrame, next: Incident): boolean {
  const { input, before, effectiveAt } = f
  // A known fault posted early is upcoming until the clock or an update makes it live.
  if (f.isNew && input.expected_start !== undefined) {
    next.expectedStart = toIso(input.expected_start)
    next.startedAt = next.expectedStart
  }
  // Closing it before it takes effect calls it off: it never went live.
  const goingLive = !f.isNew && isUpcoming(before) && input.go_live !== false && !f.closing
  if (goingLive) {
    next.liveAt = f.now
    next.startedAt = effectiveAt
  }

  // Status timestamps.
  if (f.status === 'monitoring' && !next.monitoringAt) next.monitoringAt = effectiveAt
  if (f.closing && !next.resolvedAt) next.resolvedAt = effectiveAt
  if (!f.closing) next.resolvedAt = null
  if (f.options.cancel) {
    // It never began: its start stays the planned one, so the record shows what was called off.
    next.cancelledAt = effectiveAt
  } else if (
    f.draft.kind === 'maintenance' &&
    f.status !== 'scheduled' &&
    before.status === 'scheduled'
  ) {
    next.startedAt = effectiveAt
  }
  return goingLive
}

/** Adds the areas this update names to `next`, with their inserts; an unknown area is a 404. */
async function addNamedAreas(
  f: ChangeFrame,
  next: Incident,
  statements: D1PreparedStatement[],
): Promise<void> {
  for (const areaId of f.input.area_ids ?? []) {
    if (next.areas.some((a) => a.id === areaId)) continue
    const area = await selectArea(f.ctx.db, areaId)
    if (!area) {
      throw new CandorError('not_found', `No area with id "${areaId}".`, [
        { path: 'area_ids', message: `unknown area ${areaId}` },
      ])
    }
    next.areas.push(area)
    statements.push(insertIncidentArea(f.ctx.db, f.draft.id, areaId))
  }
}

/** The update record itself, as posted: what it says and what the incident then promises. */
function buildUpdate(
  f: ChangeFrame,
  next: Incident,
  updateId: string,
  affected: IncidentUpdate['affectedComponents'],
): IncidentUpdate {
  const { input, now } = f
  return {
    id: updateId,
    incidentId: f.draft.id,
    status: f.status,
    body: input.body,
    createdAt: now,
    updatedAt: now,
    displayAt: f.effectiveAt,
    eta: next.eta,
    nextUpdateAt: next.nextUpdateAt,
    promisedBy: f.isNew || f.options.byClock ? null : f.before.nextUpdateAt,
    progress: next.progress,
    nextSteps: input.next_steps ?? null,
    workaround: input.workaround ?? null,
    affectedComponents: affected,
    // A draft tells nobody; publishing it announces the incident as it then stands.
    deliverNotifications: input.notify !== false && !next.isDraft,
  }
}

/**
 * The statements that store the change: the incident row (insert, or update guarded by its
 * `updated_at`), the update, its ETA changes, the outbox event announcing it (unless it tells
 * nobody) and the audit entry.
 */
function changeStatements(
  f: ChangeFrame,
  next: Incident,
  update: IncidentUpdate,
  etaChanges: { eta: string | null }[],
): D1PreparedStatement[] {
  const { ctx, draft, isNew, now } = f
  const head = isNew
    ? insertIncident(ctx.db, next)
    : updateIncidentRow(ctx.db, next, f.before.updatedAt)
  const tail: D1PreparedStatement[] = [
    insertUpdate(ctx.db, update, ctx.actor.id, f.before.updates.length),
    ...etaChanges.map((c) =>
      insertEtaChange(ctx.db, draft.id, { eta: c.eta, setAt: f.effectiveAt, updateId: update.id }),
    ),
  ]
  if (update.deliverNotifications) {
    tail.push(
      insertOutbox(ctx.db, {
        id: newId(16),
        eventType: eventTypeFor(draft.kind, isNew, f.current?.status ?? null, f.status),
        incidentId: draft.id,
        updateId: update.id,
        componentId: null,
        payload: {
          status: f.status,
          previous_status: f.current?.status ?? null,
          base_url: ctx.baseUrl ?? null,
        },
        createdAt: now,
      }),
    )
  }
  tail.push(
    insertAudit(
      ctx.db,
      ctx.actor,
      `${draft.kind}.${isNew ? 'create' : f.options.cancel ? 'cancel' : 'update'}`,
      { type: draft.kind, id: draft.id },
      f.input,
      now,
    ),
  )
  return [head, ...tail]
}

/**
 * Works out everything one update does — to the incident, its ETA history, its components and
 * the page — and returns the statements that make it so, to be run as one `db.batch()`.
 * `current` is null when the update creates the incident (`draft` holds its first state).
 */
export async function planIncidentChange(
  ctx: VerbContext,
  current: Incident | null,
  draft: Incident,
  input: UpdateFields,
  options: ChangeOptions = {},
): Promise<PlannedChange> {
  const before = current ?? draft
  const status = resolveStatus(current, before, draft, input, options)
  const now = ctx.now.toISOString()
  const frame: ChangeFrame = {
    ctx,
    current,
    before,
    draft,
    input,
    options,
    status,
    now,
    isNew: current === null,
    closing: isClosedStatus(status),
    effectiveAt: input.display_at ? toIso(input.display_at) : now,
  }
  checkTimes(frame)

  const next = startNext(frame)
  const updateId = newId()
  const statements: D1PreparedStatement[] = []
  const etaChanges = applyPromises(frame, next)
  const goingLive = applyTimeline(frame, next)
  await addNamedAreas(frame, next, statements)
  const affected = await planComponentChanges(
    ctx,
    next,
    before,
    frame.isNew || goingLive,
    input,
    frame.effectiveAt,
    statements,
    // Going live applies what was announced, not what someone chose just now.
    options.keepWorseHeld === true || goingLive,
  )

  const update = buildUpdate(frame, next, updateId, affected)
  next.updates = [update, ...before.updates]
  for (const change of etaChanges) {
    next.etaHistory = [...next.etaHistory, { eta: change.eta, setAt: frame.effectiveAt, updateId }]
  }
  return {
    incident: next,
    update,
    statements: [
      ...changeStatements(frame, next, update, etaChanges),
      ...statements,
      ...planStatuspageFields(ctx.db, next, input.statuspage_fields),
    ],
  }
}
