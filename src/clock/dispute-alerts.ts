import { selectIncidentsByIds } from '../db/incidents'
import { issueReopenLink } from '../domain/reopen'
import { listDisputedIncidents } from '../domain/resolution-check'
import type { AppEnv } from '../env'
import { raiseOpsAlerts } from '../notify/ops-alerts'

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
      raised += await raiseOpsAlerts(env, incident, [alert], now, async (_, baseUrl) => {
        const link = await issueReopenLink(env.DB, incident.id, baseUrl, now)
        return { fields: { reopen_url: link.url }, statements: [link.statement] }
      })
    } catch (error) {
      console.error(`dispute alert for incident ${incident.id} failed`, error)
    }
  }
  return raised
}
