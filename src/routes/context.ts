import type { Context } from 'hono'
import type { AppBindings } from '../app-types'
import type { VerbContext } from '../domain/context'
import { ensurePage } from '../domain/page'
import { groupChildren, type PresentContext } from '../domain/present'
import { selectComponents } from '../db/components'

/** The base URL for links: `PUBLIC_URL` when set, else the request's origin. */
export function baseUrl(c: Context<AppBindings>): string {
  return (c.env.PUBLIC_URL ?? new URL(c.req.url).origin).replace(/\/+$/, '')
}

/** The domain verb context for an authenticated request. */
export function verbContext(c: Context<AppBindings>): VerbContext {
  return { db: c.env.DB, actor: c.get('actor'), now: new Date(), baseUrl: baseUrl(c) }
}

/** What presenters need, read from D1 (admin API only; public reads use the snapshot). */
export async function presentContextFromDb(c: Context<AppBindings>): Promise<PresentContext> {
  const now = new Date()
  const [page, components] = await Promise.all([
    ensurePage(c.env.DB, now),
    selectComponents(c.env.DB),
  ])
  return {
    pageId: page.pageId,
    baseUrl: baseUrl(c),
    now,
    components: new Map(components.map((x) => [x.id, x])),
    children: groupChildren(components),
    showAffectedReports: true,
  }
}
