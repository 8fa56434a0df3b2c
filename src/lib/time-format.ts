/**
 * Every way Candor prints a time, in one place: always UTC (pages rewrite their `<time>`
 * elements into the reader's zone in the browser), short where the day goes without saying.
 */

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** "07" for 7: two digits, zero-padded. */
export const pad2 = (n: number): string => String(n).padStart(2, '0')

/** "18:00" (UTC). */
export function clockUtc(iso: string): string {
  const d = new Date(iso)
  return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`
}

/** "Tue 24 Nov" (UTC). */
export function dayUtc(iso: string): string {
  const d = new Date(iso)
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`
}

/** "Tue 24 Nov 18:00" (UTC). */
export function dayClockUtc(iso: string): string {
  return `${dayUtc(iso)} ${clockUtc(iso)}`
}

/** "Mon 23 Nov, 14:00 UTC": the readable UTC text every time gets before any script runs. */
export function formatUtc(iso: string): string {
  return `${dayUtc(iso)}, ${clockUtc(iso)} UTC`
}

/** "2026-11-23 18:00 UTC": unambiguous for readers in any time zone (chat messages). */
export function formatUtcNumeric(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`
}

/** "Mon 23 Nov 2026": a UTC day, for the daily bars. */
export function formatUtcDay(t: number): string {
  const d = new Date(t)
  return `${dayUtc(d.toISOString())} ${d.getUTCFullYear()}`
}

/** "November 2026" for a UTC year and zero-based month. */
export function formatMonth(year: number, month: number): string {
  return `${MONTH_NAMES[month]} ${year}`
}

/** "12 min", "2 h 5 min", "3 days 4 h": a span of whole minutes, for overdue notices and durations. */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`
  const days = Math.floor(hours / 24)
  return hours % 24 ? `${days} days ${hours % 24} h` : `${days} days`
}

const utcDate = (iso: string) => new Date(iso).toISOString().slice(0, 10)

/** "18:00 UTC" when `iso` falls on the same UTC day as `now`, else "Tue 24 Nov 18:00 UTC". */
export function shortTimeUtc(iso: string, now: string): string {
  return `${utcDate(iso) === utcDate(now) ? clockUtc(iso) : dayClockUtc(iso)} UTC`
}

/** "Tue 24 Nov 01:00–03:00 UTC", or "Tue 24 Nov 23:00 – Wed 25 Nov 01:00 UTC" across days. */
export function rangeUtc(from: string, until: string): string {
  if (
    dayUtc(from) === dayUtc(until) &&
    Math.abs(Date.parse(until) - Date.parse(from)) < 86_400_000
  ) {
    return `${dayUtc(from)} ${clockUtc(from)}–${clockUtc(until)} UTC`
  }
  return `${dayClockUtc(from)} – ${dayClockUtc(until)} UTC`
}

/** "once", "twice", "3 times". */
export function timesWord(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`
}
