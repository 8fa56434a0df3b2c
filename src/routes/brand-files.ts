import { Hono } from 'hono'
import type { AppBindings } from '../app-types'
import { IMMUTABLE_CACHE_CONTROL, readBrandImage } from '../domain/brand-images'
import { notFound } from '../domain/errors'
import { accentOfStylesheetFile, accentStylesheet } from '../views/brand/accent-style'

/**
 * The brand's public files at `/brand/<name>`: the logo and favicon from the BRAND bucket, and
 * the accent colour's stylesheet. Every name is content-addressed, so each answer is cached
 * for a year (`immutable`); an unknown name is a 404.
 */
export const brandFileRoutes = new Hono<AppBindings>()

brandFileRoutes.get('/brand/:file', async (c) => {
  const file = c.req.param('file')
  c.header('Cache-Control', IMMUTABLE_CACHE_CONTROL)
  const accent = accentOfStylesheetFile(file)
  if (accent) {
    return c.body(accentStylesheet(accent), 200, { 'Content-Type': 'text/css; charset=utf-8' })
  }
  const object = await readBrandImage(c.env.BRAND, file, c.req.raw.headers)
  if (!object) {
    c.header('Cache-Control', 'public, max-age=60')
    throw notFound('brand file', file)
  }
  c.header('ETag', object.httpEtag)
  if (!('body' in object)) return c.body(null, 304)
  return c.body(object.body, 200, {
    'Content-Type': object.httpMetadata?.contentType ?? 'application/octet-stream',
    'Content-Length': String(object.size),
  })
})
