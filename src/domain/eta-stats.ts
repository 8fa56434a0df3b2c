import type { EtaRecordEntry } from './eta-record'

/** How one kind of estimate held: kept, broken, and not yet decided. */
export interface EtaHits {
  /** Resolved at or before that ETA. */
  met: number
  /** Resolved after it, or still open with it passed. */
  missed: number
  /** Still open with that ETA ahead: neither kept nor broken yet. */
  pending: number
  /** met / (met + missed), null when nothing is decided yet. */
  share: number | null
}

/** The ETA record over a window: how often estimates and update promises held. */
export interface EtaStats {
  days: number
  /** Start of the window: incidents created at or after it count. */
  since: string
  until: string
  incidents: number
  with_eta: number
  first_eta: EtaHits
  last_eta: EtaHits
  /**
   * Minutes from the first ETA to the resolution, over resolved incidents that had an ETA;
   * fixed early or on time counts as 0 (no slip). Median, and p90 by nearest rank.
   */
  slip_minutes: { resolved: number; median: number | null; p90: number | null }
  /** Promised updates: on time (at or before the promised time), late, or never posted. */
  promises: {
    total: number
    on_time: number
    late: number
    missed: number
    pending: number
    /** on_time / (on_time + late + missed), null when none is decided yet. */
    share: number | null
  }
}

const MINUTE = 60_000

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 1000
}

function hits(entries: EtaRecordEntry[], pick: (e: EtaRecordEntry) => string | null, now: number) {
  const result: EtaHits = { met: 0, missed: 0, pending: 0, share: null }
  for (const entry of entries) {
    const eta = pick(entry)
    if (eta === null) continue
    if (entry.resolvedAt !== null) {
      if (Date.parse(entry.resolvedAt) <= Date.parse(eta)) result.met++
      else result.missed++
    } else if (Date.parse(eta) < now) result.missed++
    else result.pending++
  }
  result.share = ratio(result.met, result.met + result.missed)
  return result
}

/** The median of sorted numbers (the mean of the middle two for an even count, rounded). */
function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2)
}

/** The nearest-rank percentile of sorted numbers: the smallest value with p of them at or below. */
function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!
}

/**
 * The ETA record of the incidents created in the `days` before `now`. Open incidents count as
 * missed once the time they were promised has passed, pending before that.
 */
export function computeEtaStats(entries: EtaRecordEntry[], now: Date, days: number): EtaStats {
  const nowMs = now.getTime()
  const since = new Date(nowMs - days * 86_400_000).toISOString()
  const inWindow = entries.filter((e) => e.createdAt >= since && Date.parse(e.createdAt) <= nowMs)
  const withEta = inWindow.filter((e) => e.firstEta !== null)

  const slips = withEta
    .filter((e) => e.resolvedAt !== null)
    .map((e) =>
      Math.max(0, Math.round((Date.parse(e.resolvedAt!) - Date.parse(e.firstEta!)) / MINUTE)),
    )
    .sort((a, b) => a - b)

  const promises = {
    total: 0,
    on_time: 0,
    late: 0,
    missed: 0,
    pending: 0,
    share: null as number | null,
  }
  for (const entry of inWindow) {
    for (const [promised, answeredAt] of entry.promises) {
      promises.total++
      if (answeredAt !== null) {
        if (Date.parse(answeredAt) <= Date.parse(promised)) promises.on_time++
        else promises.late++
      } else if (entry.resolvedAt !== null || Date.parse(promised) < nowMs) promises.missed++
      else promises.pending++
    }
  }
  promises.share = ratio(promises.on_time, promises.on_time + promises.late + promises.missed)

  return {
    days,
    since,
    until: now.toISOString(),
    incidents: inWindow.length,
    with_eta: withEta.length,
    first_eta: hits(withEta, (e) => e.firstEta, nowMs),
    last_eta: hits(withEta, (e) => e.lastEta, nowMs),
    slip_minutes: { resolved: slips.length, median: median(slips), p90: percentile(slips, 0.9) },
    promises,
  }
}
