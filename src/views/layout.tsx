import type { Child } from 'hono/jsx'
import { useReader } from '../i18n/reader-context'
import { BrandFooterLinks, BrandHead, BrandName, SupportNavItem } from './brand/brand-frame'
import { LOCAL_TIME_SCRIPT } from './time'

/**
 * The frame of every public page: language, viewport, stylesheet, a skip link, the page's name
 * in a banner with the navigation, the main landmark and a footer. Works with JavaScript off;
 * the one inline script only rewrites times into the reader's zone.
 */
export function Layout(props: {
  pageName: string
  title: string
  description?: string
  current?: 'status' | 'history' | 'subscribe'
  children?: Child
}) {
  const reader = useReader()
  return (
    <html lang={reader.lang} dir={reader.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>{props.title}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        <link rel="stylesheet" href="/style.css" />
        <BrandHead />
        <link
          rel="alternate"
          type="application/atom+xml"
          title={`${props.pageName} incidents and maintenance (Atom)`}
          href="/feed.atom"
        />
        <link
          rel="alternate"
          type="application/rss+xml"
          title={`${props.pageName} incidents and maintenance (RSS)`}
          href="/feed.rss"
        />
        <link
          rel="alternate"
          type="text/calendar"
          title={`${props.pageName} maintenance calendar`}
          href="/maintenance.ics"
        />
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="site-header">
          <div class="wrap">
            <a class="brand" href="/">
              <BrandName pageName={props.pageName} />
            </a>
            <nav aria-label="Site">
              <ul>
                <li>
                  <a href="/" aria-current={props.current === 'status' ? 'page' : undefined}>
                    Status
                  </a>
                </li>
                <li>
                  <a
                    href="/history"
                    aria-current={props.current === 'history' ? 'page' : undefined}
                  >
                    History
                  </a>
                </li>
                <li>
                  <a
                    href="/subscribe"
                    aria-current={props.current === 'subscribe' ? 'page' : undefined}
                  >
                    Subscribe
                  </a>
                </li>
                <SupportNavItem />
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" class="wrap" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <BrandFooterLinks />
            <p>
              Times are in {reader.timeZone === 'Etc/UTC' ? 'UTC' : reader.timeZone}, or in your own
              time zone when JavaScript is on. The same data is available as JSON at{' '}
              <a href="/api/v2/summary.json">/api/v2/summary.json</a>, as feeds (
              <a href="/feed.atom">Atom</a>, <a href="/feed.rss">RSS</a>) and as a{' '}
              <a href="/maintenance.ics">calendar of maintenance</a>.
            </p>
          </div>
        </footer>
        <script dangerouslySetInnerHTML={{ __html: LOCAL_TIME_SCRIPT }} />
      </body>
    </html>
  )
}
