import type { Context } from 'hono'
import type { AppBindings } from '../app-types'
import { PublicView } from '../domain/public-view'
import { loadSnapshot } from '../domain/snapshot'
import { askWriterAgain, firstSnapshot } from '../durable/rebuild-snapshot'
import { baseUrl } from './context'

/** The public view for this request, from the snapshot (no D1 query while one is stored). */
export async function publicView(c: Context<AppBindings>): Promise<PublicView> {
  const snapshot = await loadSnapshot(c.env, {
    first: () => firstSnapshot(c.env),
    behind: () => askWriterAgain(c.env, (p) => c.executionCtx.waitUntil(p)),
  })
  return new PublicView(snapshot, baseUrl(c), c.env.PAGE_NAME)
}
