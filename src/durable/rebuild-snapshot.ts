import { installSnapshot, refreshSnapshot, type Snapshot } from '../domain/snapshot'
import type { AppEnv } from '../env'

/** How long a write waits for the snapshot writer before answering anyway. */
export const REBUILD_WAIT_MS = 3_000

/** What asking the writer needs (and building here, when it cannot be reached). */
export type WriterEnv = Pick<AppEnv, 'SNAPSHOT_WRITER' | 'DB' | 'SNAPSHOTS'>

/** The one snapshot writer (a Durable Object, see SnapshotWriter). */
export function snapshotWriter(env: Pick<AppEnv, 'SNAPSHOT_WRITER'>) {
  return env.SNAPSHOT_WRITER.getByName('snapshot')
}

/**
 * Asks the single writer to rebuild the public snapshot after a committed write, and hands
 * its build to this isolate so that the next read here shows the write. Never throws: the
 * write is committed whatever happens to the snapshot, and a rebuild that is slow or fails is
 * caught up by the writer's retries and the clock. Returns the snapshot when one arrived.
 */
export async function rebuildSnapshot(
  env: WriterEnv,
  options: { now?: Date; waitUntil?: (promise: Promise<unknown>) => void } = {},
): Promise<Snapshot | null> {
  const call = snapshotWriter(env)
    .rebuild(options.now ? { now: options.now.getTime() } : {})
    .then((built) => installSnapshot(built))
  const settled = call.catch((error: unknown) => {
    console.error('snapshot rebuild failed; the clock will catch up', error)
    return null
  })
  options.waitUntil?.(settled)
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), REBUILD_WAIT_MS)
  })
  try {
    return await Promise.race([settled, timeout])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * The snapshot for the first read after a deploy (none in KV yet): built by the writer, or
 * here if the writer cannot be reached.
 */
export async function firstSnapshot(env: WriterEnv): Promise<Snapshot> {
  return (await rebuildSnapshot(env)) ?? refreshSnapshot(env)
}

/** When this isolate last asked the writer to store again (see askWriterAgain). */
let askedAgainAt = 0
/** This isolate asks the writer to store again at most this often. */
export const ASK_AGAIN_MS = 10_000

/**
 * The read path's repair, costing no D1 query: KV still holds an older snapshot than the one
 * this isolate was handed by the writer, so the writer's store failed. Asks it to rebuild (and
 * so store) again, in the background, at most every ASK_AGAIN_MS per isolate.
 */
export function askWriterAgain(env: WriterEnv, waitUntil: (promise: Promise<unknown>) => void) {
  const now = Date.now()
  if (now - askedAgainAt < ASK_AGAIN_MS) return
  askedAgainAt = now
  waitUntil(rebuildSnapshot(env))
}
