import { invalidField } from './errors'
import type { ComponentStatus } from './types'

/**
 * Uptime as Statuspage computes it: from the component's status history, the time it spent in
 * a major outage counts fully as downtime and the time in a partial outage at 30%; degraded
 * performance and maintenance count as up. Pure functions: the dates of a range, and the
 * seconds and percentage over it.
 */

/** The weight of a partial outage against a major one. */
export const PARTIAL_OUTAGE_WEIGHT = 0.3

/** The range Statuspage's uptime reads by default: 90 days back. */
export const DEFAULT_UPTIME_DAYS = 90

/** The longest range, in calendar months. */
export const MAX_UPTIME_MONTHS = 6

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/
const DAY_MS = 86_400_000

/** A calendar date as `YYYY-MM-DD`, read and written as a UTC midnight. */
export type CalendarDate = string

function dateOf(ms: number): CalendarDate {
  return new Date(ms).toISOString().slice(0, 10)
}

function msOf(date: CalendarDate): number {
  return Date.parse(`${date}T00:00:00Z`)
}

/** `date` moved by whole days. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return dateOf(msOf(date) + days * DAY_MS)
}

/** The last day of the range of `months` calendar months starting on `date`. */
function lastDayOfMonths(date: CalendarDate, months: number): CalendarDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const at = new Date(Date.UTC(y, m - 1 + months, 1))
  // The same day of the month `months` later, or that month's last day when it is shorter.
  const lastOfMonth = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 0)).getUTCDate()
  at.setUTCDate(Math.min(d, lastOfMonth))
  return addDays(dateOf(at.getTime()), -1)
}

/**
 * A partial date (`2020`, `2020-01`, `2020-01-15`) as a day: a year is its first or last day,
 * a month likewise, by `edge`. 400 (422 under /v1) for anything else, or before 1970.
 */
export function parsePartialDate(
  value: string,
  edge: 'start' | 'end',
  field: string,
): CalendarDate {
  const m = PARTIAL_DATE.exec(value.trim())
  const year = Number(m?.[1])
  const month = m?.[2] === undefined ? undefined : Number(m[2])
  const day = m?.[3] === undefined ? undefined : Number(m[3])
  const bad = () =>
    invalidField(field, `${field} must be a date such as 2020, 2020-01 or 2020-01-15.`)
  if (!m || (month !== undefined && (month < 1 || month > 12))) throw bad()
  if (year < 1970) throw invalidField(field, `${field} cannot be before 1970-01-01.`)
  const firstMonth = month ?? (edge === 'start' ? 1 : 12)
  if (day === undefined) {
    return edge === 'start'
      ? dateOf(Date.UTC(year, firstMonth - 1, 1))
      : dateOf(Date.UTC(year, firstMonth, 0))
  }
  const at = new Date(Date.UTC(year, firstMonth - 1, day))
  if (day < 1 || at.getUTCMonth() !== firstMonth - 1) throw bad()
  return dateOf(at.getTime())
}

export interface UptimeRangeInput {
  start?: string
  end?: string
  /** The component's start date (the earliest of a group's), if it has one. */
  startDate: CalendarDate | null
  /** Today in the page's time zone. */
  today: CalendarDate
}

export interface UptimeRange {
  start: CalendarDate
  end: CalendarDate
  warnings: string[]
}

/**
 * The days an uptime reads, inclusive. `end` defaults to today and is brought back to today
 * when later; `start` defaults to the start date or 90 days before `end`, whichever is later. A
 * range longer than six calendar months ends six months after its start. Each adjustment of
 * a date asked for is told in `warnings`. 400 (422 under /v1) for a start after the end.
 */
export function resolveUptimeRange(input: UptimeRangeInput): UptimeRange {
  const warnings: string[] = []
  let end = input.end ? parsePartialDate(input.end, 'end', 'end') : input.today
  const askedStart = input.start ? parsePartialDate(input.start, 'start', 'start') : null
  if (end > input.today) {
    end = input.today
    warnings.push(
      'End date was adjusted to today. See range_end field in response for end date used.',
    )
  }
  let start = askedStart ?? addDays(end, -DEFAULT_UPTIME_DAYS)
  if (!askedStart && input.startDate && input.startDate > start) start = input.startDate
  if (start > end) {
    throw invalidField('start', `The range starts (${start}) after it ends (${end}).`)
  }
  const last = lastDayOfMonths(start, MAX_UPTIME_MONTHS)
  if (end > last) {
    end = last
    warnings.push(
      `End date was adjusted to ${last}: a range is at most six calendar months. See range_end field in response for end date used.`,
    )
  }
  return { start, end, warnings }
}

/** A status a component took, at an instant in milliseconds. */
export interface TimedStatus {
  status: ComponentStatus
  at: number
}

export interface UptimeFigures {
  /** Whole seconds in a major outage, in a partial outage, and in the range. */
  majorOutage: number
  partialOutage: number
  rangeSeconds: number
  /** 100 less the weighted downtime, in percent, to 2 decimals. */
  uptimePercentage: number
}

/** The percentage from milliseconds of each outage over a range of `rangeMs`. */
export function uptimePercentage(majorMs: number, partialMs: number, rangeMs: number): number {
  if (rangeMs <= 0) return 100
  const down = (majorMs + PARTIAL_OUTAGE_WEIGHT * partialMs) / rangeMs
  return Math.round(Math.min(100, Math.max(0, 100 * (1 - down))) * 100) / 100
}

/**
 * Outage time over `[from, to)` from a component's history, oldest first: the status at
 * `from` is the last one taken at or before it (none recorded counts as up).
 */
export function outageMs(
  history: TimedStatus[],
  from: number,
  to: number,
): { majorMs: number; partialMs: number } {
  let majorMs = 0
  let partialMs = 0
  let status: ComponentStatus | null = null
  let since = from
  const count = (until: number) => {
    const span = Math.max(0, Math.min(until, to) - since)
    if (status === 'major_outage') majorMs += span
    if (status === 'partial_outage') partialMs += span
  }
  for (const change of history) {
    if (change.at >= to) break
    if (change.at > since) {
      count(change.at)
      since = change.at
    }
    status = change.status
  }
  count(to)
  return { majorMs, partialMs }
}

/** Statuspage's figures for one component's history over `[from, to)`. */
export function computeUptime(history: TimedStatus[], from: number, to: number): UptimeFigures {
  const rangeMs = Math.max(0, to - from)
  const { majorMs, partialMs } = outageMs(history, from, to)
  return {
    majorOutage: Math.floor(majorMs / 1000),
    partialOutage: Math.floor(partialMs / 1000),
    rangeSeconds: Math.floor(rangeMs / 1000),
    uptimePercentage: uptimePercentage(majorMs, partialMs, rangeMs),
  }
}
