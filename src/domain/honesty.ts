import { minutesBetween } from '../lib/time'
import { isClosedStatus, type Incident } from './types'

/** The time-dependent truths about an incident, computed from the clock on every read. */
export interface HonestyFlags {
  updateOverdue: boolean
  overdueMinutes: number
  etaPassed: boolean
  /** How many times the estimate changed after it was first given. */
  etaMoves: number
}

export function computeHonesty(incident: Incident, now: Date): HonestyFlags {
  const open = !isClosedStatus(incident.status)
  const updateOverdue =
    open && incident.nextUpdateAt !== null && Date.parse(incident.nextUpdateAt) < now.getTime()
  const etaPassed = open && incident.eta !== null && Date.parse(incident.eta) < now.getTime()
  return {
    updateOverdue,
    overdueMinutes: updateOverdue ? minutesBetween(incident.nextUpdateAt!, now) : 0,
    etaPassed,
    etaMoves: Math.max(0, incident.etaHistory.length - 1),
  }
}
