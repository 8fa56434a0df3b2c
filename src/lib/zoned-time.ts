/**
 * Wall-clock times in a named time zone (the page's), with `Intl` only: what "tomorrow 09:00"
 * and a `datetime-local` field mean there, as instants.
 */

interface WallClock {
  year: number
  month: number
  day: number
  hour: number
  minute: number
}

/** The wall clock in `timeZone` at instant `at`. */
export function wallClockAt(at: Date, timeZone: string): WallClock {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at)
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
  }
}

/** A wall clock read as UTC, for any year (`Date.UTC` would read 0–99 as 1900–1999). */
function utcOf(wall: WallClock): number {
  const at = new Date(0)
  at.setUTCFullYear(wall.year, wall.month - 1, wall.day)
  at.setUTCHours(wall.hour, wall.minute, 0, 0)
  return at.getTime()
}

/** Minutes `timeZone` is ahead of UTC at instant `at`. */
function offsetMinutes(at: Date, timeZone: string): number {
  const w = wallClockAt(at, timeZone)
  const asUtc = utcOf(w)
  return Math.round((asUtc - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000)
}

/**
 * The instant a wall-clock time in `timeZone` names. In a gap (clocks jump forward) it is the
 * time after the jump; in an overlap, the earlier of the two.
 */
export function instantOfWallClock(wall: WallClock, timeZone: string): Date {
  const naive = utcOf(wall)
  let guess = naive - offsetMinutes(new Date(naive), timeZone) * 60_000
  // A second pass settles times near an offset change.
  guess = naive - offsetMinutes(new Date(guess), timeZone) * 60_000
  return new Date(guess)
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/

/** A `datetime-local` value (`2026-12-02T09:00`) read in `timeZone`; null if it is not one. */
export function parseLocalInput(value: string, timeZone: string): Date | null {
  const m = LOCAL_INPUT.exec(value.trim())
  if (!m) return null
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ]
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null
  const probe = new Date(utcOf({ year, month, day, hour: 0, minute: 0 }))
  if (probe.getUTCMonth() !== month - 1) return null
  return instantOfWallClock({ year, month, day, hour, minute }, timeZone)
}

/** An instant as a `datetime-local` value in `timeZone` (to fill a field). */
export function localInputValue(at: Date, timeZone: string): string {
  const w = wallClockAt(at, timeZone)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}`
}

/** The next day's `hour:minute` in `timeZone`, after `now`. */
export function tomorrowAt(now: Date, timeZone: string, hour: number, minute = 0): Date {
  const today = wallClockAt(now, timeZone)
  const next = new Date(Date.UTC(today.year, today.month - 1, today.day + 1))
  return instantOfWallClock(
    {
      year: next.getUTCFullYear(),
      month: next.getUTCMonth() + 1,
      day: next.getUTCDate(),
      hour,
      minute,
    },
    timeZone,
  )
}
