import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppBindings } from '../app-types'
import { WithBrand } from '../views/brand/brand-context'
import { ForReader } from '../views/for-reader'
import { pathWithoutLang } from '../views/page-path'
import { privatePage } from './html-page'
import { pageReader, varyByLanguage } from './page-reader'
import { publicView } from './public-view-loader'

type Ctx = Context<AppBindings>

/**
 * A small public page sent like `privatePage` (never cached, never indexed), rendered for the
 * request's reader: their language, the page's time zone. `back` is where the language
 * switcher returns to: this page for a GET, else what the caller names (or `/`), since a POST
 * cannot be repeated by following a link.
 */
export async function readerPage(
  c: Ctx,
  body: Child,
  status: ContentfulStatusCode = 200,
  back?: string,
): Promise<Response> {
  const view = await publicView(c)
  const reader = pageReader(c, view)
  varyByLanguage(c)
  const path = back ?? (c.req.method === 'GET' ? pathWithoutLang(c.req.url) : '/')
  return privatePage(
    c,
    <ForReader reader={reader} path={path}>
      <WithBrand brand={view.brand}>{body}</WithBrand>
    </ForReader>,
    status,
  )
}
