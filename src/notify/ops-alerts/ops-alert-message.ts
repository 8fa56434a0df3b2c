import type { DueAlert, OpsEventType } from '../../domain/event-types'
import type { IncidentJson, MaintenanceJson } from '../../schemas/statuspage'
import { formatMinutes } from '../../lib/time-format'
import type { Reader } from '../../i18n/reader'
import { noticeEmailHtml } from '../email/notice-email'
import { timesWord } from '../../lib/time-format'
import { shortTime } from '../notice-times'
import type { EventMessage } from '../types'

/** The body of an ops alert's webhook, built once when the alert is raised. */
export interface OpsAlertBody {
  meta: {
    event_type: OpsEventType
    event_id: string
    generated_at: string
    documentation: string
  }
  page: EventMessage['page']
  incident: IncidentJson | MaintenanceJson
  alert: Record<string, string | number | boolean | null> & {
    summary: string
    incident_url: string
    admin_url: string
  }
}

function late(minutes: number): string {
  return minutes > 0 ? formatMinutes(minutes) : 'less than a minute'
}

/**
 * One line that says what is wrong: the email's subject and the alert's `summary`. In English,
 * its times in the page's zone (`reader`: English in the page's zone).
 */
export function opsAlertSummary(
  alert: DueAlert,
  incidentName: string,
  at: string,
  reader: Reader,
): string {
  const f = alert.facts
  switch (alert.eventType) {
    case 'ops.update_overdue': {
      const lateBy = late(Number(f.overdue_minutes))
      return f.level === 'escalated'
        ? `[Update overdue, escalated] ${incidentName} — no update for ${lateBy} past the promise`
        : `[Update overdue] ${incidentName} — update promised by ${shortTime(reader, String(f.next_update_at), at)} is ${lateBy} late`
    }
    case 'ops.eta_passed':
      return `[ETA passed] ${incidentName} — ETA ${shortTime(reader, String(f.eta), at)} passed, no new estimate yet`
    case 'ops.resolution_disputed':
      return `[Still broken] ${incidentName} — ${f.still_broken} of ${Number(f.still_broken) + Number(f.fixed)} say the fix did not work`
  }
}

/** What ops should do about it, in a sentence or two. */
function advice(body: OpsAlertBody): string {
  const a = body.alert
  switch (body.meta.event_type) {
    case 'ops.update_overdue':
      return a.level === 'escalated'
        ? `Customers were promised an update every ${formatMinutes(Number(a.promised_interval_minutes))}; the page has said "update overdue" for ${late(Number(a.overdue_minutes))}. Post an update, even if there is no news, and say when the next one comes.`
        : 'The status page now says "update overdue" to every reader. Post an update, even if there is no news, and say when the next one comes.'
    case 'ops.eta_passed':
      return `The page now says the ETA passed with no new estimate${Number(a.eta_moves) > 0 ? `; it has already moved ${timesWord(Number(a.eta_moves))}` : ''}. Post an update with a new ETA, or withdraw it (eta: null) if you cannot give one.`
    case 'ops.resolution_disputed':
      return 'Customers say the incident is not fixed for them. Look again, and reopen it if they are right.'
  }
}

/** The email to OPS_EMAIL for an alert: subject, text and HTML parts with the links. */
export function renderOpsAlertEmail(body: OpsAlertBody): {
  subject: string
  text: string
  html: string
} {
  const a = body.alert
  const subject = a.summary.replace(/\s+/g, ' ').trim()
  const links = [
    `Incident page: ${a.incident_url}`,
    `Admin API:     ${a.admin_url}`,
    ...(typeof a.reopen_url === 'string' ? [`Reopen it:     ${a.reopen_url}`] : []),
  ].join('\n')
  const before = `${body.incident.name} (${body.incident.status}).\n\n${advice(body)}`
  const footer = `An ops alert from ${body.page.name}, sent to the address in OPS_EMAIL. It is sent once for this episode.`
  const text = [subject, '', before, '', links, '', '-- ', footer, ''].join('\n')
  const html = noticeEmailHtml({
    pageName: body.page.name,
    title: subject,
    preview: advice(body),
    before,
    action:
      typeof a.reopen_url === 'string'
        ? { label: 'Reopen the incident', href: a.reopen_url }
        : { label: 'Open the incident', href: a.incident_url },
    after: links,
    footer,
  })
  return { subject, text, html }
}
