import { selectAreas } from '../db/areas'
import { selectComponents, selectStatusChangesSince } from '../db/components'
import { selectIncidentsByIds } from '../db/incidents'
import { selectIncidentIds, selectOpenMaintenanceIds } from '../db/incident-lists'
import { selectPageGeneration } from '../db/page-generation'
import { computeDailyStatus, HISTORY_DAYS, startOfUtcDay } from './daily-status'
import { buildEtaRecord, installEtaRecord, storeEtaRecord } from './eta-record'
import { ensurePage } from './page'
import { loadPublishedPostmortems, type PublishedPostmortem } from './postmortems'
import type { Area, Component, ComponentStatus, Incident, PageSettings } from './types'

/** How many recent incidents and maintenances the public API lists, as Statuspage does. */
export const RECENT_LIMIT = 50
/** The KV key of the stored snapshot. */
export const SNAPSHOT_KEY = 'snapshot:v1'
const KEY = SNAPSHOT_KEY
/** When the stored snapshot's build began (ms): which of two racing builds is newer. */
const STARTED_KEY = 'snapshot:v1:started'

/**
 * Everything the public read path shows, built when something changes so that no public
 * request touches D1. Time-dependent flags (overdue, ETA passed) are computed when served.
 */
export interface Snapshot {
  builtAt: string
  /** The page generation (D1's `page_generation`) read before anything else was read. */
  generation: number
  page: PageSettings
  components: Component[]
  areas: Area[]
  /** Unresolved incidents and the 50 most recent, newest first. */
  incidents: Incident[]
  /** Maintenances not completed and the 50 most recent, soonest first. */
  maintenances: Incident[]
  /** Worst status per UTC day, last 90 days, per component id. */
  dailyStatus: Record<string, (ComponentStatus | null)[]>
  /** The published postmortems of `incidents`, rendered, by incident id (absent in old builds). */
  postmortems?: Record<string, PublishedPostmortem>
}

function uniqueIds(...lists: string[][]): string[] {
  return [...new Set(lists.flat())]
}

/**
 * Reads D1 and assembles a fresh snapshot. The generation is read first, so the snapshot holds
 * at least every change it names; a change landing during the build makes it look older than
 * it is (one needless rebuild), never newer.
 */
export async function buildSnapshot(
  db: D1Database,
  now: Date,
  generation?: number,
): Promise<Snapshot> {
  const gen = generation ?? (await selectPageGeneration(db))
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
  const incidents = withoutStatuspageFields(
    await selectIncidentsByIds(db, uniqueIds(openIds, recentIds)),
  )
  incidents.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  const maintenances = withoutStatuspageFields(
    await selectIncidentsByIds(db, uniqueIds(openMaintIds, recentMaintIds)),
  )
  maintenances.sort((a, b) => (a.scheduledFor ?? '').localeCompare(b.scheduledFor ?? ''))
  const postmortems = await loadPublishedPostmortems(
    db,
    incidents.map((i) => i.id),
  )
  return {
    builtAt: now.toISOString(),
    generation: gen,
    page,
    components,
    areas,
    incidents,
    maintenances,
    dailyStatus: computeDailyStatus(components, changes, now),
    postmortems,
  }
}

/**
 * Incidents without the Statuspage-only fields the Manage API v1 keeps (up to 8 KB each): no
 * public answer shows them, so the snapshot every read loads does not carry them.
 */
function withoutStatuspageFields(incidents: Incident[]): Incident[] {
  return incidents.map(({ statuspageFields: _unused, ...rest }) => rest)
}

/**
 * How long an isolate serves the snapshot it holds before asking KV again. A write refreshes
 * its own isolate at once; other isolates see it within this (KV itself may take longer to
 * reach other locations).
 */
export const SNAPSHOT_REUSE_MS = 1_000

/**
 * How long an isolate prefers a snapshot it was handed by the writer (see installSnapshot) to
 * an older one still in KV: the writer stores its builds at most once a second per key, so KV
 * normally catches up well within this. After it, KV is the source of truth again.
 */
export const INSTALLED_GRACE_MS = 10_000

/**
 * The last snapshot this isolate parsed, the text it came from, when KV was last read, and,
 * for one handed over by the writer, when that was.
 */
let parsed: {
  text: string
  snapshot: Snapshot
  checkedAt: number
  installedAt?: number
} | null = null

/** What the single writer builds at once: the ETA record and the snapshot, as stored. */
export interface BuiltSnapshot {
  generation: number
  /** When the build began reading D1, by the wall clock: which of two racing builds is newer. */
  startedAt: number
  snapshotText: string
  etaText: string
}

/** Reads D1 and assembles the ETA record and the snapshot, both naming one generation. */
export async function buildAll(db: D1Database, now: Date): Promise<BuiltSnapshot> {
  // When this build began reading D1, by the wall clock (not `now`, which callers may set).
  const startedAt = Date.now()
  const generation = await selectPageGeneration(db)
  const record = await buildEtaRecord(db, now, generation)
  const snapshot = await buildSnapshot(db, now, generation)
  return {
    generation,
    startedAt,
    snapshotText: JSON.stringify(snapshot),
    etaText: JSON.stringify(record),
  }
}

/**
 * Stores a build in KV: the ETA record first (answers rendered for the new snapshot then never
 * show the old record), then the snapshot. Of two racing builds the one that read D1 later
 * wins, so an older build finishing last cannot hide a newer change. False when skipped so.
 */
export async function storeBuilt(kv: KVNamespace, built: BuiltSnapshot): Promise<boolean> {
  const stored = Number(await kv.get(STARTED_KEY, 'text'))
  if (Number.isFinite(stored) && stored > built.startedAt) return false
  await storeEtaRecord(kv, built.etaText)
  await kv.put(KEY, built.snapshotText)
  await kv.put(STARTED_KEY, String(built.startedAt))
  return true
}

/**
 * Hands a build to this isolate: its reads show it at once, before KV has it (a write's next
 * read shows the write). Ignored when this isolate already holds a newer generation.
 */
export function installSnapshot(built: Pick<BuiltSnapshot, 'snapshotText' | 'etaText'>): Snapshot {
  const snapshot = JSON.parse(built.snapshotText) as Snapshot
  if (parsed && parsed.snapshot.generation > snapshot.generation) return parsed.snapshot
  const now = Date.now()
  parsed = { text: built.snapshotText, snapshot, checkedAt: now, installedAt: now }
  installEtaRecord(built.etaText)
  return snapshot
}

/**
 * Builds and stores the snapshot and the ETA record here and now, bypassing the single
 * writer: for the first read after a deploy when the writer cannot be reached, and for tests.
 */
export async function refreshSnapshot(
  env: { DB: D1Database; SNAPSHOTS: KVNamespace },
  now = new Date(),
): Promise<Snapshot> {
  const built = await buildAll(env.DB, now)
  const snapshot = JSON.parse(built.snapshotText) as Snapshot
  if (!(await storeBuilt(env.SNAPSHOTS, built))) return snapshot
  parsed = { text: built.snapshotText, snapshot, checkedAt: Date.now() }
  installEtaRecord(built.etaText)
  return snapshot
}

/** The generation of the snapshot stored in KV, or null when none is (no D1 query). */
export async function storedGeneration(kv: KVNamespace): Promise<number | null> {
  const text = await kv.get(KEY, 'text')
  if (text === null) return null
  return (JSON.parse(text) as Partial<Snapshot>).generation ?? -1
}

/** What the read path does when KV has no snapshot, or an older one than this isolate's. */
export interface LoadHooks {
  /** Builds the first snapshot (none in KV yet), e.g. by the single writer. */
  first?: () => Promise<Snapshot | null>
  /** KV still holds an older generation than this isolate was handed: its store failed. */
  behind?: (generation: number) => void
}

/**
 * The stored snapshot; built once if none exists yet (first request after deploy). KV stays
 * the source of truth: it is read again once the isolate's copy is a second old, and parsed
 * again only when its text changed — except that a newer snapshot handed over by the writer
 * is kept for INSTALLED_GRACE_MS while KV catches up. No D1 query unless KV is empty.
 */
export async function loadSnapshot(
  env: { DB: D1Database; SNAPSHOTS: KVNamespace },
  hooks: LoadHooks = {},
): Promise<Snapshot> {
  const now = Date.now()
  if (parsed && now - parsed.checkedAt < SNAPSHOT_REUSE_MS) return parsed.snapshot
  const text = await env.SNAPSHOTS.get(KEY, 'text')
  if (text === null) {
    if (parsed?.installedAt !== undefined && now - parsed.installedAt < INSTALLED_GRACE_MS) {
      return parsed.snapshot
    }
    return (await hooks.first?.()) ?? refreshSnapshot(env)
  }
  if (parsed?.text !== text) {
    const fromKv = JSON.parse(text) as Snapshot
    const held = parsed
    if (held && (fromKv.generation ?? -1) < held.snapshot.generation) {
      held.checkedAt = now
      // No D1 query: what this isolate was handed is newer than KV. Within the grace period
      // the writer's store is on its way; after it, the store failed and is asked again.
      if (held.installedAt !== undefined && now - held.installedAt < INSTALLED_GRACE_MS) {
        return held.snapshot
      }
      hooks.behind?.(held.snapshot.generation)
    }
    parsed = { text, snapshot: fromKv, checkedAt: now }
  } else parsed.checkedAt = now
  return parsed.snapshot
}
