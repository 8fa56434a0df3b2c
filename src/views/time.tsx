import { useReader } from '../i18n/reader-context'

/**
 * A `<time>` element with the text in the reader's zone (the page's, "Mon 23 Nov, 14:00 GMT");
 * `data-local` lets the page script rewrite it into the browser's own zone, keeping this text
 * as its tooltip.
 */
export function Time(props: { iso: string }) {
  return (
    <time datetime={props.iso} data-local="">
      {useReader().clock.dateTime(props.iso)}
    </time>
  )
}

/**
 * Rewrites every `time[data-local]` into the browser's zone, in the page's language (its
 * `lang`), with the zone's abbreviation (asking the locales of places that use one when the
 * reader's own only knows an offset, as the server does) and how far away it is ("in 40 min",
 * "2 hr ago"), kept current every 30 s. A constant, never user text, so it may be inlined as
 * is and allowed by its hash in the Content-Security-Policy (see
 * src/middleware/security-headers.ts); without JavaScript the text in the page's zone stays.
 */
export const LOCAL_TIME_SCRIPT = `(function () {
  var I = window.Intl;
  if (!I || !I.DateTimeFormat.prototype.formatToParts) return;
  var L = document.documentElement.lang || undefined;
  var f = new I.DateTimeFormat(L, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
  var r = I.RelativeTimeFormat && new I.RelativeTimeFormat(L, { numeric: "auto", style: "short" });
  function zone(d) {
    var ls = [L, "en-GB", "en-US", "en-AU", "en-IN", "ja-JP"], own, i, n;
    for (i = 0; i < ls.length; i++) {
      n = new I.DateTimeFormat(ls[i], { timeZoneName: "short" }).formatToParts(d).filter(function (p) { return p.type == "timeZoneName"; })[0];
      n = n && n.value;
      if (!i) own = n;
      if (n && (i ? /^[A-Z]{2,5}$/.test(n) : !/[0-9]/.test(n))) return n;
    }
    return own;
  }
  function ago(d) {
    var m = Math.round((d - Date.now()) / 6e4), a = Math.abs(m);
    return a < 60 ? r.format(m, "minute") : a < 2880 ? r.format(Math.round(m / 60), "hour") : r.format(Math.round(m / 1440), "day");
  }
  var ts = [];
  document.querySelectorAll("time[data-local]").forEach(function (t) {
    var d = new Date(t.getAttribute("datetime"));
    if (isNaN(d.getTime())) return;
    t.title = t.textContent;
    t.textContent = f.format(d) + " " + zone(d);
    if (r) {
      var s = document.createElement("span");
      s.className = "ago";
      t.after(s);
      ts.push([s, d]);
    }
  });
  function tick() {
    ts.forEach(function (x) { x[0].textContent = " (" + ago(x[1]) + ")"; });
  }
  tick();
  if (ts.length) setInterval(tick, 3e4);
})();`
