import { selectAreas } from '../../db/areas'
import { insertAudit } from '../../db/audit'
import { selectComponents } from '../../db/components'
import { selectIncident } from '../../db/incidents'
import {
  isIntakeRace,
  selectIntakeAlerts,
  selectIntakeGroup,
  upsertIntakeAlert,
  writeIntakeGroup,
  type IntakeAlertRow,
  type IntakeGroupRow,
} from '../../db/intake'
import type { INTAKE_OUTCOMES } from '../../schemas/intake'
import type { VerbContext } from '../context'
import { CandorError } from '../errors'
import { createIncident, postIncidentUpdate } from '../incidents'
import type { IntakeSettings } from '../intake-settings'
import { worseStatus } from '../page-status'
import { isClosedStatus, type ComponentStatus, type Impact, type Incident } from '../types'
import type { IncomingAlert, IncomingDelivery } from './incoming'
import { mapAlert, unmappedSentences, type MappedAlert, type UnmappedLabel } from './mapping'

export type IntakeOutcome = (typeof INTAKE_OUTCOMES)[number]

/** What the intake did with one alert of a delivery. */
export interface AlertResult {
  fingerprint: string
  outcome: IntakeOutcome
  incident_id: string | null
  update_id: string | null
  notified: boolean
  draft: boolean
  unmapped: UnmappedLabel[]
}

const IMPACT_RANK: Record<Impact, number> = { none: 0, minor: 1, major: 2, critical: 3 }
const STATUS_RANK: Record<ComponentStatus, number> = {
  operational: 0,
  under_maintenance: 1,
  degraded_performance: 2,
  partial_outage: 3,
  major_outage: 4,
}
const MAX_ATTEMPTS = 4

/**
 * Takes one delivery of alerts: opens an incident for a group that has none open, feeds the
 * open one otherwise, and records each alert's state so that a repeat changes nothing. Every
 * change goes through createIncident / postIncidentUpdate, with the intake's bookkeeping in
 * the same batch. Two deliveries of one group racing: the loser re-reads and tries again.
 */
export async function receiveAlerts(
  ctx: VerbContext,
  delivery: IncomingDelivery,
  settings: IntakeSettings,
): Promise<AlertResult[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await receiveOnce(ctx, delivery, settings)
    } catch (error) {
      const raced =
        isIntakeRace(error) || (error instanceof CandorError && error.code === 'conflict')
      if (!raced || attempt >= MAX_ATTEMPTS) throw error
    }
  }
}

function byWorstFirst(a: MappedAlert, b: MappedAlert): number {
  return (
    STATUS_RANK[b.rule.component_status] - STATUS_RANK[a.rule.component_status] ||
    IMPACT_RANK[b.rule.impact] - IMPACT_RANK[a.rule.impact]
  )
}

function worstImpact(alerts: MappedAlert[]): Impact {
  return alerts.reduce<Impact>(
    (worst, m) => (IMPACT_RANK[m.rule.impact] > IMPACT_RANK[worst] ? m.rule.impact : worst),
    'none',
  )
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

function rowOf(alert: IncomingAlert, status: IntakeAlertRow['status']): IntakeAlertRow {
  return {
    fingerprint: alert.fingerprint,
    status,
    startsAt: alert.startsAt,
    summary: clip(alert.title, 300),
  }
}

/** Whether the intake may tell subscribers again: once per interval per incident. */
function mayNotify(lastNotifiedAt: string | null, settings: IntakeSettings, now: Date): boolean {
  if (lastNotifiedAt === null) return true
  return now.getTime() - Date.parse(lastNotifiedAt) >= settings.notify_interval_minutes * 60_000
}

function result(
  m: MappedAlert,
  outcome: IntakeOutcome,
  incident: Incident | null,
  change: { updateId: string | null; notified: boolean } = { updateId: null, notified: false },
): AlertResult {
  return {
    fingerprint: m.alert.fingerprint,
    outcome,
    incident_id: incident?.id ?? null,
    update_id: change.updateId,
    notified: change.notified,
    draft: incident?.isDraft ?? false,
    unmapped: m.unmapped,
  }
}

/** Unique lines, in order. */
function lines(...parts: string[][]): string {
  return [...new Set(parts.flat())].join('\n')
}

async function receiveOnce(
  ctx: VerbContext,
  delivery: IncomingDelivery,
  settings: IntakeSettings,
): Promise<AlertResult[]> {
  const [components, areas, group] = await Promise.all([
    selectComponents(ctx.db),
    selectAreas(ctx.db),
    selectIntakeGroup(ctx.db, delivery.groupKey),
  ])
  // One alert named twice in a delivery counts once, as its last mention says.
  const byFingerprint = new Map<string, MappedAlert>()
  for (const alert of delivery.alerts) {
    byFingerprint.set(alert.fingerprint, mapAlert(alert, settings, components, areas))
  }
  const mapped = [...byFingerprint.values()]
  const incident = group ? await selectIncident(ctx.db, group.incidentId) : null
  const known = new Map(
    (incident ? await selectIntakeAlerts(ctx.db, incident.id) : []).map((a) => [a.fingerprint, a]),
  )
  if (incident && group && !isClosedStatus(incident.status)) {
    return feedOpenIncident(ctx, delivery, settings, mapped, incident, group, known, components)
  }
  return openOrRecord(ctx, delivery, settings, mapped, incident, group, known)
}

/** No incident open for the group: new firing alerts open one; resolved ones are recorded. */
async function openOrRecord(
  ctx: VerbContext,
  delivery: IncomingDelivery,
  settings: IntakeSettings,
  mapped: MappedAlert[],
  closed: Incident | null,
  group: IntakeGroupRow | null,
  known: Map<string, IntakeAlertRow>,
): Promise<AlertResult[]> {
  const now = ctx.now.toISOString()
  const results = new Map<string, AlertResult>()
  const fresh: MappedAlert[] = []
  const closedRows: IntakeAlertRow[] = []
  for (const m of mapped) {
    const seen = known.get(m.alert.fingerprint)
    if (m.alert.status === 'firing') {
      // Still the same occurrence the closed incident already told of (a human resolved it
      // while the alert kept firing): repeating it must not reopen anything.
      if (seen?.status === 'firing' && seen.startsAt === m.alert.startsAt) {
        results.set(m.alert.fingerprint, result(m, 'ignored-duplicate', closed))
      } else {
        fresh.push(m)
      }
    } else if (seen?.status === 'firing') {
      closedRows.push(rowOf(m.alert, 'resolved'))
      results.set(m.alert.fingerprint, result(m, 'resolved', closed))
    } else {
      results.set(
        m.alert.fingerprint,
        result(m, seen ? 'ignored-duplicate' : 'ignored', seen ? closed : null),
      )
    }
  }
  const recordClosed = closedRows.map((row) => upsertIntakeAlert(ctx.db, closed!.id, row, now))

  if (fresh.length === 0) {
    if (recordClosed.length > 0) {
      await ctx.db.batch([
        ...recordClosed,
        insertAudit(
          ctx.db,
          ctx.actor,
          'intake.alerts',
          { type: 'incident', id: closed!.id },
          { resolved: closedRows.map((r) => r.fingerprint) },
          now,
        ),
      ])
    }
    return mapped.map((m) => results.get(m.alert.fingerprint)!)
  }

  fresh.sort(byWorstFirst)
  const componentStatuses: Record<string, ComponentStatus> = {}
  for (const m of fresh) {
    if (!m.componentId) continue
    const was = componentStatuses[m.componentId]
    componentStatuses[m.componentId] = was
      ? worseStatus(was, m.rule.component_status)
      : m.rule.component_status
  }
  const areaIds = [...new Set(fresh.flatMap((m) => (m.areaId ? [m.areaId] : [])))]
  const draft = settings.open_as_draft
  const notify = !draft
  const body = lines(
    fresh.map((m) => m.alert.description),
    unmappedSentences(fresh),
  )
  const created = await createIncident(
    ctx,
    {
      name: clip(fresh[0]!.alert.title, 300),
      status: 'investigating',
      impact: worstImpact(fresh),
      body: clip(body, 20000),
      components: componentStatuses,
      area_ids: areaIds,
      notify,
    },
    {
      draft,
      alsoWrite: (incident) => [
        ...fresh.map((m) => upsertIntakeAlert(ctx.db, incident.id, rowOf(m.alert, 'firing'), now)),
        ...recordClosed,
        writeIntakeGroup(
          ctx.db,
          {
            groupKey: delivery.groupKey,
            incidentId: incident.id,
            lastNotifiedAt: notify ? now : null,
          },
          group?.version ?? 0,
          now,
        ),
      ],
    },
  )
  const change = { updateId: created.updates[0]!.id, notified: notify }
  fresh.forEach((m, index) => {
    results.set(m.alert.fingerprint, result(m, index === 0 ? 'opened' : 'joined', created, change))
  })
  return mapped.map((m) => results.get(m.alert.fingerprint)!)
}

/**
 * The group's incident is open: new alerts join it (an update when they touch something new),
 * alerts firing again bring it back from monitoring, and once every alert of the group has
 * resolved it goes to monitoring (or resolved, if the settings say so).
 */
async function feedOpenIncident(
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

  // What the incident must now say.
  const explicit: Record<string, ComponentStatus> = {}
  const asserted = new Map(incident.componentStatuses.map((s) => [s.componentId, s.status]))
  const current = new Map(components.map((c) => [c.id, c.status]))
  for (const m of arriving) {
    if (!m.componentId) continue
    const wanted = worseStatus(explicit[m.componentId] ?? 'operational', m.rule.component_status)
    const held = asserted.get(m.componentId)
    const again = refired.includes(m)
    // A new alert only ever makes things worse; one firing again restores what it said.
    if (held === undefined || worseStatus(held, wanted) !== held) explicit[m.componentId] = wanted
    else if (again && (held !== wanted || current.get(m.componentId) !== wanted)) {
      explicit[m.componentId] = worseStatus(held, wanted)
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
  const bookkeeping = () => [
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
