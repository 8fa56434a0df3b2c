/**
 * Statuspage's Manage API v1, served at `/v1` so that a Statuspage client works against
 * Candor once its base URL and key are changed. It is an adapter: every operation reads
 * Statuspage's shapes, calls the same domain verbs as `/api/v1`, and answers Statuspage's
 * shapes. It never touches D1 itself.
 *
 * How to add a resource (incidents, subscribers…):
 * - Make a `new Hono<AppBindings>()` in a file of this folder and define each operation with
 *   `v1Route(app, 'GET' | 'POST' | …, '/pages/:page_id/<resource>…', scope, handler)`; mount
 *   it below. The scope is the token scope it needs (`read`, `write`; `owner` for settings).
 *   A route defined without `v1Route` is never served (`v1Guard`), and the test
 *   `manage-v1-access.routes.test.ts` fails on it.
 * - Paths: the page id is checked before any handler (`/pages/:page_id/*`: another id is a
 *   404); a `.json` suffix on any path is dropped before routing (`manageV1Path`, set as the
 *   app's `getPath`), so define paths without it.
 * - Auth: `Authorization: OAuth <token>`, `Bearer <token>` or `?api_key=<token>`, looked up
 *   like any Candor token; the actor (for audit entries) is in `c.var.actor`, and
 *   `verbContext(c)` gives the verbs their context.
 * - Bodies: `readV1Input(c, 'incident', schema)` reads JSON or a bracketed form
 *   (`incident[components][<id>]=major_outage`, `incident[component_ids][]=<id>`) into one
 *   object and checks `body.incident` with a zod schema (422 naming the fields, nothing
 *   written). Values from a form are strings: use `formBoolean` and `idList` from
 *   `schemas/manage-v1.ts`; keep objects loose so unknown Statuspage fields never fail.
 * - Lists: `paginate(c, items)` applies `page` and `per_page` (100 by default and at most);
 *   pass a rule with `size: 'limit'` for the lists that Statuspage pages with `limit`.
 * - Errors: throw `CandorError` as the verbs do; `v1Error` answers `{"message": "…"}` with
 *   Statuspage's codes (401, 403, 404; bad input and conflicts 422).
 * - Writes refresh the public snapshot and hand outbox rows to the queue (`afterWrite`), as
 *   under `/api/v1`.
 */
import { Hono } from 'hono'
import { createMiddleware } from 'hono/factory'
import { getPath } from 'hono/utils/url'
import type { AppBindings } from '../../app-types'
import { CandorError } from '../../domain/errors'
import { ensurePage } from '../../domain/page'
import { afterWrite } from '../../middleware/after-write'
import { limitBody } from '../../middleware/limits'
import { v1Guard } from './v1-access'
import { v1ComponentGroupRoutes } from './v1-component-groups'
import { v1ComponentRoutes } from './v1-components'
import { v1Error, v1NotFound } from './v1-errors'
import { v1IncidentSubscriberRoutes } from './v1-incident-subscribers'
import { v1IncidentUpdateRoutes } from './v1-incident-updates'
import { v1IncidentRoutes } from './v1-incidents'
import { v1PageRoutes } from './v1-pages'
import { v1PostmortemRoutes } from './v1-postmortems'
import { v1SubscriberActionRoutes } from './v1-subscriber-actions'
import { v1SubscriberRoutes } from './v1-subscribers'
import { v1TemplateRoutes } from './v1-templates'
import { v1UptimeRoutes } from './v1-uptime'

/**
 * The path the app routes on: the request's, with a trailing `.json` dropped under `/v1/`
 * (Statuspage accepts `/v1/pages/{id}.json` and `/v1/pages/{id}` alike).
 */
export function manageV1Path(request: Request): string {
  const path = getPath(request)
  return path.startsWith('/v1/') && path.endsWith('.json') ? path.slice(0, -5) : path
}

/** 404 in Statuspage's shape unless `:page_id` is this page's id. */
function thisPageOnly() {
  return createMiddleware<AppBindings>(async function thisPageOnlyHandler(c, next) {
    const pageId = c.req.param('page_id')
    const page = await ensurePage(c.env.DB, new Date())
    if (pageId !== page.pageId) {
      throw new CandorError('not_found', `No page with id "${pageId}".`)
    }
    await next()
  })
}

/** The Manage API v1, mounted at `/v1`. */
export const manageV1Routes = new Hono<AppBindings>()
manageV1Routes.use('*', v1Guard())
manageV1Routes.use('*', limitBody())
manageV1Routes.use('*', afterWrite())
manageV1Routes.use('/pages/:page_id/*', thisPageOnly())
for (const routes of [
  v1PageRoutes,
  v1ComponentRoutes,
  v1ComponentGroupRoutes,
  v1UptimeRoutes,
  v1IncidentRoutes,
  v1IncidentUpdateRoutes,
  v1IncidentSubscriberRoutes,
  v1PostmortemRoutes,
  v1TemplateRoutes,
  v1SubscriberActionRoutes,
  v1SubscriberRoutes,
]) {
  manageV1Routes.route('/', routes)
}
manageV1Routes.all('*', v1NotFound)
manageV1Routes.onError(v1Error)
