import { Hono } from 'hono'
import { etag } from 'hono/etag'
import type { Child } from 'hono/jsx'
import type { AppBindings } from '../app-types'
import { notFound } from '../domain/errors'
import { loadEtaRecord } from '../domain/eta-record'
import { computeEtaStats } from '../domain/eta-stats'
import { loadPublishedPostmortems } from '../domain/postmortems'
import { presentAny } from '../domain/present'
import { loadHistoryWindow, loadPublishedIncident } from '../domain/public-history'
import { lookupLimited, withinLookupLimit } from '../middleware/lookup-limits'
import { HistoryPage } from '../views/history-page'
import { groupByMonth, historyMonths, parseHistoryPage } from '../views/history-months'
import { IncidentPage } from '../views/incident-page'
import { StatusPage } from '../views/status-page'
import { ForReader } from '../views/for-reader'
import { pathWithoutLang } from '../views/page-path'
import type { Reader } from '../i18n/reader'
import { languageRoutes } from './language-switch'
import type { PageBrand } from '../domain/brand'
import { WithBrand } from '../views/brand/brand-context'
import { pageReader } from './page-reader'
import { servePublic } from './public-cache'
import { renderThroughCache } from './render-cache'
import { publicView } from './public-view-loader'

/**
 * A whole HTML document, rendered for its reader with the page's brand; `path` is the page's
 * own path and query without `lang` (for the language switcher). Pages kept per URL use the
 * request's; pages kept per name (`renderThroughCache`) use their canonical one, since the
 * query string is not part of what is kept.
 */
function documentHtml(reader: Reader, brand: PageBrand, path: string, page: Child): string {
  return `<!doctype html>${String(
    <ForReader reader={reader} path={path}>
      <WithBrand brand={brand}>{page}</WithBrand>
    </ForReader>,
  )}`
}

const HTML = 'text/html; charset=utf-8'
const IN_READERS_LANGUAGE = { inReadersLanguage: true }

/**
 * Server-rendered public pages. Middleware is attached per route: this app is mounted at '/',
 * so a '*' middleware here would also run for the API.
 */
export const publicPageRoutes = new Hono<AppBindings>()

publicPageRoutes.route('/', languageRoutes)

publicPageRoutes.get('/', (c) =>
  servePublic(
    c,
    HTML,
    (view, reader) =>
      documentHtml(reader, view.brand, pathWithoutLang(c.req.url), <StatusPage view={view} />),
    IN_READERS_LANGUAGE,
  ),
)

// etag() covers the D1 branch; servePublic sets its own ETag, which etag() keeps.
publicPageRoutes.get('/incidents/:id', etag(), async (c) => {
  const id = c.req.param('id')
  const view = await publicView(c)
  const inSnapshot = [...view.snapshot.incidents, ...view.snapshot.maintenances].some(
    (i) => i.id === id,
  )
  if (inSnapshot) {
    // A current or recent incident: rendered from the snapshot like the status page.
    return servePublic(
      c,
      HTML,
      (v, reader) => {
        const incident = [...v.snapshot.incidents, ...v.snapshot.maintenances].find(
          (i) => i.id === id,
        )
        if (!incident) throw notFound('incident', id)
        return documentHtml(
          reader,
          v.brand,
          pathWithoutLang(c.req.url),
          <IncidentPage
            pageName={v.pageName}
            incident={presentAny(incident, v.ctx)}
            areas={incident.areas.length > 0 ? incident.areas : v.snapshot.areas}
            now={v.ctx.now}
            postmortem={v.snapshot.postmortems?.[id] ?? null}
          />,
        )
      },
      IN_READERS_LANGUAGE,
    )
  }
  // An older incident: read from D1 once per snapshot build, then from this isolate's memory
  // or the Cache API (a missing one too). Ids are short and plain; anything else names no
  // incident and costs no query, and the D1 reads one client causes are limited.
  if (!/^[a-z0-9]{1,64}$/.test(id)) throw notFound('incident', id)
  const reader = pageReader(c, view)
  return renderThroughCache(
    c,
    view.snapshot.builtAt,
    view.ctx.now,
    `incidents/${id}`,
    reader.lang,
    async () => {
      const incident = await loadPublishedIncident(c.env.DB, id)
      if (!incident) return null
      const postmortems = await loadPublishedPostmortems(c.env.DB, [id])
      return documentHtml(
        reader,
        view.brand,
        `/incidents/${id}`,
        <IncidentPage
          pageName={view.pageName}
          incident={presentAny(incident, view.ctx)}
          areas={incident.areas.length > 0 ? incident.areas : view.snapshot.areas}
          now={view.ctx.now}
          postmortem={postmortems[id] ?? null}
        />,
      )
    },
    () => notFound('incident', id),
    { allowQuery: () => withinLookupLimit(c), refused: () => lookupLimited(c) },
  )
})

publicPageRoutes.get('/history', etag(), async (c) => {
  const page = parseHistoryPage(c.req.query('page'))
  const view = await publicView(c)
  const now = view.ctx.now
  const months = historyMonths(now, page)
  const oldest = months[months.length - 1]!.start
  const until = page === 0 ? now.toISOString() : months[0]!.end
  // Read from D1 once per snapshot build, then from the Cache API.
  const reader = pageReader(c, view)
  return renderThroughCache(
    c,
    view.snapshot.builtAt,
    now,
    `history/${page}`,
    reader.lang,
    async () => {
      const [window, record] = await Promise.all([
        loadHistoryWindow(c.env.DB, oldest, until),
        loadEtaRecord(c.env),
      ])
      const incidents = window.incidents.map((i) => presentAny(i, view.ctx))
      return documentHtml(
        reader,
        view.brand,
        page === 0 ? '/history' : `/history?page=${page}`,
        <HistoryPage
          pageName={view.pageName}
          months={groupByMonth(incidents, months)}
          page={page}
          hasOlder={window.hasOlder}
          etaStats={computeEtaStats(record.entries, now, 90)}
        />,
      )
    },
  )
})
