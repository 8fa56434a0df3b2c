import { ensurePage, pageName, updatePage } from '../domain/page'
import type { PageSettings } from '../domain/types'
import { PageInput } from '../schemas/inputs'
import { PageSettingsSchema } from '../schemas/statuspage'
import { apiRoute } from './api-route'
import { baseUrl, verbContext } from './context'
import { authErrors, bodyErrors, jsonBody, jsonResponse, newApiApp } from './openapi-helpers'
import { brandSettingsJson } from './page-brand-json'

/** The page's own settings: its name, time zone, language, brand and resolution-check rules. */
export const pageRoutes = newApiApp()

/** The page's settings as the API answers them. */
export function presentSettings(page: PageSettings, name: string, url: string) {
  return {
    id: page.pageId,
    name,
    url,
    time_zone: page.timeZone,
    language: page.language,
    updated_at: page.updatedAt,
    dispute_min_votes: page.disputeMinVotes,
    dispute_min_share: page.disputeMinShare,
    show_affected_counts: page.showAffectedCounts,
    ...brandSettingsJson(page.brand, url),
  }
}

pageRoutes.openapi(
  apiRoute({
    access: 'read',
    method: 'get',
    path: '/page',
    tags: ['Page'],
    summary: "The page's settings",
    responses: { 200: jsonResponse(PageSettingsSchema, 'The page'), ...authErrors },
  }),
  async (c) => {
    const page = await ensurePage(c.env.DB, new Date())
    return c.json(presentSettings(page, pageName(page, c.env.PAGE_NAME), baseUrl(c)), 200)
  },
)

pageRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'patch',
    path: '/page',
    tags: ['Page'],
    summary:
      "Change the page's name, time zone, default language, accent colour, support and footer links, resolution-check threshold or whether affected counts are public",
    request: { body: jsonBody(PageInput) },
    responses: { 200: jsonResponse(PageSettingsSchema, 'The page'), ...authErrors, ...bodyErrors },
  }),
  async (c) => {
    const input = c.req.valid('json')
    const page = await updatePage(verbContext(c), input)
    return c.json(presentSettings(page, pageName(page, c.env.PAGE_NAME), baseUrl(c)), 200)
  },
)
