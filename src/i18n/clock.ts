import { zoneAbbreviation } from './zone-names'

/**
 * Every way Candor prints a time to a reader: in one time zone (the page's, or a subscriber's
 * own) and one locale's clock, with the zone's abbreviation ("Wed 1 Jul, 14:00 CEST"). Built
 * on `Intl` only; formatters are made once per locale, zone and shape.
 */

type Shape = Intl.DateTimeFormatOptions

const SHAPES = {
  dateTime: {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  },
  time: { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' },
  day: { weekday: 'short', day: 'numeric', month: 'short' },
  dayYear: { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' },
  dateKey: { year: 'numeric', month: '2-digit', day: '2-digit' },
} as const satisfies Record<string, Shape>

export type ClockShape = keyof typeof SHAPES

const cache = new Map<string, Intl.DateTimeFormat>()

function formatter(locale: string, timeZone: string, shape: ClockShape): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${shape}`
  let f = cache.get(key)
  if (!f) {
    const base: Shape = { timeZone, ...SHAPES[shape] }
    f = new Intl.DateTimeFormat(locale, base)
    cache.set(key, f)
  }
  return f
}

/** Formats `at` in a shape, with the zone's name replaced by its abbreviation. */
function formatAt(locale: string, timeZone: string, shape: ClockShape, at: Date): string {
  const parts = formatter(locale, timeZone, shape).formatToParts(at)
  return parts
    .map((p) => (p.type === 'timeZoneName' ? zoneAbbreviation(locale, timeZone, at) : p.value))
    .join('')
}

const MINUTE = 60_000

export class Clock {
  constructor(
    /** An `Intl` locale, e.g. `de-DE`. */
    readonly locale: string,
    /** An IANA zone, e.g. `Europe/London`. */
    readonly timeZone: string,
  ) {}

  private at(iso: string | number | Date): Date {
    return iso instanceof Date ? iso : new Date(iso)
  }

  /** "Wed 1 Jul, 14:00 CEST": the full text every `<time>` has before any script runs. */
  dateTime(iso: string | number | Date): string {
    return formatAt(this.locale, this.timeZone, 'dateTime', this.at(iso))
  }

  /** "14:00 CEST". */
  time(iso: string | number | Date): string {
    return formatAt(this.locale, this.timeZone, 'time', this.at(iso))
  }

  /** "Wed 1 Jul" (the day in this zone). */
  day(iso: string | number | Date): string {
    return formatAt(this.locale, this.timeZone, 'day', this.at(iso))
  }

  /** "Wed 1 Jul 2026". */
  dayYear(iso: string | number | Date): string {
    return formatAt(this.locale, this.timeZone, 'dayYear', this.at(iso))
  }

  /** "July 2026" for a year and zero-based month (a calendar month, no zone involved). */
  month(year: number, month: number): string {
    const mid = new Date(Date.UTC(year, month, 15, 12))
    return new Intl.DateTimeFormat(this.locale, {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(mid)
  }

  /** "2026-07-01" — the calendar day of `at` in this zone (to compare days). */
  dateKey(iso: string | number | Date): string {
    const parts = formatter(this.locale, this.timeZone, 'dateKey').formatToParts(this.at(iso))
    const get = (t: string) => parts.find((p) => p.type === t)?.value ?? ''
    return `${get('year')}-${get('month')}-${get('day')}`
  }

  /** "14:00 CEST" when `iso` falls on the same day as `now` here, else the full text. */
  short(iso: string | number | Date, now: string | number | Date): string {
    return this.dateKey(iso) === this.dateKey(now) ? this.time(iso) : this.dateTime(iso)
  }

  /** "Wed 1 Jul, 01:00–03:00 CEST", or both ends in full across days (`Intl` decides). */
  range(from: string | number | Date, until: string | number | Date): string {
    const a = this.at(from)
    const b = this.at(until)
    // Across a clock change both ends need their own zone name, which Intl would share.
    if (this.zoneName(a) !== this.zoneName(b)) return `${this.dateTime(a)} – ${this.short(b, a)}`
    return formatter(this.locale, this.timeZone, 'dateTime')
      .formatRangeToParts(a, b)
      .map((p) =>
        p.type === 'timeZoneName'
          ? zoneAbbreviation(this.locale, this.timeZone, p.source === 'endRange' ? b : a)
          : p.value,
      )
      .join('')
  }

  /** "2026-07-01 14:00 CEST": unambiguous in plain text (chat messages). */
  numeric(iso: string | number | Date): string {
    const at = this.at(iso)
    const key = this.dateKey(at)
    return `${key} ${formatAt(this.locale, this.timeZone, 'time', at)}`
  }

  /** The zone's abbreviation at `at` ("GMT", "BST"). */
  zoneName(iso: string | number | Date): string {
    return zoneAbbreviation(this.locale, this.timeZone, this.at(iso))
  }

  /** "12 min", "2 h 5 min", "3 days 4 h": a span of whole minutes, in this locale. */
  span(minutes: number): string {
    const m = Math.max(0, Math.round(minutes))
    const unit = (n: number, u: 'minute' | 'hour' | 'day') =>
      new Intl.NumberFormat(this.locale, {
        style: 'unit',
        unit: u,
        unitDisplay: u === 'day' ? 'long' : 'short',
      }).format(n)
    const pieces: string[] = []
    if (m < 60) pieces.push(unit(m, 'minute'))
    else if (m < 48 * 60) {
      pieces.push(unit(Math.floor(m / 60), 'hour'))
      if (m % 60) pieces.push(unit(m % 60, 'minute'))
    } else {
      const hours = Math.floor(m / 60)
      pieces.push(unit(Math.floor(hours / 24), 'day'))
      if (hours % 24) pieces.push(unit(hours % 24, 'hour'))
    }
    return new Intl.ListFormat(this.locale, { type: 'unit', style: 'narrow' }).format(pieces)
  }

  /** "in 40 min", "2 hours ago": `at` relative to `now`, in whole minutes, hours or days. */
  relative(iso: string | number | Date, now: string | number | Date): string {
    const diff = Math.round((this.at(iso).getTime() - this.at(now).getTime()) / MINUTE)
    const f = new Intl.RelativeTimeFormat(this.locale, { numeric: 'auto', style: 'short' })
    const abs = Math.abs(diff)
    if (abs < 60) return f.format(diff, 'minute')
    if (abs < 48 * 60) return f.format(Math.round(diff / 60), 'hour')
    return f.format(Math.round(diff / 1440), 'day')
  }
}
