import type { Reader } from '../i18n/reader'
import { timesWord } from '../lib/time-format'
import { pageReaderOf } from './notice-reader'
import { etaHistoryText } from './notice-times'
import { componentStatusWord, impactWord, itemStatusWord, pageStatusWord } from './notice-words'
import type { EventMessage } from './types'

/**
 * An event reduced to what a person reads in a chat message, in the reader's words (the
 * page's language and zone); the times themselves stay ISO for each format to print.
 */
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
  /** "ETA moved 3 times: Mon 23 Nov 14:00 → Tue 24 Nov 14:00 → Wed 25 Nov 14:00 GMT", or null. */
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

/** The summary of an incident, maintenance or component event, for `reader`. */
export function summarizeEvent(
  message: EventMessage,
  reader: Reader = pageReaderOf(message),
): EventSummary {
  const common = {
    pageStatus: pageStatusWord(reader, message.page.status_description),
    pageName: message.page.name,
  }
  const time = (iso: string) => reader.clock.numeric(iso)
  const incident = message.incident
  if (incident) {
    return {
      ...common,
      title: incident.name,
      status:
        incident.upcoming && incident.expected_start
          ? reader.t('chat.upcoming', { when: time(incident.expected_start) })
          : message.postmortem
            ? reader.t('chat.postmortem')
            : 'cancelled_at' in incident && incident.cancelled_at
              ? reader.t('chat.cancelled', {
                  from: time(incident.scheduled_for),
                  until: time(incident.scheduled_until),
                })
              : itemStatusWord(reader, incident),
      expectedStart: incident.upcoming ? incident.expected_start : null,
      impact: impactWord(reader, incident.impact),
      body: message.postmortem?.body ?? incident.incident_updates[0]?.body ?? null,
      eta: incident.eta,
      etaPassed: incident.eta_passed,
      etaMoves: incident.eta_moves,
      etaHistory: etaHistoryText(reader, incident),
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
      title: reader.t('chat.verifyTitle', { pageName: message.page.name }),
      status: reader.t('chat.verifyStatus'),
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
    s ? componentStatusWord(reader, s) : reader.t('chat.unknown')
  return {
    ...common,
    title: component
      ? reader.t('chat.componentTitle', { name: component.name, status: label(change?.new_status) })
      : reader.t('chat.componentUpdate'),
    status: reader.t('chat.statusWas', {
      status: label(change?.new_status),
      previous: label(change?.old_status),
    }),
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

/** "moved twice", "moved 3 times", or "" when the ETA never moved (English, for feeds). */
export function etaMovesText(moves: number): string {
  return moves <= 0 ? '' : `moved ${timesWord(moves)}`
}
