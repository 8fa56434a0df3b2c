import { expirePendingRows } from '../db/subscriber-expiry'

/** Link tokens are kept this long after they expire, so an old link reads "expired", not "unknown". */
const EXPIRED_TOKENS_KEPT_MS = 30 * 86_400_000

/**
 * For the cron sweep: pending subscribers whose 48-hour confirmation window has closed are
 * removed (one that had confirmed before and asked to come back returns to unsubscribed), and
 * link tokens expired over 30 days ago are deleted. Returns how many subscribers were removed.
 */
export async function expirePendingSubscribers(db: D1Database, now: Date): Promise<number> {
  const results = await db.batch(
    expirePendingRows(
      db,
      now.toISOString(),
      new Date(now.getTime() - EXPIRED_TOKENS_KEPT_MS).toISOString(),
    ),
  )
  return results.at(-1)?.meta.changes ?? 0
}
