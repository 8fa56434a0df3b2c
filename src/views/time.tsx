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

const pad = (n: number) => String(n).padStart(2, '0')

/** "Mon 23 Nov, 14:00 UTC": the readable UTC text every time gets before any script runs. */
export function formatUtc(iso: string): string {
  const d = new Date(iso)
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`
}

/** "Mon 23 Nov 2026": a UTC day, for the daily bars. */
export function formatUtcDay(t: number): string {
  const d = new Date(t)
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`
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

/**
 * A `<time>` element with the UTC text; `data-local` lets the page script rewrite it into the
 * reader's time zone, keeping the UTC text as its tooltip.
 */
export function Time(props: { iso: string }) {
  return (
    <time datetime={props.iso} data-local="">
      {formatUtc(props.iso)}
    </time>
  )
}

/**
 * Rewrites every `time[data-local]` into the reader's zone. A constant, never user text, so it
 * may be inlined as is and allowed by its hash in the Content-Security-Policy (see
 * src/middleware/security-headers.ts); without JavaScript the UTC text stays.
 */
export const LOCAL_TIME_SCRIPT = `(function () {
  if (!window.Intl) return;
  var f = new Intl.DateTimeFormat(undefined, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZoneName: "short" });
  document.querySelectorAll("time[data-local]").forEach(function (t) {
    var d = new Date(t.getAttribute("datetime"));
    if (isNaN(d.getTime())) return;
    t.title = t.textContent;
    t.textContent = f.format(d);
  });
})();`
