import { selectEtaRecordRows } from '../db/eta-record'

/** The longest window the ETA record answers for, in days. */
export const ETA_RECORD_MAX_DAYS = 365
const KEY = 'eta-record:v1'

/** One incident's promises and how they were kept, as the ETA record needs them. */
export interface EtaRecordEntry {
  createdAt: string
  resolvedAt: string | null
  /** The first and the last estimate given; null when none was ever given. */
  firstEta: string | null
  lastEta: string | null
  /** Each next-update promise: the promised time, and when an update answered it (or null). */
  promises: [string, string | null][]
}

/**
 * What the ETA record is computed from: one entry per incident created in the last 365 days,
 * kept in KV beside the public snapshot so that public reads never query D1. It sits under its
 * own key so the status page and summary never load it.
 */
export interface EtaRecord {
  builtAt: string
  /** The page generation the record was built from (see Snapshot). */
  generation?: number
  entries: EtaRecordEntry[]
}

/** Reads D1 and assembles the ETA record as of `now`. */
export async function buildEtaRecord(
  db: D1Database,
  now: Date,
  generation?: number,
): Promise<EtaRecord> {
  const since = new Date(now.getTime() - ETA_RECORD_MAX_DAYS * 86_400_000).toISOString()
  const rows = await selectEtaRecordRows(db, since)
  const promisesOf = new Map<string, [string, string | null][]>()
  for (const p of rows.promises) {
    const list = promisesOf.get(p.incident_id) ?? []
    list.push([p.promise, p.answered_at])
    promisesOf.set(p.incident_id, list)
  }
  return {
    builtAt: now.toISOString(),
    generation,
    entries: rows.incidents.map((row) => ({
      createdAt: row.created_at,
      resolvedAt: row.resolved_at,
      firstEta: row.first_eta,
      lastEta: row.last_eta,
      promises: promisesOf.get(row.id) ?? [],
    })),
  }
}

/** How long a record handed over by the writer is preferred to an older one in KV. */
const INSTALLED_GRACE_MS = 10_000

/** The last record this isolate parsed, with the text it came from (and when handed over). */
let parsed: { text: string; record: EtaRecord; installedAt?: number } | null = null

/** Stores a record's text in KV (the single snapshot writer calls this with each build). */
export async function storeEtaRecord(kv: KVNamespace, text: string): Promise<void> {
  await kv.put(KEY, text)
}

/** Hands a record built by the writer to this isolate, before KV has it (see installSnapshot). */
export function installEtaRecord(text: string): void {
  parsed = { text, record: JSON.parse(text) as EtaRecord, installedAt: Date.now() }
}

/** Rebuilds the ETA record and stores it in KV, here and now. */
export async function refreshEtaRecord(
  env: { DB: D1Database; SNAPSHOTS: KVNamespace },
  now = new Date(),
): Promise<EtaRecord> {
  const record = await buildEtaRecord(env.DB, now)
  const text = JSON.stringify(record)
  await storeEtaRecord(env.SNAPSHOTS, text)
  parsed = { text, record }
  return record
}

/** The stored ETA record; built once if none exists yet (first read after deploy). */
export async function loadEtaRecord(env: {
  DB: D1Database
  SNAPSHOTS: KVNamespace
}): Promise<EtaRecord> {
  const text = await env.SNAPSHOTS.get(KEY, 'text')
  if (text === null) return parsed?.installedAt ? parsed.record : refreshEtaRecord(env)
  if (parsed?.text !== text) {
    const fromKv = JSON.parse(text) as EtaRecord
    const held = parsed
    const newerHeld =
      held?.installedAt !== undefined &&
      Date.now() - held.installedAt < INSTALLED_GRACE_MS &&
      (fromKv.generation ?? -1) < (held.record.generation ?? -1)
    if (newerHeld) return held.record
    parsed = { text, record: fromKv }
  }
  return parsed.record
}
