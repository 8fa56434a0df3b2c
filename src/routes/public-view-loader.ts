import type { Context } from 'hono'
import type { AppBindings } from '../app-types'
import { PublicView } from '../domain/public-view'
import { loadSnapshot } from '../domain/snapshot'
import { baseUrl } from './context'

/** The public view for this request, from the snapshot (no D1 query). */
export async function publicView(c: Context<AppBindings>): Promise<PublicView> {
  return new PublicView(await loadSnapshot(c.env), baseUrl(c), c.env.PAGE_NAME)
}
