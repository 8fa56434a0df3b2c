import type { ComponentStatus } from '../domain/types'
import { formatUtcNumeric, timesWord } from '../lib/time-format'
import { componentStatusLabel, impactLabel, itemStatusLabel } from '../domain/status-words'
import { etaHistoryText } from './email/event-email-content'
import type { EventMessage } from './types'

/** An event reduced to what a person reads in a chat message; times stay ISO. */
export interface EventSummary {
  /** "Broadband outage in M14" or "Email: Partial outage". */
  title: string
  /**
   * "Investigating", "Resolved", "Partial outage (was Operational)", "Upcoming, expected from …",
   * "Cancelled, was planned for …".
   */
  status: string
  /** For a known fault posted early and not in effect yet: when it is expected. */
  expectedStart: string | null
  /** "Major impact", "Maintenance"; null for a component's own change. */
  impact: string | null
  /** The latest update's words. */
  body: string | null
  eta: string | null
  /** True when the ETA had passed, unresolved, as the event happened. */
  etaPassed: boolean
  /** How often the ETA moved after it was first given. */
  etaMoves: number
  /** "ETA moved 3 times: Mon 23 Nov 14:00 → Tue 24 Nov 14:00 → Wed 25 Nov 14:00 UTC", or null. */
  etaHistory: string | null
  nextUpdateAt: string | null
  workaround: string | null
  components: string[]
  areas: string[]
  /** The incident page, or the status page. */
  link: string
  /** true once the incident is over (resolved, completed). */
  closed: boolean
  /** The page's overall status in words. */
  pageStatus: string
  pageName: string
}

const CLOSED = new Set(['resolved', 'postmortem', 'completed'])

/** The summary of an incident, maintenance or component event. */
export function summarizeEvent(message: EventMessage): EventSummary {
  const common = {
    pageStatus: message.page.status_description,
    pageName: message.page.name,
  }
  const incident = message.incident
  if (incident) {
    return {
      ...common,
      title: incident.name,
      status:
        incident.upcoming && incident.expected_start
          ? `Upcoming, expected from ${formatUtcNumeric(incident.expected_start)}`
          : message.postmortem
            ? 'Postmortem published'
            : 'cancelled_at' in incident && incident.cancelled_at
              ? `Cancelled, was planned for ${formatUtcNumeric(incident.scheduled_for)} – ${formatUtcNumeric(incident.scheduled_until)}`
              : itemStatusLabel(incident),
      expectedStart: incident.upcoming ? incident.expected_start : null,
      impact: impactLabel(incident.impact),
      body: message.postmortem?.body ?? incident.incident_updates[0]?.body ?? null,
      eta: incident.eta,
      etaPassed: incident.eta_passed,
      etaMoves: incident.eta_moves,
      etaHistory: etaHistoryText(incident),
      nextUpdateAt: CLOSED.has(incident.status) ? null : incident.next_update_at,
      workaround: incident.workaround,
      components: incident.components.map((c) => c.name),
      areas: incident.areas.map((a) => a.name),
      link: incident.shortlink,
      closed: CLOSED.has(incident.status),
    }
  }
  if (message.eventType === 'webhook.verify') {
    return {
      ...common,
      title: `${message.page.name} is checking this webhook`,
      status: 'Verification: answer 2xx and status updates start',
      expectedStart: null,
      impact: null,
      body: null,
      eta: null,
      etaPassed: false,
      etaMoves: 0,
      etaHistory: null,
      nextUpdateAt: null,
      workaround: null,
      components: [],
      areas: [],
      link: message.page.url,
      closed: false,
    }
  }
  const component = message.component
  const change = message.component_update
  const label = (s: string | undefined) =>
    s ? componentStatusLabel(s as ComponentStatus) : 'unknown'
  return {
    ...common,
    title: component ? `${component.name}: ${label(change?.new_status)}` : 'Component update',
    status: `${label(change?.new_status)} (was ${label(change?.old_status)})`,
    expectedStart: null,
    impact: null,
    body: null,
    eta: null,
    etaPassed: false,
    etaMoves: 0,
    etaHistory: null,
    nextUpdateAt: null,
    workaround: null,
    components: component ? [component.name] : [],
    areas: [],
    link: message.page.url,
    closed: change?.new_status === 'operational',
  }
}

/** "moved twice", "moved 3 times", or "" when the ETA never moved. */
export function etaMovesText(moves: number): string {
  return moves <= 0 ? '' : `moved ${timesWord(moves)}`
}
