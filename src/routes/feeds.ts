import { Hono, type Context } from 'hono'
import type { AppBindings } from '../app-types'
import { atomFeed } from '../feeds/atom-feed'
import { feedItems } from '../feeds/feed-entries'
import { maintenanceCalendar } from '../feeds/maintenance-calendar'
import { rssFeed } from '../feeds/rss-feed'
import { isLanguage } from '../i18n/languages'
import { servePublic } from './public-cache'

/**
 * Feeds, rendered from the public snapshot like the pages: Atom and RSS of incidents and
 * maintenance (`?component=` narrows to one component or group), and an iCalendar of maintenance.
 * Each is written in the reader's language (`?lang=`, Accept-Language, the page's default), its
 * times in text on the page's clock; machine dates stay as their formats want them.
 */
export const feedRoutes = new Hono<AppBindings>()

/** The feed's own URL: its component, and the language when one was asked for in the URL. */
function selfUrl(c: Context<AppBindings>, baseUrl: string, path: string): string {
  const query = new URLSearchParams()
  const component = c.req.query('component')
  const lang = c.req.query('lang')
  if (component) query.set('component', component)
  if (isLanguage(lang)) query.set('lang', lang)
  const search = query.toString()
  return `${baseUrl}${path}${search ? `?${search}` : ''}`
}

feedRoutes.get('/feed.atom', (c) => {
  const component = c.req.query('component') || undefined
  return servePublic(
    c,
    'application/atom+xml; charset=utf-8',
    (view, reader) =>
      atomFeed({
        reader,
        pageName: view.pageName,
        baseUrl: view.ctx.baseUrl,
        selfUrl: selfUrl(c, view.ctx.baseUrl, '/feed.atom'),
        builtAt: view.snapshot.builtAt,
        items: feedItems(view, component),
        postmortems: view.snapshot.postmortems,
      }),
    { inReadersLanguage: true },
  )
})

feedRoutes.get('/feed.rss', (c) => {
  const component = c.req.query('component') || undefined
  return servePublic(
    c,
    'application/rss+xml; charset=utf-8',
    (view, reader) =>
      rssFeed({
        reader,
        pageName: view.pageName,
        baseUrl: view.ctx.baseUrl,
        selfUrl: selfUrl(c, view.ctx.baseUrl, '/feed.rss'),
        builtAt: view.snapshot.builtAt,
        items: feedItems(view, component),
        postmortems: view.snapshot.postmortems,
      }),
    { inReadersLanguage: true },
  )
})

feedRoutes.get('/maintenance.ics', (c) =>
  servePublic(
    c,
    'text/calendar; charset=utf-8',
    (view, reader) =>
      maintenanceCalendar({
        reader,
        pageName: view.pageName,
        host: new URL(view.ctx.baseUrl).host,
        maintenances: view.maintenances(),
      }),
    { inReadersLanguage: true },
  ),
)
