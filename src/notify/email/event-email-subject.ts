import { componentIndicator, worseStatus } from '../../domain/page-status'
import { isMaintenance } from '../../domain/presented-incident'
import { isCancelled } from '../../domain/status-words'
import { isClosedStatus, type ComponentStatus } from '../../domain/types'
import type { MessageKey } from '../../i18n/catalog'
import type { Reader } from '../../i18n/reader'
import type { IncidentJson, MaintenanceJson } from '../../schemas/statuspage'
import { durationText, etaMovedText, shortTime, timeRange } from '../notice-times'
import { componentStatusWord } from '../notice-words'
import type { EventMessage } from '../types'
import type { EmailTone } from './event-email-content'

/**
 * The subject of an event email, a person understands at a glance: "[Major outage] Broadband
 * in M14 — ETA 18:00 GMT, moved twice", in the reader's language and zone.
 */

type AnyIncident = IncidentJson | MaintenanceJson

const SEVERITY: Record<string, MessageKey> = {
  none: 'email.severity.none',
  minor: 'email.severity.minor',
  major: 'email.severity.major',
  critical: 'email.severity.critical',
}

/** "Major outage" from the worst component it affects, else from its impact. */
export function severity(
  incident: IncidentJson,
  reader: Reader,
): { label: string; tone: EmailTone } {
  const worst = incident.components.reduce<ComponentStatus>(
    (w, c) => worseStatus(w, c.status),
    'operational',
  )
  const fromComponents = componentIndicator(worst)
  if (fromComponents !== 'none' && incident.impact !== 'critical') {
    return { label: componentStatusWord(reader, worst), tone: fromComponents }
  }
  return {
    label: reader.t(SEVERITY[incident.impact] ?? 'email.severity.none'),
    tone: incident.impact,
  }
}

/** True when `name` already mentions `word` as a whole word ("No broadband in M14", "M14"). */
function mentions(name: string, word: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'iu').test(name)
}

/** "M14", "M14 and M15", "M14, M15 and 2 more". */
function listNames(names: string[], reader: Reader): string {
  const [first = '', second = ''] = names
  if (names.length <= 1) return first
  if (names.length === 2) return reader.t('email.areas.two', { first, second })
  return reader.t('email.areas.more', { first, second, count: names.length - 2 })
}

/**
 * The name with the areas it does not already say: "Broadband in M14 and M15", or "No
 * broadband in M14 (also in M15)" when the name mentions some of them.
 */
export function nameWithAreas(incident: AnyIncident, reader: Reader): string {
  const name = incident.name
  const unsaid = incident.areas.map((a) => a.name).filter((area) => !mentions(name, area))
  if (unsaid.length === 0) return name
  const areas = listNames(unsaid, reader)
  return unsaid.length < incident.areas.length
    ? reader.t('email.areas.also', { name, areas })
    : reader.t('email.areas.in', { name, areas })
}

/** "ETA 18:00 GMT, moved twice", "ETA 14:00 GMT passed", "no ETA yet". */
function etaPhrase(incident: AnyIncident, now: string, reader: Reader): string {
  if (incident.eta === null) {
    return reader.t(
      incident.eta_history.length > 0 ? 'email.subject.etaWithdrawn' : 'email.subject.noEta',
    )
  }
  const when = shortTime(reader, incident.eta, now)
  if (incident.eta_passed) return reader.t('email.subject.etaPassed', { when })
  const moves = incident.eta_moves
  return moves > 0
    ? reader.t('email.subject.etaMoved', { when, moved: etaMovedText(reader, moves) })
    : reader.t('email.subject.eta', { when })
}

function maintenanceSubject(message: EventMessage, m: MaintenanceJson, reader: Reader): string {
  const name = nameWithAreas(m, reader)
  const window = timeRange(reader, m.scheduled_for, m.scheduled_until)
  if (isCancelled(m)) return reader.t('email.subject.maintenanceCancelled', { name, window })
  switch (message.eventType) {
    case 'maintenance.reminder':
      return reader.t('email.subject.maintenanceSoon', { name, window })
    case 'maintenance.started':
      return reader.t('email.subject.maintenanceStarted', {
        name,
        until: shortTime(reader, m.scheduled_until, message.generatedAt),
      })
    case 'maintenance.completed':
      return reader.t('email.subject.maintenanceCompleted', { name })
    case 'maintenance.scheduled':
      return reader.t('email.subject.maintenance', { name, window })
    default:
      return isClosedStatus(m.status)
        ? reader.t('email.subject.maintenanceCompleted', { name })
        : reader.t('email.subject.maintenanceUpdate', { name, window })
  }
}

/** The subject of an email about an incident or a maintenance. */
export function incidentSubject(
  message: EventMessage,
  incident: AnyIncident,
  reader: Reader,
): string {
  if (isMaintenance(incident)) return maintenanceSubject(message, incident, reader)
  const name = nameWithAreas(incident, reader)
  if (incident.upcoming && incident.expected_start) {
    const when = shortTime(reader, incident.expected_start, message.generatedAt)
    return reader.t('email.subject.advanceNotice', { name, when })
  }
  if (isClosedStatus(incident.status)) {
    return incident.resolved_at
      ? reader.t('email.subject.resolvedAfter', {
          name,
          span: durationText(reader, incident.started_at, incident.resolved_at),
        })
      : reader.t('email.subject.resolved', { name })
  }
  const state =
    incident.status === 'monitoring'
      ? reader.t('email.subject.monitoring')
      : etaPhrase(incident, message.generatedAt, reader)
  return reader.t('email.subject.open', { severity: severity(incident, reader).label, name, state })
}

/** "[Degraded performance] API (was Operational)", "[Operational] API — back to normal". */
export function componentSubject(
  name: string,
  next: ComponentStatus,
  previous: string | null,
  reader: Reader,
): string {
  if (next === 'operational') {
    return previous
      ? reader.t('email.subject.componentBackWas', { name, previous })
      : reader.t('email.subject.componentBack', { name })
  }
  const status = componentStatusWord(reader, next)
  return previous
    ? reader.t('email.subject.componentWas', { status, name, previous })
    : reader.t('email.subject.component', { status, name })
}
