import { selectIncidentsByIds } from '../db/incidents'
import { listDisputedIncidents } from '../domain/resolution-check'
import type { AppEnv } from '../env'
import { raiseOpsAlerts, REOPEN_LINK_SLOT } from '../notify/ops-alerts/ops-alerts'

/**
 * The clock's watch on resolutions: an incident whose customers say "still broken" past the
 * page's threshold gets `ops.resolution_disputed`, once per resolution (a reopened incident
 * resolved again is a new episode), carrying the counts and a one-click reopen link.
 */
export async function alertDisputedResolutions(env: AppEnv, now: Date): Promise<number> {
  const disputed = await listDisputedIncidents(env.DB, now)
  const counts = new Map(disputed.map((d) => [d.incidentId, d]))
  let raised = 0
  for (const incident of await selectIncidentsByIds(
    env.DB,
    disputed.map((d) => d.incidentId),
  )) {
    const d = counts.get(incident.id)!
    const alert = {
      eventType: 'ops.resolution_disputed' as const,
      episode: `disputed ${d.resolvedAt}`,
      facts: { fixed: d.fixed, still_broken: d.stillBroken, resolved_at: d.resolvedAt },
    }
    try {
      // The link is made when the alert is sent, so its token is never stored in clear.
      raised += await raiseOpsAlerts(env, incident, [alert], now, async () => ({
        fields: { reopen_url: REOPEN_LINK_SLOT },
        statements: [],
      }))
    } catch (error) {
      console.error(`dispute alert for incident ${incident.id} failed`, error)
    }
  }
  return raised
}
