import type { Reader } from '../i18n/reader'
import type { IncidentJson, MaintenanceJson } from '../schemas/statuspage'

/**
 * How notices (emails, chat messages) print times, windows and spans for their reader: in the
 * reader's zone and locale, with the zone's abbreviation ("Tue 24 Nov 18:00 GMT"), said once
 * where several times share it.
 */

type Instant = string | number | Date

const clocks = new Map<string, Intl.DateTimeFormat>()

/** "18:00": the wall clock in the reader's zone, without the zone's name. */
export function clockText(reader: Reader, at: Instant): string {
  const key = `${reader.locale}|${reader.timeZone}`
  let f = clocks.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(reader.locale, {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: reader.timeZone,
    })
    clocks.set(key, f)
  }
  return f.format(new Date(at))
}

/** "Tue 24 Nov 18:00 GMT". */
export function dayTime(reader: Reader, at: Instant): string {
  return reader.t('notify.time.dayTime', { day: reader.clock.day(at), time: reader.clock.time(at) })
}

/** "Tue 24 Nov 18:00" (the zone said elsewhere). */
export function dayClock(reader: Reader, at: Instant): string {
  return reader.t('notify.time.dayClock', {
    day: reader.clock.day(at),
    clock: clockText(reader, at),
  })
}

/** "18:00 GMT" when `at` falls on the same day as `now` in the reader's zone, else with the day. */
export function shortTime(reader: Reader, at: Instant, now: Instant): string {
  const { clock } = reader
  return clock.dateKey(at) === clock.dateKey(now) ? clock.time(at) : dayTime(reader, at)
}

/**
 * A window: "Tue 24 Nov 01:00–03:00 GMT"; across a clock change "Sun 28 Mar 00:30 GMT – 03:30
 * BST"; across days "Tue 24 Nov 23:00 – Wed 25 Nov 01:00 GMT".
 */
export function timeRange(reader: Reader, from: Instant, until: Instant): string {
  const { clock } = reader
  const sameDay =
    clock.dateKey(from) === clock.dateKey(until) &&
    Math.abs(new Date(until).getTime() - new Date(from).getTime()) < 86_400_000
  const sameZone = clock.zoneName(from) === clock.zoneName(until)
  if (sameDay && sameZone) {
    return reader.t('notify.time.rangeSameDay', {
      day: clock.day(from),
      from: clockText(reader, from),
      until: clockText(reader, until),
      zone: clock.zoneName(from),
    })
  }
  if (sameDay) {
    return reader.t('notify.time.range', { from: dayTime(reader, from), until: clock.time(until) })
  }
  return reader.t('notify.time.range', {
    from: sameZone ? dayClock(reader, from) : dayTime(reader, from),
    until: dayTime(reader, until),
  })
}

/** "12 min", "2 h 5 min", "3 days 4 h": a span of whole minutes. */
export function spanText(reader: Reader, minutes: number): string {
  const m = Math.max(0, Math.round(minutes))
  if (m < 60) return reader.t('notify.span.minutes', { minutes: m })
  const hours = Math.floor(m / 60)
  if (hours < 48) {
    return m % 60
      ? reader.t('notify.span.hoursMinutes', { hours, minutes: m % 60 })
      : reader.t('notify.span.hours', { hours })
  }
  const days = Math.floor(hours / 24)
  return hours % 24
    ? reader.t('notify.span.daysHours', { days, hours: hours % 24 })
    : reader.t('notify.span.days', { days })
}

/** How long from `from` to `to`, as a span. */
export function durationText(reader: Reader, from: string, to: string): string {
  return spanText(reader, (Date.parse(to) - Date.parse(from)) / 60_000)
}

/** "moved twice". */
export function etaMovedText(reader: Reader, moves: number): string {
  return reader.t('notify.eta.moved', { count: moves })
}

/**
 * "ETA moved 2 times: Mon 23 Nov 18:00 → Tue 24 Nov 18:00 → Wed 25 Nov 18:00 GMT", or null when
 * it never moved. A day is said once, then again when it changes; the zone after the last time
 * it applies to ("… 00:30 GMT → 03:30 BST" across a clock change).
 */
export function etaHistoryText(
  reader: Reader,
  incident: IncidentJson | MaintenanceJson,
): string | null {
  const moves = incident.eta_moves
  if (moves === 0) return null
  const { clock } = reader
  const etas = incident.eta_history.map((entry) => entry.eta)
  const zoneOf = (eta: string | null) => (eta ? clock.zoneName(eta) : null)
  let day = ''
  const steps = etas.map((eta, i) => {
    if (!eta) return reader.t('notify.eta.noEstimate')
    const text = clock.dateKey(eta) === day ? clockText(reader, eta) : dayClock(reader, eta)
    day = clock.dateKey(eta)
    const next = etas.slice(i + 1).find((e) => e !== null)
    return next === undefined || zoneOf(next!) !== zoneOf(eta)
      ? `${text} ${clock.zoneName(eta)}`
      : text
  })
  return reader.t('notify.eta.history', { count: moves, steps: steps.join(' → ') })
}
