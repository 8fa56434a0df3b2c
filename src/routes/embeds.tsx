import { Hono, type Context } from 'hono'
import { cors } from 'hono/cors'
import type { AppBindings } from '../app-types'
import { badgeFor, badgeStatus } from '../embeds/badge-status'
import { widgetData, widgetParts } from '../embeds/widget-data'
import { statusText, widgetText } from '../embeds/widget-text'
import { EmbedPage } from '../views/embed-page'
import { pageReader, varyByLanguage } from './page-reader'
import { servePublic } from './public-cache'
import { publicView } from './public-view-loader'
import { ForReader } from '../views/for-reader'
import { WithBrand } from '../views/brand/brand-context'

/**
 * What other sites embed, all rendered from the public snapshot: the badge, the widget's data
 * (machine values, English), its text (what /widget.js, a static file, shows: in the reader's
 * language, times in the page's zone) and a compact page for iframes.
 */
export const embedRoutes = new Hono<AppBindings>()

/** Data other sites' scripts fetch: any origin may read it. */
const openToAll = cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'] })

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
    const reader = pageReader(c, await publicView(c))
    c.header('Cache-Control', 'public, max-age=60')
    varyByLanguage(c)
    const svg = badgeFor(reader, reader.t('badge.label'), 'unknown_component', 'unknown')
    return c.body(svg, 404, { 'Content-Type': 'image/svg+xml; charset=utf-8' })
  }
  return servePublic(
    c,
    'image/svg+xml; charset=utf-8',
    (view, reader) => {
      const badge = badgeStatus(view, component)!
      return badgeFor(reader, c.req.query('label') || badge.label, badge.state, badge.tone)
    },
    { inReadersLanguage: true },
  )
})

embedRoutes.use('/widget.json', openToAll)
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

embedRoutes.use('/widget-text.json', openToAll)
embedRoutes.get('/widget-text.json', async (c) => {
  const component = c.req.query('component') || undefined
  if (await unknownComponent(c)) {
    return c.json(
      { error: { code: 'not_found', message: `No component with id "${component}".` } },
      404,
    )
  }
  return servePublic(
    c,
    'application/json; charset=utf-8',
    (view, reader) => JSON.stringify(widgetText(view, reader, component)),
    { inReadersLanguage: true },
  )
})

embedRoutes.get('/embed', async (c) => {
  const component = c.req.query('component') || undefined
  const theme = c.req.query('theme')
  if (await unknownComponent(c)) {
    const reader = pageReader(c, await publicView(c))
    varyByLanguage(c)
    return c.html(
      `<!doctype html>${String(
        <html lang={reader.lang} dir={reader.dir}>
          <p>{reader.t('widget.unknownComponent')}</p>
        </html>,
      )}`,
      404,
    )
  }
  return servePublic(
    c,
    'text/html; charset=utf-8',
    (view, reader) => {
      const { data, wording } = widgetParts(view, component)!
      const chosen = theme === 'light' || theme === 'dark' ? theme : undefined
      return `<!doctype html>${String(
        <ForReader reader={reader}>
          <WithBrand brand={view.brand}>
            <EmbedPage data={data} status={statusText(reader, wording)} theme={chosen} />
          </WithBrand>
        </ForReader>,
      )}`
    },
    { inReadersLanguage: true },
  )
})
