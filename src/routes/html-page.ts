import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppBindings } from '../app-types'
import { publicView } from './public-view-loader'

type Ctx = Context<AppBindings>

/** A whole HTML document with a status. */
export function htmlPage(c: Ctx, body: Child, status: ContentfulStatusCode = 200) {
  return c.html(`<!doctype html>${String(body)}`, status)
}

/** Pages reached through a token: never cached, never indexed, the token never sent onwards. */
export function privatePage(c: Ctx, body: Child, status: ContentfulStatusCode = 200) {
  c.header('Cache-Control', 'no-store')
  c.header('Referrer-Policy', 'no-referrer')
  c.header('X-Robots-Tag', 'noindex')
  return htmlPage(c, body, status)
}

/** The status page's name, for the frame of a small page (from the snapshot, no D1). */
export async function pageNameOf(c: Ctx): Promise<string> {
  return (await publicView(c)).pageName
}
