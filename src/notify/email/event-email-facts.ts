import { isMaintenance } from '../../domain/presented-incident'
import { isCancelled } from '../../domain/status-words'
import { isClosedStatus, type ComponentStatus } from '../../domain/types'
import type { Reader } from '../../i18n/reader'
import type { ComponentJson, IncidentJson, MaintenanceJson } from '../../schemas/statuspage'
import { durationText, etaHistoryText, spanText, timeRange } from '../notice-times'
import { componentStatusWord, impactWord, statusWord } from '../notice-words'
import type { EmailFact } from './event-email-content'

/**
 * The labelled facts of an event email — stage, impact, components, areas, the ETA and how it
 * moved, the next update, progress, workaround, when it started and ended — in the reader's
 * language, every time in the reader's zone.
 */

type AnyIncident = IncidentJson | MaintenanceJson

const INCIDENT_STAGES = ['investigating', 'identified', 'monitoring', 'resolved']
const MAINTENANCE_STAGES = ['scheduled', 'in_progress', 'verifying', 'completed']

/** Names listed as the reader's language lists them ("A, B, C"). */
export function nameList(reader: Reader, names: string[]): string {
  return new Intl.ListFormat(reader.locale, { type: 'unit', style: 'short' }).format(names)
}

/** "Identified (step 2 of 4: Investigating → Identified → Monitoring → Resolved)". */
function stageText(incident: AnyIncident, reader: Reader): string {
  if (isCancelled(incident)) return reader.t('email.value.cancelledStage')
  const stages = isMaintenance(incident) ? MAINTENANCE_STAGES : INCIDENT_STAGES
  const current = incident.status === 'postmortem' ? 'resolved' : incident.status
  const index = stages.indexOf(current)
  const status = statusWord(reader, incident.status)
  if (index < 0) return status
  return reader.t('email.value.stage', {
    status,
    step: index + 1,
    steps: stages.length,
    path: stages.map((s) => statusWord(reader, s)).join(' → '),
  })
}

function etaFact(incident: AnyIncident, reader: Reader): EmailFact {
  const { eta, eta_passed: passed, eta_history: history } = incident
  const label = reader.t('email.fact.eta')
  if (eta === null) {
    return {
      label,
      value: reader.t(history.length > 0 ? 'email.value.etaWithdrawn' : 'email.value.noEta'),
    }
  }
  const when = reader.clock.dateTime(eta)
  if (passed) return { label, value: reader.t('email.value.etaPassed', { when }), warning: true }
  return { label, value: when }
}

function nextUpdateFact(incident: AnyIncident, reader: Reader): EmailFact {
  const label = reader.t('email.fact.nextUpdate')
  const when = reader.clock.dateTime(incident.next_update_at!)
  if (!incident.update_overdue)
    return { label, value: reader.t('email.value.nextUpdateBy', { when }) }
  const span =
    incident.overdue_minutes > 0
      ? spanText(reader, incident.overdue_minutes)
      : reader.t('notify.span.underMinute')
  return { label, value: reader.t('email.value.overdue', { span, when }), warning: true }
}

/** What an incident or maintenance email lists under its text. */
export function incidentFacts(incident: AnyIncident, reader: Reader): EmailFact[] {
  const open = !isClosedStatus(incident.status)
  const maintenance = isMaintenance(incident)
  const { clock } = reader
  const fact = (key: Parameters<Reader['t']>[0], value: string): EmailFact => ({
    label: reader.t(key),
    value,
  })
  const facts: EmailFact[] = []
  if (incident.upcoming && incident.expected_start) {
    const when = clock.dateTime(incident.expected_start)
    facts.push(fact('email.fact.expectedFrom', reader.t('email.value.announced', { when })))
  }
  facts.push(fact('email.fact.status', stageText(incident, reader)))
  if (isMaintenance(incident)) {
    const window = timeRange(reader, incident.scheduled_for, incident.scheduled_until)
    facts.push(fact(incident.cancelled_at ? 'email.fact.wasPlannedFor' : 'email.fact.when', window))
  } else {
    facts.push(fact('email.fact.impact', impactWord(reader, incident.impact)))
  }
  if (incident.components.length > 0) {
    const showStatus = open && incident.status !== 'scheduled' && !incident.upcoming
    const names = incident.components.map((c) =>
      showStatus
        ? reader.t('email.value.componentStatus', {
            name: c.name,
            status: componentStatusWord(reader, c.status),
          })
        : c.name,
    )
    facts.push(fact('email.fact.components', nameList(reader, names)))
  }
  if (incident.areas.length > 0) {
    facts.push(
      fact(
        'email.fact.areas',
        nameList(
          reader,
          incident.areas.map((a) => a.name),
        ),
      ),
    )
  }
  if (open && (!maintenance || incident.eta !== null || incident.eta_history.length > 0)) {
    facts.push(etaFact(incident, reader))
  }
  const history = etaHistoryText(reader, incident)
  if (history) facts.push(fact('email.fact.etaHistory', history))
  if (open && incident.next_update_at) facts.push(nextUpdateFact(incident, reader))
  if (open && incident.progress !== null) {
    facts.push(
      fact(
        'email.fact.progress',
        reader.t('email.value.progress', { progress: incident.progress }),
      ),
    )
  }
  if (incident.workaround) facts.push(fact('email.fact.workaround', incident.workaround))
  if (!maintenance) facts.push(fact('email.fact.started', clock.dateTime(incident.started_at)))
  if (isMaintenance(incident) && incident.cancelled_at) {
    facts.push(fact('email.fact.cancelled', clock.dateTime(incident.cancelled_at)))
  } else if (incident.resolved_at) {
    const value = reader.t('email.value.endedAfter', {
      when: clock.dateTime(incident.resolved_at),
      span: durationText(reader, incident.started_at, incident.resolved_at),
    })
    facts.push(fact(maintenance ? 'email.fact.completed' : 'email.fact.resolved', value))
  }
  return facts
}

/** What an email about a component's own status change lists. */
export function componentFacts(
  component: ComponentJson,
  next: ComponentStatus,
  previous: string | null,
  since: string | null,
  reader: Reader,
): EmailFact[] {
  const status = componentStatusWord(reader, next)
  const facts: EmailFact[] = [
    {
      label: reader.t('email.fact.status'),
      value: previous ? reader.t('email.value.statusWas', { status, previous }) : status,
    },
  ]
  if (since)
    facts.push({ label: reader.t('email.fact.since'), value: reader.clock.dateTime(since) })
  if (component.description) {
    facts.push({ label: reader.t('email.fact.about'), value: component.description })
  }
  if (component.help_url)
    facts.push({ label: reader.t('email.fact.help'), value: component.help_url })
  return facts
}
