import { selectIdsOverdueOrPastEta } from '../db/clock-queries'
import { selectIncidentsByIds } from '../db/incidents'
import type { AppEnv } from '../env'
import { raiseOpsAlerts } from '../notify/ops-alerts/ops-alerts'
import { dueClockAlerts } from './due-alerts'

/**
 * The clock's watch on promises: every open incident whose promised update is late or whose
 * ETA has passed gets its `ops.update_overdue` / `ops.eta_passed` alert, once per episode.
 * Returns how many alerts were raised.
 */
export async function alertLatePromises(env: AppEnv, now: Date): Promise<number> {
  const ids = await selectIdsOverdueOrPastEta(env.DB, now.toISOString())
  let raised = 0
  for (const incident of await selectIncidentsByIds(env.DB, ids)) {
    try {
      raised += await raiseOpsAlerts(env, incident, dueClockAlerts(incident, now), now)
    } catch (error) {
      // One incident's failure must not keep the others' alerts back; the next run tries again.
      console.error(`ops alerts for incident ${incident.id} failed`, error)
    }
  }
  return raised
}
