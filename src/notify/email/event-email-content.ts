import { componentIndicator, worseStatus, type Indicator } from '../../domain/page-status'
import { isClosedStatus, type ComponentStatus } from '../../domain/types'
import type { IncidentJson, MaintenanceJson } from '../../schemas/statuspage'
import { isMaintenance } from '../../domain/presented-incident'
import {
  componentStatusLabel,
  impactLabel,
  isCancelled,
  statusLabel,
  updateStatusLabel,
} from '../../domain/status-words'
import { markdownText } from '../../lib/markdown'
import { formatMinutes, formatUtc } from '../../lib/time-format'
import {
  clockUtc,
  dayClockUtc,
  dayUtc,
  rangeUtc,
  shortTimeUtc,
  timesWord,
} from '../../lib/time-format'
import type { EventMessage } from '../types'

/** The resolution email's question, the same in its text and HTML parts. */
export const ANSWER_QUESTION = 'Is it fixed for you?'
export const ANSWER_HINT = 'Each link opens a page; press its button to answer.'

/** The colour family of the badge: a status indicator, maintenance, or good news. */
export type EmailTone = Indicator | 'maintenance' | 'good'

/** One labelled fact: "ETA: Tue 24 Nov, 18:00 UTC". */
export interface EmailFact {
  label: string
  value: string
  /** Something the reader should notice: a passed ETA, an overdue update. */
  warning?: boolean
}

/** What an event email says, decided once so its text and HTML parts say the same. */
export interface EventEmailContent {
  subject: string
  /** The line inboxes show after the subject. */
  preview: string
  /** What happened, in two or three words: "New incident", "Maintenance started". */
  kicker: string
  title: string
  badge: { label: string; tone: EmailTone }
  /** The first report (or the plan, for maintenance) and its heading. */
  description: { heading: string; body: string } | null
  facts: EmailFact[]
  latest: { heading: string; body: string } | null
  /** What the main link opens: the incident page, or the status page. */
  linkLabel: string
}

type AnyIncident = IncidentJson | MaintenanceJson

const INCIDENT_STAGES = ['investigating', 'identified', 'monitoring', 'resolved']
const MAINTENANCE_STAGES = ['scheduled', 'in_progress', 'verifying', 'completed']

const SEVERITY: Record<string, string> = {
  none: 'Notice',
  minor: 'Minor issue',
  major: 'Major outage',
  critical: 'Critical outage',
}

const KICKERS: Record<string, string> = {
  'incident.created': 'New incident',
  'incident.updated': 'Incident update',
  'incident.resolved': 'Incident resolved',
  'incident.postmortem': 'Postmortem published',
  'maintenance.scheduled': 'Maintenance scheduled',
  'maintenance.reminder': 'Maintenance starts soon',
  'maintenance.started': 'Maintenance started',
  'maintenance.completed': 'Maintenance completed',
  'component.updated': 'Component status changed',
}

/** "Major outage" from the worst component it affects, else from its impact. */
function severity(incident: IncidentJson): { label: string; tone: EmailTone } {
  const worst = incident.components.reduce<ComponentStatus>(
    (w, c) => worseStatus(w, c.status),
    'operational',
  )
  const fromComponents = componentIndicator(worst)
  if (fromComponents !== 'none' && incident.impact !== 'critical') {
    return { label: componentStatusLabel(worst), tone: fromComponents }
  }
  return { label: SEVERITY[incident.impact] ?? 'Notice', tone: incident.impact }
}

/** True when `name` already mentions `word` as a whole word ("No broadband in M14", "M14"). */
function mentions(name: string, word: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'iu').test(name)
}

/** "M14", "M14 and M15", "M14, M15 and 2 more". */
function listNames(names: string[]): string {
  if (names.length <= 1) return names.join('')
  if (names.length === 2) return `${names[0]} and ${names[1]}`
  return `${names[0]}, ${names[1]} and ${names.length - 2} more`
}

/**
 * The areas the name does not already say: " in M14 and M15", or " (also in M15)" when the
 * name mentions some of them; nothing for every area.
 */
function inAreas(name: string, areas: AnyIncident['areas']): string {
  const unsaid = areas.map((a) => a.name).filter((area) => !mentions(name, area))
  if (unsaid.length === 0) return ''
  return unsaid.length < areas.length
    ? ` (also in ${listNames(unsaid)})`
    : ` in ${listNames(unsaid)}`
}

/** "ETA 18:00 UTC, moved twice", "ETA 14:00 UTC passed", "no ETA yet". */
function etaPhrase(incident: AnyIncident, now: string): string {
  if (incident.eta === null) return incident.eta_history.length > 0 ? 'ETA withdrawn' : 'no ETA yet'
  const when = shortTimeUtc(incident.eta, now)
  if (incident.eta_passed) return `ETA ${when} passed`
  const moves = incident.eta_moves
  return moves > 0 ? `ETA ${when}, moved ${timesWord(moves)}` : `ETA ${when}`
}

function duration(from: string, to: string): string {
  return formatMinutes(Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 60_000)))
}

function subjectOf(message: EventMessage, incident: AnyIncident): string {
  const name = `${incident.name}${inAreas(incident.name, incident.areas)}`
  const closed = isClosedStatus(incident.status)
  if (isMaintenance(incident)) {
    const window = rangeUtc(incident.scheduled_for, incident.scheduled_until)
    if (isCancelled(incident)) return `[Maintenance cancelled] ${name} — was ${window}`
    switch (message.eventType) {
      case 'maintenance.reminder':
        return `[Maintenance soon] ${name} — ${window}`
      case 'maintenance.started':
        return `[Maintenance started] ${name} — until ${shortTimeUtc(incident.scheduled_until, message.generatedAt)}`
      case 'maintenance.completed':
        return `[Maintenance completed] ${name}`
      case 'maintenance.scheduled':
        return `[Maintenance] ${name} — ${window}`
      default:
        return closed
          ? `[Maintenance completed] ${name}`
          : `[Maintenance update] ${name} — ${window}`
    }
  }
  if (incident.upcoming && incident.expected_start) {
    return `[Advance notice] ${name} — expected from ${shortTimeUtc(incident.expected_start, message.generatedAt)}`
  }
  if (closed) {
    const after = incident.resolved_at
      ? ` — after ${duration(incident.started_at, incident.resolved_at)}`
      : ''
    return `[Resolved] ${name}${after}`
  }
  const suffix =
    incident.status === 'monitoring'
      ? 'fix in place, monitoring'
      : etaPhrase(incident, message.generatedAt)
  return `[${severity(incident).label}] ${name} — ${suffix}`
}

/** "Identified (step 2 of 4: Investigating → Identified → Monitoring → Resolved)". */
function stageText(incident: AnyIncident): string {
  if (isCancelled(incident)) return 'Cancelled — no work will take place'
  const stages = isMaintenance(incident) ? MAINTENANCE_STAGES : INCIDENT_STAGES
  const current = incident.status === 'postmortem' ? 'resolved' : incident.status
  const index = stages.indexOf(current)
  const label = statusLabel(incident.status)
  if (index < 0) return label
  return `${label} (step ${index + 1} of ${stages.length}: ${stages.map(statusLabel).join(' → ')})`
}

/** "ETA moved 2 times: Mon 23 Nov 14:00 → Tue 24 Nov 14:00 → Wed 25 Nov 14:00 UTC". */
export function etaHistoryText(incident: AnyIncident): string | null {
  const moves = incident.eta_moves
  if (moves === 0) return null
  // The day is said once, then again only when it changes: "Mon 23 Nov 17:00 → 21:00".
  let day = ''
  const steps = incident.eta_history.map((entry) => {
    if (!entry.eta) return 'no estimate'
    const sameDay = dayUtc(entry.eta) === day
    day = dayUtc(entry.eta)
    return sameDay ? clockUtc(entry.eta) : dayClockUtc(entry.eta)
  })
  return `ETA moved ${moves} ${moves === 1 ? 'time' : 'times'}: ${steps.join(' → ')} UTC`
}

function etaFact(incident: AnyIncident): EmailFact {
  const { eta, eta_passed: passed, eta_history: history } = incident
  if (eta === null) {
    const value = history.length > 0 ? 'No estimate: the last one was withdrawn' : 'No estimate yet'
    return { label: 'ETA', value }
  }
  if (passed) {
    return { label: 'ETA', value: `${formatUtc(eta)} — passed, no new estimate yet`, warning: true }
  }
  return { label: 'ETA', value: formatUtc(eta) }
}

function incidentFacts(incident: AnyIncident): EmailFact[] {
  const open = !isClosedStatus(incident.status)
  const maintenance = isMaintenance(incident)
  const facts: EmailFact[] = []
  if (incident.upcoming && incident.expected_start) {
    facts.push({
      label: 'Expected from',
      value: `${formatUtc(incident.expected_start)} — announced in advance, not in effect yet`,
    })
  }
  facts.push({ label: 'Status', value: stageText(incident) })
  if (isMaintenance(incident)) {
    facts.push({
      label: incident.cancelled_at ? 'Was planned for' : 'When',
      value: rangeUtc(incident.scheduled_for, incident.scheduled_until),
    })
  } else {
    facts.push({ label: 'Impact', value: impactLabel(incident.impact) })
  }
  if (incident.components.length > 0) {
    const showStatus = open && incident.status !== 'scheduled' && !incident.upcoming
    const names = incident.components.map((c) =>
      showStatus ? `${c.name} (${componentStatusLabel(c.status)})` : c.name,
    )
    facts.push({ label: 'Components', value: names.join(', ') })
  }
  if (incident.areas.length > 0) {
    facts.push({ label: 'Areas', value: incident.areas.map((a) => a.name).join(', ') })
  }
  if (open && (!maintenance || incident.eta !== null || incident.eta_history.length > 0)) {
    facts.push(etaFact(incident))
  }
  const history = etaHistoryText(incident)
  if (history) facts.push({ label: 'ETA history', value: history })
  if (open && incident.next_update_at) {
    facts.push(
      incident.update_overdue
        ? {
            label: 'Next update',
            value: `Overdue by ${incident.overdue_minutes > 0 ? formatMinutes(incident.overdue_minutes) : 'less than a minute'} (promised by ${formatUtc(incident.next_update_at)})`,
            warning: true,
          }
        : { label: 'Next update', value: `By ${formatUtc(incident.next_update_at)}` },
    )
  }
  if (open && incident.progress !== null) {
    facts.push({ label: 'Progress', value: `${incident.progress} %` })
  }
  if (incident.workaround) facts.push({ label: 'Workaround', value: incident.workaround })
  if (!maintenance) facts.push({ label: 'Started', value: formatUtc(incident.started_at) })
  if (isMaintenance(incident) && incident.cancelled_at) {
    facts.push({ label: 'Cancelled', value: formatUtc(incident.cancelled_at) })
  } else if (incident.resolved_at) {
    facts.push({
      label: maintenance ? 'Completed' : 'Resolved',
      value: `${formatUtc(incident.resolved_at)} (after ${duration(incident.started_at, incident.resolved_at)})`,
    })
  }
  return facts
}

function updateText(update: AnyIncident['incident_updates'][number]): string {
  return update.next_steps ? `${update.body}\n\nNext steps: ${update.next_steps}` : update.body
}

function incidentContent(message: EventMessage, incident: AnyIncident): EventEmailContent {
  const maintenance = isMaintenance(incident)
  const updates = incident.incident_updates // newest first
  const first = updates[updates.length - 1]
  const latest = updates[0]
  const closed = isClosedStatus(incident.status)
  const cancelled = isCancelled(incident)
  const badge: EventEmailContent['badge'] = cancelled
    ? { label: 'Maintenance cancelled', tone: 'maintenance' }
    : maintenance
      ? {
          label: closed ? 'Maintenance completed' : 'Maintenance',
          tone: closed ? 'good' : 'maintenance',
        }
      : closed
        ? { label: 'Resolved', tone: 'good' }
        : severity(incident)
  const kicker = cancelled
    ? 'Maintenance cancelled'
    : message.eventType === 'incident.updated' && maintenance
      ? 'Maintenance update'
      : incident.upcoming
        ? 'Advance notice'
        : (KICKERS[message.eventType] ?? 'Status update')
  const hasLaterUpdate = latest !== undefined && latest !== first
  return {
    subject: subjectOf(message, incident),
    preview: (latest?.body ?? incident.name).replace(/\s+/g, ' ').slice(0, 140),
    kicker,
    title: incident.name,
    badge,
    description: first
      ? {
          heading: cancelled
            ? 'What was planned'
            : maintenance
              ? 'What is planned'
              : 'What is wrong',
          body: updateText(first),
        }
      : null,
    facts: incidentFacts(incident),
    latest: hasLaterUpdate
      ? {
          heading: `Latest update — ${updateStatusLabel(latest, incident)}, ${formatUtc(latest.display_at)}`,
          body: updateText(latest),
        }
      : null,
    linkLabel: maintenance ? 'View the maintenance' : 'View the incident',
  }
}

function componentContent(message: EventMessage): EventEmailContent {
  const component = message.component!
  const change = message.component_update
  const next = (change?.new_status ?? component.status) as ComponentStatus
  const previous = change ? componentStatusLabel(change.old_status as ComponentStatus) : null
  const was = previous ? ` (was ${previous})` : ''
  const subject =
    next === 'operational'
      ? `[Operational] ${component.name} — back to normal${was}`
      : `[${componentStatusLabel(next)}] ${component.name}${was}`
  const facts: EmailFact[] = [{ label: 'Status', value: `${componentStatusLabel(next)}${was}` }]
  if (change) facts.push({ label: 'Since', value: formatUtc(change.created_at) })
  if (component.description) facts.push({ label: 'About', value: component.description })
  if (component.help_url) facts.push({ label: 'Help', value: component.help_url })
  return {
    subject,
    preview: `${component.name} is now ${componentStatusLabel(next).toLowerCase()}${was}.`,
    kicker: KICKERS['component.updated']!,
    title: component.name,
    badge: {
      label: componentStatusLabel(next),
      tone:
        next === 'operational'
          ? 'good'
          : next === 'under_maintenance'
            ? 'maintenance'
            : componentIndicator(next),
    },
    description: null,
    facts,
    latest: null,
    linkLabel: 'Open the status page',
  }
}

/** A published postmortem: what happened and what changes, after the incident. */
function postmortemContent(
  message: EventMessage,
  incident: AnyIncident,
  postmortem: NonNullable<EventMessage['postmortem']>,
): EventEmailContent {
  const base = incidentContent(message, incident)
  const text = markdownText(postmortem.body)
  return {
    ...base,
    subject: `[Postmortem] ${incident.name}${inAreas(incident.name, incident.areas)}`,
    preview: text.replace(/\s+/g, ' ').slice(0, 140),
    kicker: KICKERS['incident.postmortem']!,
    badge: { label: 'Postmortem', tone: 'good' },
    description: { heading: 'Postmortem', body: text },
    latest: null,
    linkLabel: 'Read it on the incident page',
  }
}

/** Everything an event email says, from the event as the pipeline built it. */
export function eventEmailContent(message: EventMessage): EventEmailContent {
  if (message.incident && message.postmortem) {
    return postmortemContent(message, message.incident, message.postmortem)
  }
  if (message.incident) return incidentContent(message, message.incident)
  if (message.component) return componentContent(message)
  return {
    subject: `[Status] ${message.page.name}: ${message.page.status_description}`,
    preview: message.page.status_description,
    kicker: KICKERS[message.eventType] ?? 'Status update',
    title: message.page.name,
    badge: { label: message.page.status_description, tone: 'none' },
    description: null,
    facts: [],
    latest: null,
    linkLabel: 'Open the status page',
  }
}
