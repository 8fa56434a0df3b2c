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
 * The page script, `public/local-time.js`, served as a static file and loaded by every public
 * page and the embed (deferred: it runs once the document is parsed). It rewrites every
 * `time[data-local]` into the browser's zone, in the page's language (the `data-locale` of
 * `<html>`, else its `lang`), with the zone's abbreviation (asking the locales of places that
 * use one when the reader's own only knows an offset, as the server does) and how far away it
 * is ("in 40 min", "2 hr ago"); and keeps every `[data-overdue]` ("Update overdue by 12 min")
 * counting, with its `data-words` and the span worded as the server's clock does. Both are kept
 * current every 30 s. Same-origin, so the Content-Security-Policy's `script-src 'self'` allows
 * it (src/middleware/security-headers.ts); without JavaScript the text in the page's zone stays.
 * It is written compact by hand (so prettier leaves it alone) and must stay under 1 KB gzipped
 * (tests/worker/local-time-script.test.ts).
 */
export function LocalTimeScript() {
  return <script src="/local-time.js" defer></script>
}
