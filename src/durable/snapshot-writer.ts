import { DurableObject } from 'cloudflare:workers'
import { buildAll, storeBuilt, type BuiltSnapshot } from '../domain/snapshot'
import type { AppEnv } from '../env'

/** KV takes about one write per second per key: the writer stores no more often than this. */
export const MIN_STORE_INTERVAL_MS = 1_000
/** After a failed store, the next try waits this long, doubling up to a minute. */
const RETRY_FIRST_MS = 2_000
const RETRY_MAX_MS = 60_000

/** What a rebuild hands back to the caller: the build, ready for installSnapshot. */
export interface RebuildResult {
  generation: number
  snapshotText: string
  etaText: string
}

/** What the writer has done since it started (for operators and tests). */
export interface WriterStats {
  builds: number
  stores: number
  failedStores: number
  /** Whether a build is waiting to be stored (the next store is due, or being retried). */
  storePending: boolean
  lastBuiltGeneration: number | null
  lastStoredGeneration: number | null
}

/**
 * The single writer of the public snapshot: one instance, named "snapshot". Every write asks
 * it to rebuild; it runs one build at a time, and requests that arrive during a build are
 * folded into one follow-up build, which each of them waits for (a build that starts after a
 * request sees that request's committed write). Builds are handed back to the callers at once;
 * KV gets the newest of them at most once a second (its per-key write limit), the rest carried
 * by an alarm. A failed store fails no write: the alarm retries it, and the clock compares
 * generations each minute in case the writer itself lost it.
 */
export class SnapshotWriter extends DurableObject<AppEnv> {
  private building: Promise<BuiltSnapshot> | null = null
  private started = 0
  private latest: (BuiltSnapshot & { seq: number }) | null = null
  private storedSeq = 0
  private lastStoreAt = 0
  private storing: Promise<void> | null = null
  private retryMs = RETRY_FIRST_MS
  /** The clock's time for the next build (tests run the clock at other times). */
  private nextNow: number | null = null
  private stats: WriterStats = {
    builds: 0,
    stores: 0,
    failedStores: 0,
    storePending: false,
    lastBuiltGeneration: null,
    lastStoredGeneration: null,
  }

  /**
   * Rebuilds from D1 with every write committed before this call, and returns that build.
   * `now` (ms) sets the build's clock; otherwise the wall clock is used.
   */
  async rebuild(options: { now?: number } = {}): Promise<RebuildResult> {
    if (options.now !== undefined) this.nextNow = Math.max(this.nextNow ?? 0, options.now)
    // A build already running may have read D1 before this write: wait for the next one.
    const needed = this.started + 1
    let built: BuiltSnapshot & { seq: number }
    for (;;) {
      this.building ??= this.build()
      await this.building
      if (this.latest && this.latest.seq >= needed) {
        built = this.latest
        break
      }
    }
    await this.scheduleStore()
    return {
      generation: built.generation,
      snapshotText: built.snapshotText,
      etaText: built.etaText,
    }
  }

  /** What the writer has done, and whether a store is still to come. */
  async status(): Promise<WriterStats> {
    return { ...this.stats, storePending: this.latest !== null && this.latest.seq > this.storedSeq }
  }

  /** The follow-up store (or a retry); after an eviction, a fresh build first. */
  override async alarm(): Promise<void> {
    if (!this.latest) {
      await this.rebuild()
      return
    }
    await this.scheduleStore()
  }

  private async build(): Promise<BuiltSnapshot> {
    const seq = ++this.started
    const now = new Date(this.nextNow ?? Date.now())
    this.nextNow = null
    try {
      const built = await buildAll(this.env.DB, now)
      this.stats.builds++
      this.stats.lastBuiltGeneration = built.generation
      if (!this.latest || seq > this.latest.seq) this.latest = { ...built, seq }
      return built
    } finally {
      this.building = null
    }
  }

  /** Stores the newest build now if KV's limit allows, else when it does (by the alarm). */
  private async scheduleStore(): Promise<void> {
    if (this.storing) return this.storing
    const latest = this.latest
    if (!latest || latest.seq <= this.storedSeq) return
    const wait = this.lastStoreAt + MIN_STORE_INTERVAL_MS - Date.now()
    if (wait > 0) {
      await this.alarmIn(wait)
      return
    }
    this.storing = this.store(latest).finally(() => {
      this.storing = null
    })
    return this.storing
  }

  private async store(latest: BuiltSnapshot & { seq: number }): Promise<void> {
    this.lastStoreAt = Date.now()
    try {
      await storeBuilt(this.env.SNAPSHOTS, latest)
      this.storedSeq = Math.max(this.storedSeq, latest.seq)
      this.stats.stores++
      this.stats.lastStoredGeneration = latest.generation
      this.retryMs = RETRY_FIRST_MS
    } catch (error) {
      // The platform failed (KV down, or over its limit): nothing is lost, the build is kept.
      this.stats.failedStores++
      console.error('snapshot store failed; retrying', error)
      await this.alarmIn(this.retryMs)
      this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS)
      return
    }
    // Builds finished during the store wait for the next slot.
    if (this.latest && this.latest.seq > this.storedSeq) await this.alarmIn(MIN_STORE_INTERVAL_MS)
  }

  private async alarmIn(ms: number): Promise<void> {
    const at = Date.now() + ms
    const current = await this.ctx.storage.getAlarm()
    if (current === null || current > at) await this.ctx.storage.setAlarm(at)
  }
}
