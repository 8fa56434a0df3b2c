import {
  insertClockEvent,
  selectMaintenanceToComplete,
  selectMaintenanceToStart,
  selectMaintenanceWithReminders,
} from '../db/clock-queries'
import type { VerbContext } from '../domain/context'
import { CandorError } from '../domain/errors'
import { postIncidentUpdate } from '../domain/incidents'
import type { AppEnv } from '../env'
import { sha256Hex } from '../lib/ids'
import { clockBaseUrl } from '../notify/ops-alerts/ops-alerts'

/** Who the clock is in the audit log and on the updates it posts. */
export const CLOCK_ACTOR = { id: 'clock', scopes: ['owner' as const] }

/** What one run of the autopilot did. */
export interface AutopilotResult {
  started: string[]
  completed: string[]
  reminded: string[]
}

function clockContext(env: AppEnv, now: Date): VerbContext {
  return { db: env.DB, actor: CLOCK_ACTOR, now, baseUrl: clockBaseUrl(env) }
}

/**
 * Posts the clock's update to a maintenance; an update that lost a race (another run or ops got
 * there first) is not an error: the maintenance has moved on.
 */
async function stepMaintenance(
  ctx: VerbContext,
  id: string,
  status: 'in_progress' | 'completed',
  body: string,
): Promise<boolean> {
  try {
    // The clock's step answers no promise ops made: a promised update stays due.
    await postIncidentUpdate(ctx, id, 'maintenance', { status, body }, { byClock: true })
    return true
  } catch (error) {
    if (error instanceof CandorError && error.code === 'conflict') return false
    throw error
  }
}

/**
 * Maintenance that runs itself: `auto_start` ones begin at `scheduled_for`, `auto_complete`
 * ones end at `scheduled_until` (each through an ordinary update, so subscribers hear
 * `maintenance.started` / `maintenance.completed` and components go under maintenance and
 * back), and ones with `remind_before_minutes` announce `maintenance.reminder` that long
 * ahead — once per scheduled start, however many runs see it.
 */
export async function runMaintenanceAutopilot(env: AppEnv, now: Date): Promise<AutopilotResult> {
  const ctx = clockContext(env, now)
  const at = now.toISOString()
  const result: AutopilotResult = { started: [], completed: [], reminded: [] }

  for (const id of await selectMaintenanceToStart(env.DB, at)) {
    if (await stepMaintenance(ctx, id, 'in_progress', 'The maintenance has begun, as scheduled.')) {
      result.started.push(id)
    }
  }
  for (const id of await selectMaintenanceToComplete(env.DB, at)) {
    if (await stepMaintenance(ctx, id, 'completed', 'The maintenance is complete, as scheduled.')) {
      result.completed.push(id)
    }
  }

  const due = (await selectMaintenanceWithReminders(env.DB, at)).filter(
    (m) => Date.parse(m.scheduledFor) - m.remindBeforeMinutes * 60_000 <= now.getTime(),
  )
  for (const m of due) {
    // One reminder per scheduled start: a rescheduled maintenance is reminded again.
    const id = (await sha256Hex(`maintenance.reminder\n${m.id}\n${m.scheduledFor}`)).slice(0, 16)
    const inserted = await insertClockEvent(
      env.DB,
      {
        id,
        eventType: 'maintenance.reminder',
        incidentId: m.id,
        payload: { scheduled_for: m.scheduledFor, base_url: clockBaseUrl(env) },
      },
      at,
    ).run()
    if (inserted.meta.changes === 1) result.reminded.push(m.id)
  }
  return result
}
