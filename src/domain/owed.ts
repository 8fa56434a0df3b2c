import { selectIncidentsByIds } from '../db/incidents'
import { selectIncidentIds, selectOpenMaintenanceIds } from '../db/incident-lists'
import {
  isResolutionDisputed,
  listDisputedIncidents,
  type DisputeSettings,
} from './resolution-check'
import { isUpcoming, type Incident } from './types'

/**
 * What ops owe customers right now, for the console's landing page: each open incident's and
 * running maintenance's next promised update (overdue, due, or none promised) and whether its
 * ETA has passed; what is coming; drafts waiting to be published; resolutions in dispute.
 */

/** The state of an item's next-update promise at a moment. */
export type UpdatePromise =
  | { kind: 'overdue'; at: string; minutes: number }
  | { kind: 'due'; at: string; minutes: number }
  | { kind: 'none' }

/** An open incident or running maintenance with what it owes. */
export interface OwedItem {
  incident: Incident
  promise: UpdatePromise
  /** Its ETA is set and has passed while it is still open. */
  etaPassed: boolean
}

/** A resolved incident whose customers say it is still broken. */
export interface Dispute {
  incident: Incident
  fixed: number
  stillBroken: number
}

export interface NowBoard {
  /** What is owed first: overdue (longest first), then soonest due, then nothing promised. */
  owed: OwedItem[]
  /** Scheduled maintenance and known faults posted early, soonest first. */
  upcoming: Incident[]
  /** Incidents held back (by the intake), newest first. */
  drafts: Incident[]
  disputes: Dispute[]
}

const MINUTE_MS = 60_000

/** The next-update promise of an incident at `now`, in whole minutes. */
export function promiseOf(incident: Pick<Incident, 'nextUpdateAt'>, now: Date): UpdatePromise {
  if (!incident.nextUpdateAt) return { kind: 'none' }
  const delta = Date.parse(incident.nextUpdateAt) - now.getTime()
  if (delta <= 0) {
    return { kind: 'overdue', at: incident.nextUpdateAt, minutes: Math.floor(-delta / MINUTE_MS) }
  }
  return { kind: 'due', at: incident.nextUpdateAt, minutes: Math.ceil(delta / MINUTE_MS) }
}

/** True when an open item's ETA is set and lies in the past. */
export function etaHasPassed(incident: Pick<Incident, 'eta'>, now: Date): boolean {
  return incident.eta !== null && Date.parse(incident.eta) <= now.getTime()
}

/** The item as owed at `now`. */
export function owedItem(incident: Incident, now: Date): OwedItem {
  return { incident, promise: promiseOf(incident, now), etaPassed: etaHasPassed(incident, now) }
}

/**
 * Orders what is owed: a promised time sorts by that time (so the most overdue comes first,
 * then the soonest due); nothing promised comes last, a passed ETA first among those.
 */
export function compareOwed(a: OwedItem, b: OwedItem): number {
  const at = (item: OwedItem) =>
    item.promise.kind === 'none' ? Infinity : Date.parse(item.promise.at)
  const byPromise = at(a) - at(b)
  if (byPromise !== 0 && !Number.isNaN(byPromise)) return byPromise
  if (a.etaPassed !== b.etaPassed) return a.etaPassed ? -1 : 1
  return b.incident.startedAt.localeCompare(a.incident.startedAt)
}

const MAINTENANCE_RUNNING = new Set(['in_progress', 'verifying'])

/** Everything the Now page shows, at `now`. */
export async function loadNowBoard(db: D1Database, now: Date): Promise<NowBoard> {
  const [incidentIds, maintenanceIds, disputed] = await Promise.all([
    selectIncidentIds(db, 'incident', 'unresolved', 200, undefined, { includeDrafts: true }),
    selectOpenMaintenanceIds(db),
    listDisputedIncidents(db, now),
  ])
  const loaded = await selectIncidentsByIds(db, [
    ...new Set([...incidentIds, ...maintenanceIds, ...disputed.map((d) => d.incidentId)]),
  ])
  const byId = new Map(loaded.map((i) => [i.id, i]))
  const pick = (ids: string[]) => ids.map((id) => byId.get(id)).filter((i) => i !== undefined)

  const openIncidents = pick(incidentIds)
  const maintenances = pick(maintenanceIds).filter((m) => m.cancelledAt === null)
  const live = openIncidents.filter((i) => !i.isDraft && !isUpcoming(i))
  const running = maintenances.filter((m) => MAINTENANCE_RUNNING.has(m.status))

  const upcoming = [
    ...openIncidents.filter((i) => !i.isDraft && isUpcoming(i)),
    ...maintenances.filter((m) => m.status === 'scheduled'),
  ].sort((a, b) => startOf(a).localeCompare(startOf(b)))

  const disputes: Dispute[] = []
  for (const candidate of disputed) {
    const incident = byId.get(candidate.incidentId)
    // A postmortem is final; it cannot be reopened.
    if (!incident || incident.status === 'postmortem') continue
    disputes.push({ incident, fixed: candidate.fixed, stillBroken: candidate.stillBroken })
  }

  return {
    owed: [...live, ...running].map((i) => owedItem(i, now)).sort(compareOwed),
    upcoming,
    drafts: openIncidents.filter((i) => i.isDraft),
    disputes,
  }
}

/** When an upcoming item begins: a maintenance's window, a known fault's expected start. */
export function startOf(incident: Incident): string {
  return incident.scheduledFor ?? incident.expectedStart ?? incident.startedAt
}

/** The incident's dispute, if its customers currently dispute its resolution. */
export function disputeOf(incident: Incident, settings: DisputeSettings): Dispute | null {
  if (!incident.resolvedAt || incident.kind !== 'incident') return null
  const { fixed, stillBroken } = incident.resolutionCheck
  return isResolutionDisputed({ fixed, stillBroken }, settings)
    ? { incident, fixed, stillBroken }
    : null
}
