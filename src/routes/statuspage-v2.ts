import { z } from '@hono/zod-openapi'
import { cors } from 'hono/cors'
import type { PublicView } from '../domain/public-view'
import {
  ComponentSchema,
  IncidentSchema,
  MaintenanceSchema,
  PageSchema,
  StatusSchema,
  SummarySchema,
} from '../schemas/statuspage'
import { apiRoute } from './api-route'
import { jsonResponse, newApiApp } from './openapi-helpers'
import { servePublic } from './public-cache'

/** Statuspage's public API v2, shape for shape, with Candor's fields added. */
export const statuspageRoutes = newApiApp()
statuspageRoutes.use('*', cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'] }))

const withPage = <T extends z.ZodRawShape>(shape: T) => z.object({ page: PageSchema, ...shape })
const maintenanceList = withPage({ scheduled_maintenances: z.array(MaintenanceSchema) })

/** The eight documents: path, summary, schema, and how each is built from the public view. */
const DOCUMENTS: [string, string, z.ZodType, (view: PublicView) => unknown][] = [
  [
    '/summary.json',
    'Page, components, unresolved incidents, upcoming and active maintenance, status',
    SummarySchema,
    (view) => view.summary(),
  ],
  [
    '/status.json',
    'The overall status indicator',
    withPage({ status: StatusSchema }),
    (view) => ({ page: view.page(), status: view.status() }),
  ],
  [
    '/components.json',
    'All components',
    withPage({ components: z.array(ComponentSchema) }),
    (view) => ({ page: view.page(), components: view.components() }),
  ],
  [
    '/incidents.json',
    'The 50 most recent incidents',
    withPage({ incidents: z.array(IncidentSchema) }),
    (view) => ({ page: view.page(), incidents: view.incidents() }),
  ],
  [
    '/incidents/unresolved.json',
    'Incidents not yet resolved',
    withPage({ incidents: z.array(IncidentSchema) }),
    (view) => ({ page: view.page(), incidents: view.unresolvedIncidents() }),
  ],
  [
    '/scheduled-maintenances.json',
    'The 50 most recent scheduled maintenances',
    maintenanceList,
    (view) => ({ page: view.page(), scheduled_maintenances: view.maintenances() }),
  ],
  [
    '/scheduled-maintenances/upcoming.json',
    'Maintenances not yet started',
    maintenanceList,
    (view) => ({ page: view.page(), scheduled_maintenances: view.upcomingMaintenances() }),
  ],
  [
    '/scheduled-maintenances/active.json',
    'Maintenances in progress or verifying',
    maintenanceList,
    (view) => ({ page: view.page(), scheduled_maintenances: view.activeMaintenances() }),
  ],
]

for (const [path, summary, schema, build] of DOCUMENTS) {
  statuspageRoutes.openapi(
    apiRoute({
      access: 'public',
      method: 'get',
      path,
      tags: ['Public (Statuspage v2)'],
      summary,
      description:
        'Rendered from the public snapshot and reused for a few seconds. Gzipped (`Content-Encoding: gzip`, `Vary: Accept-Encoding`) for a client whose Accept-Encoding prefers gzip; the ETag is then the weak `W/"…"` form of the uncompressed answer\'s, and either one answers If-None-Match with 304.',
      responses: {
        200: jsonResponse(schema, summary),
        304: { description: 'Not modified (If-None-Match matched the ETag)' },
      },
    }),
    (c) => servePublic(c, 'application/json', (view) => JSON.stringify(build(view))),
  )
}
