import { selectPageGeneration } from '../db/page-generation'
import { storedGeneration } from '../domain/snapshot'
import { rebuildSnapshot } from '../durable/rebuild-snapshot'
import type { AppEnv } from '../env'

/**
 * The clock's check that the public snapshot in KV is current: D1's page generation against
 * the generation the stored snapshot was built from. When they differ (a failed KV write, a
 * rebuild lost with its isolate, a change made behind Candor's back through the triggers), the
 * writer rebuilds. Returns whether it asked for a rebuild.
 */
export async function catchUpSnapshot(env: AppEnv, now: Date): Promise<boolean> {
  const [current, stored] = await Promise.all([
    selectPageGeneration(env.DB),
    storedGeneration(env.SNAPSHOTS),
  ])
  if (stored === current) return false
  await rebuildSnapshot(env, { now })
  return true
}
