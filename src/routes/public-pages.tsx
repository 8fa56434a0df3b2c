import { Hono, type Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { etag } from 'hono/etag'
import { html } from 'hono/html'
import type { Child } from 'hono/jsx'
import type { AppBindings } from '../app-types'
import { selectIncident, selectIncidentIdsBetween, selectIncidentsByIds } from '../db/incidents'
import { notFound } from '../domain/errors'
import { presentAny } from '../domain/present'
import { HistoryPage } from '../views/history-page'
import { groupByMonth, historyMonths, parseHistoryPage } from '../views/history-months'
import { IncidentPage } from '../views/incident-page'
import { StatusPage } from '../views/status-page'
import { PUBLIC_CACHE_CONTROL, publicView } from './statuspage-v2'

/** Sets the public caching header on pages served fine (200) or unchanged (304). */
function publicCache() {
  return createMiddleware<AppBindings>(async function publicPageCache(c, next) {
    await next()
    if (c.res.status === 200 || c.res.status === 304) {
      c.header('Cache-Control', PUBLIC_CACHE_CONTROL)
    }
  })
}

/** Answers with a whole HTML document. */
function renderDocument(c: Context<AppBindings>, page: Child) {
  return c.html(html`<!doctype html>${page}`)
}

/**
 * Server-rendered public pages. Middleware is attached per route: this app is mounted at '/',
 * so a '*' middleware here would also run for the API.
 */
export const publicPageRoutes = new Hono<AppBindings>()

publicPageRoutes.get('/', etag(), publicCache(), async (c) => {
  const view = await publicView(c)
  return renderDocument(c, <StatusPage view={view} />)
})

publicPageRoutes.get('/incidents/:id', etag(), publicCache(), async (c) => {
  const id = c.req.param('id')
  const view = await publicView(c)
  const fromSnapshot = [...view.snapshot.incidents, ...view.snapshot.maintenances].find(
    (i) => i.id === id,
  )
  const incident = fromSnapshot ?? (await selectIncident(c.env.DB, id))
  if (!incident) throw notFound('incident', id)
  return renderDocument(
    c,
    <IncidentPage pageName={view.pageName} incident={presentAny(incident, view.ctx)} />,
  )
})

publicPageRoutes.get('/history', etag(), publicCache(), async (c) => {
  const page = parseHistoryPage(c.req.query('page'))
  const view = await publicView(c)
  const now = view.ctx.now
  const months = historyMonths(now, page)
  const oldest = months[months.length - 1]!.start
  const until = page === 0 ? now.toISOString() : months[0]!.end
  const db = c.env.DB
  const [ids, older] = await Promise.all([
    selectIncidentIdsBetween(db, oldest, until, 1000),
    selectIncidentIdsBetween(db, '0000', oldest, 1),
  ])
  const incidents = (await selectIncidentsByIds(db, ids)).map((i) => presentAny(i, view.ctx))
  return renderDocument(
    c,
    <HistoryPage
      pageName={view.pageName}
      months={groupByMonth(incidents, months)}
      page={page}
      hasOlder={older.length > 0}
    />,
  )
})
