import type { Incident } from '../domain/types'

/**
 * The incident as it stood right after one of its updates: that update and the older ones,
 * the status, ETA, next-update promise and progress the update left in force. A message built
 * late (a queue backlog, a retry) still tells what this event said, not what came after it.
 * The incident as it is when the update is unknown or is the latest.
 */
export function incidentAsOf(incident: Incident, updateId: string | null): Incident {
  const index = incident.updates.findIndex((u) => u.id === updateId)
  if (index <= 0) return incident
  const updates = incident.updates.slice(index)
  const update = updates[0]!
  const kept = new Set(updates.map((u) => u.id))
  const at = update.displayAt
  const closed = ['resolved', 'postmortem', 'completed'].includes(update.status)
  return {
    ...incident,
    status: update.status,
    updatedAt: update.createdAt,
    eta: update.eta,
    nextUpdateAt: update.nextUpdateAt,
    progress: update.progress,
    workaround: updates.find((u) => u.workaround !== null)?.workaround ?? null,
    monitoringAt:
      incident.monitoringAt && incident.monitoringAt <= at ? incident.monitoringAt : null,
    resolvedAt: closed ? (incident.resolvedAt ?? at) : null,
    // A maintenance cancelled later was not cancelled yet at the updates before.
    cancelledAt: incident.cancelledAt && incident.cancelledAt <= at ? incident.cancelledAt : null,
    // An incident posted early was still upcoming at the updates before it went live.
    ...(incident.liveAt && incident.liveAt > update.createdAt
      ? { liveAt: null, startedAt: incident.expectedStart ?? incident.startedAt }
      : {}),
    updates,
    etaHistory: incident.etaHistory.filter((e) => kept.has(e.updateId)),
  }
}
