import type { WidgetData } from '../embeds/widget-data'
import { useReader } from '../i18n/reader-context'
import { LocalTimeScript, Time } from './time'
import { AccentStylesheet } from './brand/brand-frame'

/**
 * Small self-contained styles: the embed must not depend on the host page or /style.css. A
 * constant, allowed by its hash in the embed's Content-Security-Policy.
 */
export const EMBED_CSS = `
:root{color-scheme:light dark;--fg:#101828;--muted:#475467;--bg:#fff;--line:#d0d5dd}
@media (prefers-color-scheme:dark){:root{--fg:#f2f4f7;--muted:#c7ccd4;--bg:#161b22;--line:#3a4250}}
:root[data-theme=light]{color-scheme:light;--fg:#101828;--muted:#475467;--bg:#fff;--line:#d0d5dd}
:root[data-theme=dark]{color-scheme:dark;--fg:#f2f4f7;--muted:#c7ccd4;--bg:#161b22;--line:#3a4250}
*{box-sizing:border-box}
body{margin:0;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
.embed{padding:10px 12px;border:1px solid var(--line);border-radius:8px}
.status{display:flex;gap:8px;align-items:center;font-weight:600;margin:0}
.dot{width:10px;height:10px;border-radius:50%;flex:none}
.none .dot{background:#2e7d32}.minor .dot{background:#b26a00}.major .dot{background:#c62828}
.critical .dot{background:#8e0000}.maintenance .dot{background:#1565c0}
p{margin:6px 0 0}.muted{color:var(--muted)}.warn{font-weight:600}
a{color:var(--accent,currentcolor)}
`

/**
 * A compact status for iframes on other sites: the state, the leading incident with its ETA,
 * next update or how overdue it is, and maintenance under way or next; links open the page.
 * In the reader's words (`status`: the state already worded); names as ops wrote them.
 */
export function EmbedPage(props: { data: WidgetData; status: string; theme?: 'light' | 'dark' }) {
  const { data } = props
  const incident = data.incident
  const maintenance = data.maintenance
  const reader = useReader()
  const { t, rich } = reader
  const out = (href: string) => (chunks: unknown[]) => (
    <a href={href} target="_blank" rel="noopener">
      {chunks}
    </a>
  )
  return (
    <html lang={reader.lang} dir={reader.dir} data-theme={props.theme}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* Framed pages stay current without script: the browser reloads it every minute. */}
        <meta http-equiv="refresh" content="60" />
        <title>{t('widget.title', { page: data.page.name })}</title>
        <style dangerouslySetInnerHTML={{ __html: EMBED_CSS }} />
        <AccentStylesheet />
        <LocalTimeScript />
      </head>
      <body>
        <main class={`embed ${data.status.indicator}`}>
          <p class="status">
            <span class="dot" aria-hidden="true" />
            <a href={data.page.url} target="_blank" rel="noopener">
              {props.status}
            </a>
          </p>
          {incident ? (
            <>
              <p>
                <a href={incident.url} target="_blank" rel="noopener">
                  {incident.name}
                </a>
                {data.open_incidents > 1 ? (
                  <span class="muted">
                    {' '}
                    {t('widget.moreIncidents', { n: data.open_incidents - 1 })}
                  </span>
                ) : null}
              </p>
              <p class="muted">
                {incident.eta === null ? (
                  t('widget.noEstimate')
                ) : incident.eta_passed ? (
                  <span class="warn">
                    {rich('widget.etaPassed', { time: <Time iso={incident.eta} /> })}
                  </span>
                ) : (
                  rich('widget.eta', {
                    time: <Time iso={incident.eta} />,
                    moves: incident.eta_moves,
                  })
                )}
                {' · '}
                {incident.update_overdue ? (
                  <span class="warn">
                    {t('widget.updateOverdue', {
                      span: reader.clock.span(Math.max(1, incident.overdue_minutes)),
                    })}
                  </span>
                ) : incident.next_update_at ? (
                  rich('widget.nextUpdate', { time: <Time iso={incident.next_update_at} /> })
                ) : (
                  t('widget.noNextUpdate')
                )}
              </p>
            </>
          ) : null}
          {maintenance ? (
            <p class="muted">
              {rich('widget.maintenance', {
                state: maintenance.status === 'scheduled' ? 'scheduled' : 'under_way',
                name: maintenance.name,
                a: out(maintenance.url),
                window: (
                  <>
                    <Time iso={maintenance.scheduled_for} /> –{' '}
                    <Time iso={maintenance.scheduled_until} />
                  </>
                ),
              })}
            </p>
          ) : null}
        </main>
      </body>
    </html>
  )
}
