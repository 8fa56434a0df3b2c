import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppBindings } from '../app-types'
import { DEFAULT_LANGUAGE } from '../i18n/languages'
import { readerFor, type Reader } from '../i18n/reader'
import { pageReader, requestLanguage, varyByLanguage } from '../routes/page-reader'
import { publicView } from '../routes/public-view-loader'
import type { PageBrand } from '../domain/brand'
import { WithBrand } from '../views/brand/brand-context'
import { ErrorPage } from '../views/error-page'
import { ForReader } from '../views/for-reader'
import { pathWithoutLang } from '../views/page-path'

/**
 * The page a reader of the public site gets for an error: in their language, in the site's
 * frame, with the page's brand. The snapshot gives the page's name and default language; when even that cannot be
 * read (the error may be that), the request's language and the configured name are used.
 */
export async function publicErrorPage(
  c: Context<AppBindings>,
  status: number,
  code: string,
  requestId: string | undefined,
): Promise<Response> {
  let pageName = c.env.PAGE_NAME ?? 'Candor'
  let reader: Reader
  let brand: PageBrand | undefined
  try {
    const view = await publicView(c)
    pageName = view.pageName
    reader = pageReader(c, view)
    brand = view.brand
  } catch {
    reader = readerFor(requestLanguage(c, DEFAULT_LANGUAGE), 'Etc/UTC')
  }
  varyByLanguage(c)
  const path = c.req.method === 'GET' ? pathWithoutLang(c.req.url) : '/'
  const page = (
    <ForReader reader={reader} path={path}>
      <WithBrand brand={brand}>
        <ErrorPage pageName={pageName} status={status} code={code} requestId={requestId} />
      </WithBrand>
    </ForReader>
  )
  return c.html(`<!doctype html>${String(page)}`, status as ContentfulStatusCode)
}
