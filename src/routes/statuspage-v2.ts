import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { cors } from 'hono/cors'
import { etag, RETAINED_304_HEADERS } from 'hono/etag'
import type { AppBindings } from '../app-types'
import { PublicView } from '../domain/public-view'
import { loadSnapshot } from '../domain/snapshot'
import {
  ComponentSchema,
  IncidentSchema,
  MaintenanceSchema,
  PageSchema,
  StatusSchema,
  SummarySchema,
} from '../schemas/statuspage'
import { baseUrl } from './context'
import { jsonResponse, newApiApp } from './openapi-helpers'

/** Short freshness with revalidation: status must be current, but a stampede is served fast. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=10, stale-while-revalidate=30'

/** The public view for this request, from the snapshot (no D1 query). */
export async function publicView(c: Context<AppBindings>): Promise<PublicView> {
  return new PublicView(await loadSnapshot(c.env), baseUrl(c), c.env.PAGE_NAME)
}

/** Statuspage's public API v2, shape for shape, with Candor's fields added. */
export const statuspageRoutes = newApiApp()
statuspageRoutes.use('*', cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'] }))
// A 304 keeps the CORS header, or a cross-origin poller revalidating its copy is refused.
statuspageRoutes.use(
  '*',
  etag({ retainedHeaders: [...RETAINED_304_HEADERS, 'access-control-allow-origin'] }),
)
statuspageRoutes.use('*', async function publicCacheHeaders(c, next) {
  await next()
  if (c.res.status === 200 || c.res.status === 304) {
    c.header('Cache-Control', PUBLIC_CACHE_CONTROL)
  }
})

const v2 = (path: string, summary: string, schema: z.ZodType) =>
  createRoute({
    method: 'get',
    path,
    tags: ['Public (Statuspage v2)'],
    summary,
    responses: { 200: jsonResponse(schema, summary) },
  })

const withPage = <T extends z.ZodRawShape>(shape: T) => z.object({ page: PageSchema, ...shape })

statuspageRoutes.openapi(
  v2(
    '/summary.json',
    'Page, components, unresolved incidents, upcoming and active maintenance, status',
    SummarySchema,
  ),
  async (c) => c.json((await publicView(c)).summary(), 200),
)

statuspageRoutes.openapi(
  v2('/status.json', 'The overall status indicator', withPage({ status: StatusSchema })),
  async (c) => {
    const view = await publicView(c)
    return c.json({ page: view.page(), status: view.status() }, 200)
  },
)

statuspageRoutes.openapi(
  v2('/components.json', 'All components', withPage({ components: z.array(ComponentSchema) })),
  async (c) => {
    const view = await publicView(c)
    return c.json({ page: view.page(), components: view.components() }, 200)
  },
)

statuspageRoutes.openapi(
  v2(
    '/incidents.json',
    'The 50 most recent incidents',
    withPage({ incidents: z.array(IncidentSchema) }),
  ),
  async (c) => {
    const view = await publicView(c)
    return c.json({ page: view.page(), incidents: view.incidents() }, 200)
  },
)

statuspageRoutes.openapi(
  v2(
    '/incidents/unresolved.json',
    'Incidents not yet resolved',
    withPage({ incidents: z.array(IncidentSchema) }),
  ),
  async (c) => {
    const view = await publicView(c)
    return c.json({ page: view.page(), incidents: view.unresolvedIncidents() }, 200)
  },
)

const maintenanceList = withPage({ scheduled_maintenances: z.array(MaintenanceSchema) })

statuspageRoutes.openapi(
  v2('/scheduled-maintenances.json', 'The 50 most recent scheduled maintenances', maintenanceList),
  async (c) => {
    const view = await publicView(c)
    return c.json({ page: view.page(), scheduled_maintenances: view.maintenances() }, 200)
  },
)

statuspageRoutes.openapi(
  v2('/scheduled-maintenances/upcoming.json', 'Maintenances not yet started', maintenanceList),
  async (c) => {
    const view = await publicView(c)
    return c.json({ page: view.page(), scheduled_maintenances: view.upcomingMaintenances() }, 200)
  },
)

statuspageRoutes.openapi(
  v2(
    '/scheduled-maintenances/active.json',
    'Maintenances in progress or verifying',
    maintenanceList,
  ),
  async (c) => {
    const view = await publicView(c)
    return c.json({ page: view.page(), scheduled_maintenances: view.activeMaintenances() }, 200)
  },
)
