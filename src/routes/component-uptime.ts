import { componentUptime } from '../domain/component-uptime'
import { presentComponentUptime } from '../domain/present-uptime'
import { IdParam } from '../schemas/inputs'
import { ComponentUptimeSchema, UptimeQuery } from '../schemas/uptime'
import { apiRoute } from './api-route'
import {
  authErrors,
  bodyErrors,
  conflictError,
  jsonResponse,
  newApiApp,
  notFoundError,
} from './openapi-helpers'

/** A component's uptime over a range of days, computed as Statuspage does. */
export const componentUptimeRoutes = newApiApp()

componentUptimeRoutes.openapi(
  apiRoute({
    access: 'read',
    method: 'get',
    path: '/components/{id}/uptime',
    tags: ['Components'],
    summary: "A component's uptime (major outage counts fully, partial outage at 30%)",
    request: { params: IdParam, query: UptimeQuery },
    responses: {
      200: jsonResponse(ComponentUptimeSchema, 'The uptime over the range'),
      ...authErrors,
      ...bodyErrors,
      ...notFoundError,
      ...conflictError,
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param')
    const uptime = await componentUptime(c.env.DB, new Date(), id, c.req.valid('query'))
    return c.json(presentComponentUptime(uptime), 200)
  },
)
