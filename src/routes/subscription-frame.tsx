import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppBindings } from '../app-types'
import type { LinkPurpose } from '../domain/link-purpose'
import type { Catalog } from '../domain/subscription-input'
import type { LinkOutcome } from '../domain/subscription-links'
import { isLanguage } from '../i18n/languages'
import type { Reader } from '../i18n/reader'
import { SUBSCRIBE_RETRY_AFTER_SECONDS } from '../middleware/subscribe-limits'
import type { PageBrand } from '../domain/brand'
import { WithBrand } from '../views/brand/brand-context'
import { ForReader } from '../views/for-reader'
import { pathWithoutLang } from '../views/page-path'
import { NoticePage } from '../views/page-form'
import { LinkProblemPage } from '../views/subscription-pages'
import { privatePage } from './html-page'
import { pageReader } from './page-reader'
import { publicView } from './public-view-loader'

/**
 * What the subscription pages share: the reader each is for, and the answers that are not the
 * page asked for (another site's form, too many requests, a link that does not work).
 */

type Ctx = Context<AppBindings>

/** What every subscription page is framed with: the page's name, and the reader it is for. */
export interface Frame {
  pageName: string
  reader: Reader
  brand: PageBrand
}

/**
 * The page's name and this request's reader: its language (`?lang=`, the switcher's cookie,
 * Accept-Language, the page's default) and the page's time zone. From the snapshot, no D1.
 */
export async function frameOf(c: Ctx): Promise<Frame & { catalog: Catalog }> {
  const view = await publicView(c)
  return {
    pageName: view.pageName,
    reader: pageReader(c, view),
    brand: view.brand,
    catalog: { components: view.snapshot.components, areas: view.snapshot.areas },
  }
}

/** A page for one person (through a token, or a form's answer): never cached, in their words. */
export function personal(c: Ctx, frame: Frame, body: Child, status: ContentfulStatusCode = 200) {
  return privatePage(c, framed(c, frame, body), status)
}

/**
 * A page in its reader's words with the page's brand; the language switcher returns to it
 * when it was asked for with a GET (a POST's answer cannot be asked for again by a link).
 */
export function framed(c: Ctx, frame: Frame, body: Child) {
  const path = c.req.method === 'GET' ? pathWithoutLang(c.req.url) : '/'
  return (
    <ForReader reader={frame.reader} path={path}>
      <WithBrand brand={frame.brand}>{body}</WithBrand>
    </ForReader>
  )
}

export async function foreignOriginPage(c: Ctx) {
  const frame = await frameOf(c)
  const { t } = frame.reader
  return personal(
    c,
    frame,
    <NoticePage pageName={frame.pageName} heading={t('subscribe.foreignHeading')}>
      <p>{t('subscribe.foreign')}</p>
    </NoticePage>,
    403,
  )
}

export async function rateLimitedPage(c: Ctx) {
  c.header('Retry-After', String(SUBSCRIBE_RETRY_AFTER_SECONDS))
  const frame = await frameOf(c)
  const { t } = frame.reader
  return personal(
    c,
    frame,
    <NoticePage pageName={frame.pageName} heading={t('subscribe.tooManyHeading')}>
      <p>{t('subscribe.tooMany')}</p>
      <p>
        <a href="/subscribe">{t('subscribe.back')}</a>
      </p>
    </NoticePage>,
    429,
  )
}

/** The page for a link that does not work: 404 unknown, 410 expired or used. */
export async function linkProblem(
  c: Ctx,
  purpose: LinkPurpose,
  outcome: Extract<LinkOutcome<unknown>, { ok: false }>,
) {
  const frame = await frameOf(c)
  return personal(
    c,
    frame,
    <LinkProblemPage pageName={frame.pageName} purpose={purpose} reason={outcome.reason} />,
    outcome.reason === 'expired' ? 410 : 404,
  )
}

/** `?lang=` as asked for, to carry into a form's action ("" when none was asked for). */
export function askedLanguageQuery(c: Ctx): string {
  const lang = c.req.query('lang')
  return isLanguage(lang) ? `?lang=${lang}` : ''
}
