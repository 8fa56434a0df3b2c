import { insertAudit } from '../../db/audit'
import {
  upsertIntakeAlert,
  setHeldUpdate,
  writeIntakeGroup,
  type IntakeAlertRow,
  type IntakeGroupRow,
} from '../../db/intake'
import type { VerbContext } from '../context'
import { postIncidentUpdate } from '../incidents'
import type { IntakeSettings } from '../intake-settings'
import { worseStatus } from '../page-status'
import type { ComponentStatus, Impact, Incident } from '../types'
import type { IncomingDelivery } from './incoming'
import { unmappedSentences, type MappedAlert } from './mapping'
import {
  clip,
  IMPACT_RANK,
  lines,
  mayNotify,
  result,
  rowOf,
  worstImpact,
  type AlertResult,
} from './outcome'

/**
 * The group's incident is open: new alerts join it (an update when they touch something new),
 * alerts firing again bring it back from monitoring, and once every alert of the group has
 * resolved it goes to monitoring (or resolved, if the settings say so).
 */
export async function feedOpenIncident(
  ctx: VerbContext,
  delivery: IncomingDelivery,
  settings: IntakeSettings,
  mapped: MappedAlert[],
  incident: Incident,
  group: IntakeGroupRow,
  known: Map<string, IntakeAlertRow>,
  components: { id: string; status: ComponentStatus }[],
): Promise<AlertResult[]> {
  const now = ctx.now.toISOString()
  const joined: MappedAlert[] = []
  const refired: MappedAlert[] = []
  const resolved: MappedAlert[] = []
  const duplicates: MappedAlert[] = []
  const strangers: MappedAlert[] = []
  for (const m of mapped) {
    const seen = known.get(m.alert.fingerprint)
    if (m.alert.status === 'firing') {
      if (!seen) joined.push(m)
      else if (seen.status === 'resolved') refired.push(m)
      else duplicates.push(m)
    } else if (seen?.status === 'firing') resolved.push(m)
    else if (seen) duplicates.push(m)
    else strangers.push(m)
  }

  // The alerts' state after this delivery.
  const rows = new Map<string, IntakeAlertRow>()
  for (const m of [...joined, ...refired]) rows.set(m.alert.fingerprint, rowOf(m.alert, 'firing'))
  for (const m of resolved) rows.set(m.alert.fingerprint, rowOf(m.alert, 'resolved'))
  if (delivery.groupResolved) {
    // The sender says nothing in the group fires: an alert it no longer lists is over too.
    for (const [fingerprint, row] of known) {
      if (row.status === 'firing' && !rows.has(fingerprint)) {
        rows.set(fingerprint, { ...row, status: 'resolved' })
      }
    }
  }
  const state = new Map([...known, ...rows])
  const allResolved = [...state.values()].every((row) => row.status === 'resolved')
  const arriving = [...joined, ...refired]

  // What the incident must now say. A new alert only ever makes a component's status worse;
  // one firing again also restores the status it had given, if someone has changed it since.
  const wanted = new Map<string, { status: ComponentStatus; again: boolean }>()
  for (const m of arriving) {
    if (!m.componentId) continue
    const was = wanted.get(m.componentId)
    wanted.set(m.componentId, {
      status: worseStatus(was?.status ?? 'operational', m.rule.component_status),
      again: (was?.again ?? false) || refired.includes(m),
    })
  }
  const asserted = new Map(incident.componentStatuses.map((s) => [s.componentId, s.status]))
  const current = new Map(components.map((c) => [c.id, c.status]))
  const explicit: Record<string, ComponentStatus> = {}
  for (const [id, want] of wanted) {
    const held = asserted.get(id)
    const target = held === undefined ? want.status : worseStatus(held, want.status)
    if (held === undefined || target !== held || (want.again && current.get(id) !== target)) {
      explicit[id] = target
    }
  }
  const newAreas = [
    ...new Set(
      arriving.flatMap((m) =>
        m.areaId && !incident.areas.some((a) => a.id === m.areaId) ? [m.areaId] : [],
      ),
    ),
  ]
  const impact = worstImpact(arriving)
  const raiseImpact = IMPACT_RANK[impact] > IMPACT_RANK[incident.impact as Impact]

  let status = incident.status
  const statusLines: string[] = []
  if (arriving.length > 0 && incident.status === 'monitoring') {
    status = incident.updates.some((u) => u.status === 'identified')
      ? 'identified'
      : 'investigating'
  } else if (allResolved && rows.size > 0) {
    const target = settings.resolve_when_resolved ? 'resolved' : 'monitoring'
    if (target !== incident.status) {
      status = target
      statusLines.push(
        target === 'resolved'
          ? 'Monitoring reports that every alert has cleared; this incident is resolved.'
          : 'Monitoring reports that every alert has cleared. We are watching to make sure it stays fixed.',
      )
    }
  }
  const unmapped = unmappedSentences(joined)
  const needsUpdate =
    status !== incident.status ||
    Object.keys(explicit).length > 0 ||
    newAreas.length > 0 ||
    raiseImpact ||
    unmapped.length > 0

  const notify =
    needsUpdate && !incident.isDraft && mayNotify(group.lastNotifiedAt, settings, ctx.now)
  // An update the flapping limit keeps from subscribers is remembered, and told by the clock
  // once the interval has passed (unless something newer is said first): nothing is lost.
  const held = needsUpdate && !notify && !incident.isDraft
  const bookkeeping = (_?: unknown, update?: { id: string }) => [
    ...[...rows.values()].map((row) => upsertIntakeAlert(ctx.db, incident.id, row, now)),
    writeIntakeGroup(
      ctx.db,
      {
        groupKey: delivery.groupKey,
        incidentId: incident.id,
        lastNotifiedAt: notify ? now : group.lastNotifiedAt,
      },
      group.version,
      now,
    ),
    ...(update ? [setHeldUpdate(ctx.db, delivery.groupKey, held ? update.id : null)] : []),
  ]

  let change = { updateId: null as string | null, notified: false }
  let after = incident
  if (needsUpdate) {
    const body = lines(
      joined.map((m) => `Monitoring also reports: ${m.alert.description}`),
      refired.map((m) => `Firing again: ${m.alert.description}`),
      statusLines,
      unmapped,
    )
    const posted = await postIncidentUpdate(
      ctx,
      incident.id,
      'incident',
      {
        status,
        body: clip(body || 'Monitoring reports a change.', 20000),
        ...(Object.keys(explicit).length > 0 ? { components: explicit } : {}),
        ...(newAreas.length > 0 ? { area_ids: newAreas } : {}),
        ...(raiseImpact ? { impact } : {}),
        notify,
      },
      { alsoWrite: bookkeeping },
    )
    change = { updateId: posted.update.id, notified: notify }
    after = posted.incident
  } else if (rows.size > 0) {
    await ctx.db.batch([
      ...bookkeeping(),
      insertAudit(
        ctx.db,
        ctx.actor,
        'intake.alerts',
        { type: 'incident', id: incident.id },
        Object.fromEntries([...rows.values()].map((r) => [r.fingerprint, r.status])),
        now,
      ),
    ])
  }

  const outcomes = new Map<MappedAlert, AlertResult>()
  for (const m of joined) outcomes.set(m, result(m, 'joined', after, change))
  for (const m of refired) {
    outcomes.set(m, result(m, change.updateId ? 'updated' : 'joined', after, change))
  }
  for (const m of resolved) {
    outcomes.set(m, result(m, 'resolved', after, change.updateId ? change : undefined))
  }
  for (const m of duplicates) outcomes.set(m, result(m, 'ignored-duplicate', after))
  for (const m of strangers) outcomes.set(m, result(m, 'ignored', null))
  return mapped.map((m) => outcomes.get(m)!)
}
