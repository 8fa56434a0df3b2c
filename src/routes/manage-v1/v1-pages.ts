import { Hono } from 'hono'
import type { AppBindings } from '../../app-types'
import { ensurePage, pageName, updatePage } from '../../domain/page'
import { V1PageChanges } from '../../schemas/manage-v1'
import { baseUrl, verbContext } from '../context'
import { v1Route } from './v1-access'
import { readV1Input } from './v1-body'
import { presentV1Page } from './v1-present'

/** `/v1/pages` and `/v1/pages/{page_id}`: the one page Candor serves. */
export const v1PageRoutes = new Hono<AppBindings>()

v1Route(v1PageRoutes, 'GET', '/pages', 'read', async (c) => {
  const page = await ensurePage(c.env.DB, new Date())
  return c.json([presentV1Page(page, pageName(page, c.env.PAGE_NAME), baseUrl(c))], 200)
})

v1Route(v1PageRoutes, 'GET', '/pages/:page_id', 'read', async (c) => {
  const page = await ensurePage(c.env.DB, new Date())
  return c.json(presentV1Page(page, pageName(page, c.env.PAGE_NAME), baseUrl(c)), 200)
})

for (const method of ['PATCH', 'PUT'] as const) {
  v1Route(v1PageRoutes, method, '/pages/:page_id', 'write', async (c) => {
    const { input } = await readV1Input(c, 'page', V1PageChanges)
    const { name, time_zone, ...others } = input
    // Settings Candor has no use for (domain, CSS colours…) are kept as sent, and read back.
    const page = await updatePage(verbContext(c), { name, time_zone, statuspage_fields: others })
    return c.json(presentV1Page(page, pageName(page, c.env.PAGE_NAME), baseUrl(c)), 200)
  })
}
