import type { Context } from 'hono'
import type { AppBindings } from '../app-types'
import type { VerbContext } from '../domain/context'
import type { PresentContext } from '../domain/present'
import { loadPresentContext } from '../domain/present-context'

/** The base URL for links: `PUBLIC_URL` when set, else the request's origin. */
export function baseUrl(c: Context<AppBindings>): string {
  return (c.env.PUBLIC_URL ?? new URL(c.req.url).origin).replace(/\/+$/, '')
}

/** The domain verb context for an authenticated request. */
export function verbContext(c: Context<AppBindings>): VerbContext {
  return { db: c.env.DB, actor: c.get('actor'), now: new Date(), baseUrl: baseUrl(c) }
}

/** What presenters need, read from D1 (admin API only; public reads use the snapshot). */
export function presentContextFromDb(c: Context<AppBindings>): Promise<PresentContext> {
  return loadPresentContext(c.env.DB, baseUrl(c), new Date())
}
