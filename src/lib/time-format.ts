/** Times as emails print them: always UTC, short where the day goes without saying. */

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

const pad = (n: number) => String(n).padStart(2, '0')

/** "18:00" (UTC). */
export function clockUtc(iso: string): string {
  const d = new Date(iso)
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
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
