import { Hono } from 'hono'
import type { AppBindings } from '../app-types'
import { atomFeed } from '../feeds/atom-feed'
import { feedItems } from '../feeds/feed-entries'
import { maintenanceCalendar } from '../feeds/maintenance-calendar'
import { rssFeed } from '../feeds/rss-feed'
import { servePublic } from './public-cache'

/**
 * Feeds, rendered from the public snapshot like the pages: Atom and RSS of incidents and
 * maintenance (`?component=` narrows to one component or group), and an iCalendar of maintenance.
 */
export const feedRoutes = new Hono<AppBindings>()

function selfUrl(baseUrl: string, path: string, component: string | undefined): string {
  return `${baseUrl}${path}${component ? `?component=${encodeURIComponent(component)}` : ''}`
}

feedRoutes.get('/feed.atom', (c) => {
  const component = c.req.query('component') || undefined
  return servePublic(c, 'application/atom+xml; charset=utf-8', (view) =>
    atomFeed({
      pageName: view.pageName,
      baseUrl: view.ctx.baseUrl,
      selfUrl: selfUrl(view.ctx.baseUrl, '/feed.atom', component),
      builtAt: view.snapshot.builtAt,
      items: feedItems(view, component),
      postmortems: view.snapshot.postmortems,
    }),
  )
})

feedRoutes.get('/feed.rss', (c) => {
  const component = c.req.query('component') || undefined
  return servePublic(c, 'application/rss+xml; charset=utf-8', (view) =>
    rssFeed({
      pageName: view.pageName,
      baseUrl: view.ctx.baseUrl,
      selfUrl: selfUrl(view.ctx.baseUrl, '/feed.rss', component),
      builtAt: view.snapshot.builtAt,
      items: feedItems(view, component),
      postmortems: view.snapshot.postmortems,
    }),
  )
})

feedRoutes.get('/maintenance.ics', (c) =>
  servePublic(c, 'text/calendar; charset=utf-8', (view) =>
    maintenanceCalendar({
      pageName: view.pageName,
      host: new URL(view.ctx.baseUrl).host,
      maintenances: view.maintenances(),
    }),
  ),
)
