import { Hono, type Context } from 'hono'
import type { AppBindings } from '../../app-types'
import { componentUptime, groupUptime, type UptimeQuery } from '../../domain/component-uptime'
import { presentComponentUptime, presentGroupUptime } from '../../domain/present-uptime'
import { v1Route } from './v1-access'

/**
 * `/v1/pages/{page_id}/components/{component_id}/uptime` and
 * `/v1/pages/{page_id}/component-groups/{id}/uptime`: through the same verb as
 * `/api/v1/components/{id}/uptime`.
 */
export const v1UptimeRoutes = new Hono<AppBindings>()

function queryOf(c: Context<AppBindings>): UptimeQuery {
  const query: UptimeQuery = {}
  const start = c.req.query('start')
  const end = c.req.query('end')
  if (start) query.start = start
  if (end) query.end = end
  return query
}

v1Route(
  v1UptimeRoutes,
  'GET',
  '/pages/:page_id/components/:component_id/uptime',
  'read',
  async (c) => {
    const uptime = await componentUptime(
      c.env.DB,
      new Date(),
      c.req.param('component_id'),
      queryOf(c),
    )
    return c.json(presentComponentUptime(uptime), 200)
  },
)

v1Route(v1UptimeRoutes, 'GET', '/pages/:page_id/component-groups/:id/uptime', 'read', async (c) => {
  const uptime = await groupUptime(c.env.DB, new Date(), c.req.param('id'), queryOf(c))
  return c.json(presentGroupUptime(uptime), 200)
})
