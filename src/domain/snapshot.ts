import { selectAreas } from '../db/areas'
import { selectComponents, selectStatusChangesSince } from '../db/components'
import { selectIncidentIds, selectIncidentsByIds, selectOpenMaintenanceIds } from '../db/incidents'
import { computeDailyStatus, HISTORY_DAYS, startOfUtcDay } from './daily-status'
import { refreshEtaRecord } from './eta-record'
import { ensurePage } from './page'
import type { Area, Component, ComponentStatus, Incident, PageSettings } from './types'

/** How many recent incidents and maintenances the public API lists, as Statuspage does. */
export const RECENT_LIMIT = 50
const KEY = 'snapshot:v1'
/** When the stored snapshot's build began (ms): which of two racing builds is newer. */
const STARTED_KEY = 'snapshot:v1:started'

/**
 * Everything the public read path shows, built when something changes so that no public
 * request touches D1. Time-dependent flags (overdue, ETA passed) are computed when served.
 */
export interface Snapshot {
  builtAt: string
  page: PageSettings
  components: Component[]
  areas: Area[]
  /** Unresolved incidents and the 50 most recent, newest first. */
  incidents: Incident[]
  /** Maintenances not completed and the 50 most recent, soonest first. */
  maintenances: Incident[]
  /** Worst status per UTC day, last 90 days, per component id. */
  dailyStatus: Record<string, (ComponentStatus | null)[]>
}

function uniqueIds(...lists: string[][]): string[] {
  return [...new Set(lists.flat())]
}

/** Reads D1 and assembles a fresh snapshot. */
export async function buildSnapshot(db: D1Database, now: Date): Promise<Snapshot> {
  const since = new Date(startOfUtcDay(now.getTime()) - (HISTORY_DAYS - 1) * 86_400_000)
  const [page, components, areas, openIds, recentIds, openMaintIds, recentMaintIds, changes] =
    await Promise.all([
      ensurePage(db, now),
      selectComponents(db),
      selectAreas(db),
      selectIncidentIds(db, 'incident', 'unresolved', 1000),
      selectIncidentIds(db, 'incident', 'all', RECENT_LIMIT),
      selectOpenMaintenanceIds(db),
      selectIncidentIds(db, 'maintenance', 'all', RECENT_LIMIT),
      selectStatusChangesSince(db, since.toISOString()),
    ])
  const incidents = await selectIncidentsByIds(db, uniqueIds(openIds, recentIds))
  incidents.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  const maintenances = await selectIncidentsByIds(db, uniqueIds(openMaintIds, recentMaintIds))
  maintenances.sort((a, b) => (a.scheduledFor ?? '').localeCompare(b.scheduledFor ?? ''))
  return {
    builtAt: now.toISOString(),
    page,
    components,
    areas,
    incidents,
    maintenances,
    dailyStatus: computeDailyStatus(components, changes, now),
  }
}

/**
 * How long an isolate serves the snapshot it holds before asking KV again. A write refreshes
 * its own isolate at once; other isolates see it within this (KV itself may take longer to
 * reach other locations).
 */
export const SNAPSHOT_REUSE_MS = 1_000

/** The last snapshot this isolate parsed, the text it came from, and when KV was last read. */
let parsed: { text: string; snapshot: Snapshot; checkedAt: number } | null = null

/**
 * Rebuilds the snapshot, and the ETA record beside it, and stores both for the read path.
 * Called after every write. The record is stored first: answers rendered for the new snapshot
 * then never show the old record.
 */
export async function refreshSnapshot(
  env: { DB: D1Database; SNAPSHOTS: KVNamespace },
  now = new Date(),
): Promise<Snapshot> {
  // When this build began reading D1, by the wall clock (not `now`, which callers may set).
  const startedAt = Date.now()
  await refreshEtaRecord(env, now)
  const snapshot = await buildSnapshot(env.DB, now)
  const text = JSON.stringify(snapshot)
  // Two rebuilds racing (a vote and an admin write): the one that read D1 later wins, so an
  // older build finishing last cannot hide a newer change until the next write.
  const stored = Number(await env.SNAPSHOTS.get(STARTED_KEY, 'text'))
  if (Number.isFinite(stored) && stored > startedAt) return snapshot
  await env.SNAPSHOTS.put(KEY, text)
  await env.SNAPSHOTS.put(STARTED_KEY, String(startedAt))
  parsed = { text, snapshot, checkedAt: Date.now() }
  return snapshot
}

/**
 * The stored snapshot; built once if none exists yet (first request after deploy). KV stays the
 * source of truth: it is read again once the isolate's copy is a second old, and parsed again
 * only when its text changed.
 */
export async function loadSnapshot(env: {
  DB: D1Database
  SNAPSHOTS: KVNamespace
}): Promise<Snapshot> {
  const now = Date.now()
  if (parsed && now - parsed.checkedAt < SNAPSHOT_REUSE_MS) return parsed.snapshot
  const text = await env.SNAPSHOTS.get(KEY, 'text')
  if (text === null) return refreshSnapshot(env)
  if (parsed?.text !== text)
    parsed = { text, snapshot: JSON.parse(text) as Snapshot, checkedAt: now }
  else parsed.checkedAt = now
  return parsed.snapshot
}
