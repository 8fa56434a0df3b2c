import type { Child } from 'hono/jsx'
import { useReader } from '../i18n/reader-context'
import { LanguageLinks, LanguageSwitcher } from './language-switcher'
import { linkTo, type Markup } from './rich'
import { BrandFooterLinks, BrandHead, BrandName, SupportNavItem } from './brand/brand-frame'
import { LocalTimeScript } from './time'

/**
 * The frame of every public page: language, viewport, stylesheet, a skip link, the page's name
 * in a banner with the navigation, the main landmark and a footer with the language switcher.
 * Works with JavaScript off; its one script (/local-time.js) only rewrites times into the reader's
 * zone.
 */
export function Layout(props: {
  pageName: string
  title: string
  description?: string
  current?: 'status' | 'history' | 'subscribe'
  children?: Child
}) {
  const reader = useReader()
  const { t } = reader
  const page = props.pageName
  return (
    <html lang={reader.lang} dir={reader.dir} data-locale={reader.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>{props.title}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        <link rel="stylesheet" href="/style.css" />
        <LocalTimeScript />
        <BrandHead />
        <link
          rel="alternate"
          type="application/atom+xml"
          title={t('layout.feedAtom', { page })}
          href="/feed.atom"
        />
        <link
          rel="alternate"
          type="application/rss+xml"
          title={t('layout.feedRss', { page })}
          href="/feed.rss"
        />
        <link
          rel="alternate"
          type="text/calendar"
          title={t('layout.calendar', { page })}
          href="/maintenance.ics"
        />
        <LanguageLinks />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('layout.skip')}
        </a>
        <header class="site-header">
          <div class="wrap">
            <a class="brand" href="/">
              <BrandName pageName={props.pageName} />
            </a>
            <nav aria-label={t('layout.nav')}>
              <ul>
                <li>
                  <a href="/" aria-current={props.current === 'status' ? 'page' : undefined}>
                    {t('layout.status')}
                  </a>
                </li>
                <li>
                  <a
                    href="/history"
                    aria-current={props.current === 'history' ? 'page' : undefined}
                  >
                    {t('layout.history')}
                  </a>
                </li>
                <li>
                  <a
                    href="/subscribe"
                    aria-current={props.current === 'subscribe' ? 'page' : undefined}
                  >
                    {t('layout.subscribe')}
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
              {reader.rich<Markup>('layout.footer', {
                zone: reader.timeZone === 'Etc/UTC' ? 'UTC' : reader.timeZone,
                json: linkTo('/api/v2/summary.json'),
                atom: linkTo('/feed.atom'),
                rss: linkTo('/feed.rss'),
                ics: linkTo('/maintenance.ics'),
              })}
            </p>
            <LanguageSwitcher />
          </div>
        </footer>
      </body>
    </html>
  )
}
