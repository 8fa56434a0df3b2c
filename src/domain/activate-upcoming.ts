import { selectIncident } from '../db/incidents'
import { selectDueUpcomingIds } from '../db/incident-lists'
import { rebuildSnapshot, type WriterEnv } from '../durable/rebuild-snapshot'
import { formatUtc } from '../lib/time-format'
import type { VerbContext } from './context'
import { planIncidentChange } from './incident-change'
import { isUpcoming, type Actor } from './types'

/** Who the audit log names for changes the clock makes. */
export const CLOCK_ACTOR: Actor = { id: 'clock', scopes: ['owner'] }
/** Upcoming incidents made live per clock run at most (the rest wait a minute). */
export const ACTIVATE_LIMIT = 50

/**
 * Makes one upcoming incident live: applies its component statuses and records "Now in
 * effect…", announced as incident.updated. Returns false when there was nothing to do — it is
 * already live, or another run made it live first: the batch is guarded by the incident's
 * `updated_at` and update count, so of two runs planning the same change only one lands.
 */
export async function activateIncident(ctx: VerbContext, id: string): Promise<boolean> {
  const incident = await selectIncident(ctx.db, id)
  if (!incident || !isUpcoming(incident)) return false
  const plan = await planIncidentChange(
    ctx,
    incident,
    incident,
    {
      body: `Now in effect, as announced for ${formatUtc(incident.expectedStart!)}.`,
      go_live: true,
    },
    // The clock's note is no answer to the update ops promised.
    { byClock: true },
  )
  try {
    await ctx.db.batch(plan.statements)
  } catch (error) {
    if (String(error).includes('NOT NULL constraint failed: incident_updates.incident_id')) {
      return false
    }
    throw error
  }
  return true
}

/**
 * The clock step for known faults posted early: every upcoming incident whose expected start
 * has come goes live, and the public snapshot is rebuilt if any did. Safe to run twice, also at
 * once. Returns how many went live.
 */
export async function activateDueIncidents(
  env: WriterEnv & { PUBLIC_URL?: string },
  now: Date,
): Promise<number> {
  const ids = await selectDueUpcomingIds(env.DB, now.toISOString(), ACTIVATE_LIMIT)
  const ctx: VerbContext = {
    db: env.DB,
    actor: CLOCK_ACTOR,
    now,
    baseUrl: env.PUBLIC_URL?.replace(/\/+$/, ''),
  }
  let activated = 0
  for (const id of ids) {
    try {
      if (await activateIncident(ctx, id)) activated++
    } catch (error) {
      // One incident's failure must not hold back the others; the next run tries it again.
      console.error(`activating upcoming incident ${id} failed`, error)
    }
  }
  if (activated > 0) await rebuildSnapshot(env, { now })
  return activated
}
