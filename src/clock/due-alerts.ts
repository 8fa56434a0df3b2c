import type { DueAlert } from '../domain/event-types'
import { computeHonesty } from '../domain/honesty'
import type { Incident } from '../domain/types'

/**
 * When the promise now in force was made: the oldest of the latest run of updates that kept
 * this `next_update_at` (an update that omits the field keeps a promise still ahead).
 */
export function promiseMadeAt(incident: Incident): string | null {
  if (!incident.nextUpdateAt) return null
  let madeAt: string | null = null
  for (const update of incident.updates) {
    if (update.nextUpdateAt !== incident.nextUpdateAt) break
    madeAt = update.createdAt
  }
  return madeAt
}

/**
 * The overdue-update and ETA-passed alerts an open incident calls for at `now`:
 * `ops.update_overdue` once the promised update is late, and again (escalated) once it is late
 * by twice the interval that was promised; `ops.eta_passed` once its ETA has passed. Each
 * promise and each ETA is its own episode, so a new promise or a new ETA can alert again.
 */
export function dueClockAlerts(incident: Incident, now: Date): DueAlert[] {
  const honesty = computeHonesty(incident, now)
  const alerts: DueAlert[] = []
  if (honesty.updateOverdue && incident.nextUpdateAt) {
    const madeAt = promiseMadeAt(incident)
    const due = Date.parse(incident.nextUpdateAt)
    const intervalMinutes = madeAt
      ? Math.max(1, Math.round((due - Date.parse(madeAt)) / 60_000))
      : null
    const facts = {
      next_update_at: incident.nextUpdateAt,
      promised_at: madeAt,
      promised_interval_minutes: intervalMinutes,
      overdue_minutes: honesty.overdueMinutes,
    }
    alerts.push({
      eventType: 'ops.update_overdue',
      episode: `overdue ${incident.nextUpdateAt}`,
      facts: { ...facts, level: 'overdue' },
    })
    if (intervalMinutes !== null && now.getTime() - due >= 2 * intervalMinutes * 60_000) {
      alerts.push({
        eventType: 'ops.update_overdue',
        episode: `escalated ${incident.nextUpdateAt}`,
        facts: { ...facts, level: 'escalated' },
      })
    }
  }
  if (honesty.etaPassed && incident.eta) {
    alerts.push({
      eventType: 'ops.eta_passed',
      episode: `eta ${incident.eta}`,
      facts: {
        eta: incident.eta,
        eta_moves: honesty.etaMoves,
        passed_minutes: Math.max(
          0,
          Math.floor((now.getTime() - Date.parse(incident.eta)) / 60_000),
        ),
      },
    })
  }
  return alerts
}
