import { selectAreas } from '../../db/areas'
import { selectComponents } from '../../db/components'
import { selectIncident } from '../../db/incidents'
import { isIntakeRace, selectIntakeAlerts, selectIntakeGroup } from '../../db/intake'
import type { VerbContext } from '../context'
import { CandorError } from '../errors'
import type { IntakeSettings } from '../intake-settings'
import { isClosedStatus } from '../types'
import { feedOpenIncident } from './feed-incident'
import type { IncomingDelivery } from './incoming'
import { mapAlert, type MappedAlert } from './mapping'
import { openOrRecord } from './open-incident'
import type { AlertResult } from './outcome'

export type { AlertResult } from './outcome'

const MAX_ATTEMPTS = 4

/**
 * Takes one delivery of alerts: opens an incident for a group that has none open, feeds the
 * open one otherwise, and records each alert's state so that a repeat changes nothing. Every
 * change goes through createIncident / postIncidentUpdate, with the intake's bookkeeping in
 * the same batch. Two deliveries of one group racing: the loser re-reads and tries again.
 */
export async function receiveAlerts(
  ctx: VerbContext,
  delivery: IncomingDelivery,
  settings: IntakeSettings,
): Promise<AlertResult[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await receiveOnce(ctx, delivery, settings)
    } catch (error) {
      const raced =
        isIntakeRace(error) || (error instanceof CandorError && error.code === 'conflict')
      if (!raced || attempt >= MAX_ATTEMPTS) throw error
    }
  }
}

async function receiveOnce(
  ctx: VerbContext,
  delivery: IncomingDelivery,
  settings: IntakeSettings,
): Promise<AlertResult[]> {
  const [components, areas, group] = await Promise.all([
    selectComponents(ctx.db),
    selectAreas(ctx.db),
    selectIntakeGroup(ctx.db, delivery.groupKey),
  ])
  // One alert named twice in a delivery counts once, as its last mention says.
  const byFingerprint = new Map<string, MappedAlert>()
  for (const alert of delivery.alerts) {
    byFingerprint.set(alert.fingerprint, mapAlert(alert, settings, components, areas))
  }
  const mapped = [...byFingerprint.values()]
  const incident = group ? await selectIncident(ctx.db, group.incidentId) : null
  const known = new Map(
    (incident ? await selectIntakeAlerts(ctx.db, incident.id) : []).map((a) => [a.fingerprint, a]),
  )
  if (incident && group && !isClosedStatus(incident.status)) {
    return feedOpenIncident(ctx, delivery, settings, mapped, incident, group, known, components)
  }
  return openOrRecord(ctx, delivery, settings, mapped, incident, group, known)
}
