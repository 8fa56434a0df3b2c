import { Hono, type Context } from 'hono'
import { cors } from 'hono/cors'
import type { AppBindings } from '../app-types'
import { badgeStatus } from '../embeds/badge-status'
import { badgeSvg } from '../embeds/badge-svg'
import { widgetData } from '../embeds/widget-data'
import { EmbedPage } from '../views/embed-page'
import { servePublic } from './public-cache'
import { publicView } from './public-view-loader'
import { ForReader } from '../views/for-reader'
import { WithBrand } from '../views/brand/brand-context'

/**
 * What other sites embed, all rendered from the public snapshot: the badge, the widget's data
 * (for /widget.js, a static file) and a compact page for iframes.
 */
export const embedRoutes = new Hono<AppBindings>()

/** 404 when `?component=` names no component: embeds say so rather than show something wrong. */
async function unknownComponent(c: Context<AppBindings>): Promise<boolean> {
  const id = c.req.query('component')
  if (!id) return false
  const view = await publicView(c)
  return !view.snapshot.components.some((component) => component.id === id)
}

embedRoutes.get('/badge.svg', async (c) => {
  const component = c.req.query('component') || undefined
  if (await unknownComponent(c)) {
    c.header('Cache-Control', 'public, max-age=60')
    return c.body(badgeSvg('status', 'unknown component', 'unknown'), 404, {
      'Content-Type': 'image/svg+xml; charset=utf-8',
    })
  }
  return servePublic(c, 'image/svg+xml; charset=utf-8', (view) => {
    const badge = badgeStatus(view, component)!
    return badgeSvg(c.req.query('label') || badge.label, badge.message, badge.tone)
  })
})

embedRoutes.use('/widget.json', cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'] }))
embedRoutes.get('/widget.json', async (c) => {
  const component = c.req.query('component') || undefined
  if (await unknownComponent(c)) {
    return c.json(
      { error: { code: 'not_found', message: `No component with id "${component}".` } },
      404,
    )
  }
  return servePublic(c, 'application/json; charset=utf-8', (view) =>
    JSON.stringify(widgetData(view, component)),
  )
})

embedRoutes.get('/embed', async (c) => {
  const component = c.req.query('component') || undefined
  const theme = c.req.query('theme')
  if (await unknownComponent(c)) {
    return c.html('<!doctype html><p>No such component on this status page.</p>', 404)
  }
  return servePublic(
    c,
    'text/html; charset=utf-8',
    (view, reader) => {
      const data = widgetData(view, component)!
      const chosen = theme === 'light' || theme === 'dark' ? theme : undefined
      return `<!doctype html>${String(
        <ForReader reader={reader}>
          <WithBrand brand={view.brand}>
            <EmbedPage data={data} theme={chosen} />
          </WithBrand>
        </ForReader>,
      )}`
    },
    { inReadersLanguage: true },
  )
})
