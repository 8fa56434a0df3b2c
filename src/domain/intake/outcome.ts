import type { IntakeAlertRow } from '../../db/intake'
import type { INTAKE_OUTCOMES } from '../../schemas/intake'
import type { IntakeSettings } from '../intake-settings'
import type { ComponentStatus, Impact, Incident } from '../types'
import type { IncomingAlert } from './incoming'
import type { MappedAlert, UnmappedLabel } from './mapping'

/** The small pieces both intake paths share: outcomes, ranking, texts, the notify interval. */

export type IntakeOutcome = (typeof INTAKE_OUTCOMES)[number]

/** What the intake did with one alert of a delivery. */
export interface AlertResult {
  fingerprint: string
  outcome: IntakeOutcome
  incident_id: string | null
  update_id: string | null
  notified: boolean
  draft: boolean
  unmapped: UnmappedLabel[]
}

/** Impacts from least to worst. */
export const IMPACT_RANK: Record<Impact, number> = { none: 0, minor: 1, major: 2, critical: 3 }
const STATUS_RANK: Record<ComponentStatus, number> = {
  operational: 0,
  under_maintenance: 1,
  degraded_performance: 2,
  partial_outage: 3,
  major_outage: 4,
}

/** Sort order putting the alert that hurts most first (it names the incident). */
export function byWorstFirst(a: MappedAlert, b: MappedAlert): number {
  return (
    STATUS_RANK[b.rule.component_status] - STATUS_RANK[a.rule.component_status] ||
    IMPACT_RANK[b.rule.impact] - IMPACT_RANK[a.rule.impact]
  )
}

/** The worst impact the alerts' severities call for. */
export function worstImpact(alerts: MappedAlert[]): Impact {
  return alerts.reduce<Impact>(
    (worst, m) => (IMPACT_RANK[m.rule.impact] > IMPACT_RANK[worst] ? m.rule.impact : worst),
    'none',
  )
}

/** Shortens a text to `max` characters, marking the cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

/** The state to keep of an alert. */
export function rowOf(alert: IncomingAlert, status: IntakeAlertRow['status']): IntakeAlertRow {
  return {
    fingerprint: alert.fingerprint,
    status,
    startsAt: alert.startsAt,
    summary: clip(alert.title, 300),
  }
}

/** Whether the intake may tell subscribers again: once per interval per incident. */
export function mayNotify(
  lastNotifiedAt: string | null,
  settings: IntakeSettings,
  now: Date,
): boolean {
  if (lastNotifiedAt === null) return true
  return now.getTime() - Date.parse(lastNotifiedAt) >= settings.notify_interval_minutes * 60_000
}

/** One alert's line in the intake's answer. */
export function result(
  m: MappedAlert,
  outcome: IntakeOutcome,
  incident: Incident | null,
  change: { updateId: string | null; notified: boolean } = { updateId: null, notified: false },
): AlertResult {
  return {
    fingerprint: m.alert.fingerprint,
    outcome,
    incident_id: incident?.id ?? null,
    update_id: change.updateId,
    notified: change.notified,
    draft: incident?.isDraft ?? false,
    unmapped: m.unmapped,
  }
}

/** Unique lines, in order. */
export function lines(...parts: string[][]): string {
  return [...new Set(parts.flat())].join('\n')
}
