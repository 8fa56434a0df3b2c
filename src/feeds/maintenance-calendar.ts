import { nameList } from '../i18n/name-list'
import type { Reader } from '../i18n/reader'
import type { MaintenanceJson } from '../schemas/statuspage'

/** "20261201T072000Z": an iCalendar UTC date-time. */
function icsTime(iso: string): string {
  return new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}

/** TEXT value escaping (RFC 5545 §3.3.11). */
function icsText(text: string): string {
  return (
    text
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // Other control characters have no place in a content line.
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
  )
}

/** Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder()
  const parts: string[] = []
  let current = ''
  let size = 0
  for (const ch of line) {
    const bytes = encoder.encode(ch).length
    const limit = parts.length === 0 ? 75 : 74
    if (size + bytes > limit) {
      parts.push(current)
      current = ''
      size = 0
    }
    current += ch
    size += bytes
  }
  parts.push(current)
  return parts.join('\r\n ')
}

/**
 * An iCalendar (RFC 5545) of maintenance: one VEVENT each, with a UID that stays the same and a
 * SEQUENCE that grows with every update, so calendar apps replace the event when it changes. A
 * cancelled maintenance stays in the calendar as `STATUS:CANCELLED` (its cancelling update bumped
 * the SEQUENCE), which is how subscribed calendars learn to drop it. Its text (name, summary,
 * description) is in the reader's language, the window in words on the page's clock; DTSTART and
 * DTEND stay in UTC for calendar apps to show in their own zone.
 */
export function maintenanceCalendar(input: {
  pageName: string
  host: string
  maintenances: MaintenanceJson[]
  reader: Reader
}): string {
  const { t, clock } = input.reader
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Candor//Maintenance calendar//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsText(t('feeds.calendarName', { page: input.pageName }))}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
  ]
  for (const m of input.maintenances) {
    const latest = m.incident_updates[0]
    const names = (list: { name: string }[]) =>
      nameList(
        input.reader,
        list.map((x) => x.name),
      )
    const description = [
      latest?.body ?? '',
      t('feeds.when', { window: clock.range(m.scheduled_for, m.scheduled_until) }),
      m.components.length ? t('feeds.affects', { names: names(m.components) }) : '',
      m.areas.length ? t('feeds.areas', { names: names(m.areas) }) : '',
      m.shortlink,
    ]
      .filter(Boolean)
      .join('\n')
    lines.push(
      'BEGIN:VEVENT',
      `UID:maintenance-${m.id}@${input.host}`,
      `DTSTAMP:${icsTime(m.updated_at)}`,
      `CREATED:${icsTime(m.created_at)}`,
      `LAST-MODIFIED:${icsTime(m.updated_at)}`,
      `SEQUENCE:${Math.max(0, m.incident_updates.length - 1)}`,
      `DTSTART:${icsTime(m.scheduled_for)}`,
      `DTEND:${icsTime(m.scheduled_until)}`,
      `SUMMARY:${icsText(m.cancelled_at ? t('feeds.cancelledEvent', { name: m.name }) : m.name)}`,
      `DESCRIPTION:${icsText(description)}`,
      `URL:${m.shortlink}`,
      m.cancelled_at ? 'STATUS:CANCELLED' : 'STATUS:CONFIRMED',
      m.cancelled_at ? 'TRANSP:TRANSPARENT' : 'TRANSP:OPAQUE',
      'END:VEVENT',
    )
  }
  lines.push('END:VCALENDAR')
  return lines.map(foldLine).join('\r\n') + '\r\n'
}
