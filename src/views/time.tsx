import { formatUtc } from '../lib/time-format'

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
