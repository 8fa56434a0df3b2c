import { componentIndicator, type Indicator } from '../../domain/page-status'
import { isMaintenance } from '../../domain/presented-incident'
import { isCancelled } from '../../domain/status-words'
import { isClosedStatus, type ComponentStatus } from '../../domain/types'
import type { MessageKey } from '../../i18n/catalog'
import type { Reader } from '../../i18n/reader'
import { markdownText } from '../../lib/markdown'
import type { IncidentJson, MaintenanceJson } from '../../schemas/statuspage'
import { componentStatusWord, pageStatusWord, updateStatusWord } from '../notice-words'
import type { EventMessage } from '../types'
import { componentFacts, incidentFacts } from './event-email-facts'
import { componentSubject, incidentSubject, nameWithAreas, severity } from './event-email-subject'

/** The colour family of the badge: a status indicator, maintenance, or good news. */
export type EmailTone = Indicator | 'maintenance' | 'good'

/** One labelled fact: "ETA: Tue 24 Nov, 18:00 GMT". */
export interface EmailFact {
  label: string
  value: string
  /** Something the reader should notice: a passed ETA, an overdue update. */
  warning?: boolean
}

/**
 * What an event email says, decided once so its text and HTML parts say the same: Candor's
 * words in the reader's language and every time in the reader's zone; what ops wrote (names,
 * updates, the workaround) as written.
 */
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

const KICKERS: Record<string, MessageKey> = {
  'incident.created': 'email.kicker.created',
  'incident.updated': 'email.kicker.updated',
  'incident.resolved': 'email.kicker.resolved',
  'incident.postmortem': 'email.kicker.postmortem',
  'maintenance.scheduled': 'email.kicker.maintenanceScheduled',
  'maintenance.reminder': 'email.kicker.maintenanceReminder',
  'maintenance.started': 'email.kicker.maintenanceStarted',
  'maintenance.completed': 'email.kicker.maintenanceCompleted',
  'component.updated': 'email.kicker.componentUpdated',
}

const kickerOf = (message: EventMessage, reader: Reader) =>
  reader.t(KICKERS[message.eventType] ?? 'email.kicker.statusUpdate')

/** The first 140 characters of a text, on one line: the inbox preview. */
const previewOf = (text: string) => text.replace(/\s+/g, ' ').slice(0, 140)

function updateText(update: AnyIncident['incident_updates'][number], reader: Reader): string {
  if (!update.next_steps) return update.body
  return `${update.body}\n\n${reader.t('email.nextSteps', { steps: update.next_steps })}`
}

function badgeOf(incident: AnyIncident, reader: Reader): EventEmailContent['badge'] {
  const closed = isClosedStatus(incident.status)
  if (isCancelled(incident)) {
    return { label: reader.t('email.kicker.maintenanceCancelled'), tone: 'maintenance' }
  }
  if (isMaintenance(incident)) {
    return closed
      ? { label: reader.t('email.kicker.maintenanceCompleted'), tone: 'good' }
      : { label: reader.t('email.badge.maintenance'), tone: 'maintenance' }
  }
  return closed
    ? { label: reader.t('notify.status.resolved'), tone: 'good' }
    : severity(incident, reader)
}

function incidentContent(
  message: EventMessage,
  incident: AnyIncident,
  reader: Reader,
): EventEmailContent {
  const maintenance = isMaintenance(incident)
  const updates = incident.incident_updates // newest first
  const first = updates[updates.length - 1]
  const latest = updates[0]
  const cancelled = isCancelled(incident)
  const kicker = cancelled
    ? reader.t('email.kicker.maintenanceCancelled')
    : message.eventType === 'incident.updated' && maintenance
      ? reader.t('email.kicker.maintenanceUpdate')
      : incident.upcoming
        ? reader.t('email.kicker.advanceNotice')
        : kickerOf(message, reader)
  const heading = cancelled
    ? 'email.heading.whatWasPlanned'
    : maintenance
      ? 'email.heading.whatIsPlanned'
      : 'email.heading.whatIsWrong'
  const hasLaterUpdate = latest !== undefined && latest !== first
  return {
    subject: incidentSubject(message, incident, reader),
    preview: previewOf(latest?.body ?? incident.name),
    kicker,
    title: incident.name,
    badge: badgeOf(incident, reader),
    description: first ? { heading: reader.t(heading), body: updateText(first, reader) } : null,
    facts: incidentFacts(incident, reader),
    latest: hasLaterUpdate
      ? {
          heading: reader.t('email.heading.latest', {
            status: updateStatusWord(reader, latest, incident),
            when: reader.clock.dateTime(latest.display_at),
          }),
          body: updateText(latest, reader),
        }
      : null,
    linkLabel: reader.t(maintenance ? 'email.link.maintenance' : 'email.link.incident'),
  }
}

function componentContent(message: EventMessage, reader: Reader): EventEmailContent {
  const component = message.component!
  const change = message.component_update
  const next = (change?.new_status ?? component.status) as ComponentStatus
  const previous = change ? componentStatusWord(reader, change.old_status) : null
  const status = componentStatusWord(reader, next)
  return {
    subject: componentSubject(component.name, next, previous, reader),
    preview: reader.t('email.preview.component', { name: component.name, status }),
    kicker: reader.t('email.kicker.componentUpdated'),
    title: component.name,
    badge: {
      label: status,
      tone:
        next === 'operational'
          ? 'good'
          : next === 'under_maintenance'
            ? 'maintenance'
            : componentIndicator(next),
    },
    description: null,
    facts: componentFacts(component, next, previous, change?.created_at ?? null, reader),
    latest: null,
    linkLabel: reader.t('email.link.statusPage'),
  }
}

/** A published postmortem: what happened and what changes, after the incident. */
function postmortemContent(
  message: EventMessage,
  incident: AnyIncident,
  postmortem: NonNullable<EventMessage['postmortem']>,
  reader: Reader,
): EventEmailContent {
  const text = markdownText(postmortem.body)
  return {
    ...incidentContent(message, incident, reader),
    subject: reader.t('email.subject.postmortem', { name: nameWithAreas(incident, reader) }),
    preview: previewOf(text),
    kicker: reader.t('email.kicker.postmortem'),
    badge: { label: reader.t('notify.status.postmortem'), tone: 'good' },
    description: { heading: reader.t('notify.status.postmortem'), body: text },
    latest: null,
    linkLabel: reader.t('email.link.postmortem'),
  }
}

/** Everything an event email says, from the event as the pipeline built it, for `reader`. */
export function eventEmailContent(message: EventMessage, reader: Reader): EventEmailContent {
  if (message.incident && message.postmortem) {
    return postmortemContent(message, message.incident, message.postmortem, reader)
  }
  if (message.incident) return incidentContent(message, message.incident, reader)
  if (message.component) return componentContent(message, reader)
  const status = pageStatusWord(reader, message.page.status_description)
  return {
    subject: reader.t('email.subject.page', { pageName: message.page.name, status }),
    preview: status,
    kicker: kickerOf(message, reader),
    title: message.page.name,
    badge: { label: status, tone: 'none' },
    description: null,
    facts: [],
    latest: null,
    linkLabel: reader.t('email.link.statusPage'),
  }
}
