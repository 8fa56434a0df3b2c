import { insertClockEvent } from '../db/clock-queries'
import { releaseHeldUpdate, selectHeldGroups } from '../db/intake'
import { selectIncident } from '../db/incidents'
import { getIntakeSettings } from '../domain/intake-settings'
import { mayNotify } from '../domain/intake/outcome'
import { isClosedStatus } from '../domain/types'
import type { AppEnv } from '../env'
import { sha256Hex } from '../lib/ids'
import { clockBaseUrl } from '../notify/ops-alerts/ops-alerts'

/**
 * Flapping alerts notify at most once per interval; an update held back then is not lost: once
 * the interval has passed, the clock announces it (`incident.updated`, or `incident.resolved`
 * when it closed the incident), unless a newer update has been posted since, which then speaks
 * for the incident. Returns how many held updates were announced.
 */
export async function sendHeldIntakeNotices(env: AppEnv, now: Date): Promise<number> {
  const groups = await selectHeldGroups(env.DB)
  if (groups.length === 0) return 0
  const settings = await getIntakeSettings(env.DB)
  const at = now.toISOString()
  let sent = 0
  for (const group of groups) {
    if (!mayNotify(group.lastNotifiedAt, settings, now)) continue
    const incident = await selectIncident(env.DB, group.incidentId)
    const held = incident?.updates.find((u) => u.id === group.heldUpdateId)
    const latest = incident?.updates[0]
    if (!incident || !held || incident.isDraft || latest?.id !== held.id) {
      // Gone, or something newer was said since: nothing is owed any more.
      await releaseHeldUpdate(env.DB, group.groupKey, group.heldUpdateId, null).run()
      continue
    }
    const [announced] = await env.DB.batch([
      insertClockEvent(
        env.DB,
        {
          id: (await sha256Hex(`held intake notice\n${held.id}`)).slice(0, 16),
          eventType: isClosedStatus(held.status) ? 'incident.resolved' : 'incident.updated',
          incidentId: incident.id,
          updateId: held.id,
          payload: { status: held.status, base_url: clockBaseUrl(env), held_back_until: at },
        },
        at,
      ),
      releaseHeldUpdate(env.DB, group.groupKey, held.id, at),
    ])
    if (announced!.meta.changes === 1) sent++
  }
  return sent
}
