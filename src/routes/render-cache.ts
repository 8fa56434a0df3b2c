import type { Context } from 'hono'
import type { AppBindings } from '../app-types'
import { notFound, type CandorError } from '../domain/errors'
import { PUBLIC_CACHE_CONTROL } from './public-cache'

/** How long a page rendered from D1 is reused within one snapshot build (time-dependent text). */
export const DB_RENDER_REUSE_MS = 5 * 60_000

const MISSING = 'x-candor-missing'

/**
 * Public pages that need more than the snapshot holds (old incidents, history months), read
 * from D1 once and then kept in the Cache API under a key naming the snapshot build: any write
 * rebuilds the snapshot, so the next read renders afresh, and until then no read touches D1.
 * A thing that does not exist is remembered too, as a marker, and answered 404.
 */
export async function renderThroughCache(
  c: Context<AppBindings>,
  builtAt: string,
  now: Date,
  /** What tells this page apart (e.g. `incidents/abc`, `history/2`): a query string does not. */
  page: string,
  render: () => Promise<string | null>,
  missing: () => CandorError = () => notFound('page', page),
): Promise<Response> {
  const bucket = Math.floor(now.getTime() / DB_RENDER_REUSE_MS)
  const key = new Request(
    `https://rendered.candor.internal/${encodeURIComponent(builtAt)}/${bucket}/${encodeURIComponent(page)}`,
  )
  const cache = typeof caches === 'undefined' ? null : caches.default
  const hit = await cache?.match(key)
  let body: string | null
  if (hit) {
    body = hit.headers.has(MISSING) ? null : await hit.text()
  } else {
    body = await render()
    const stored =
      body === null
        ? new Response('', { headers: { [MISSING]: '1', 'Cache-Control': 'max-age=600' } })
        : new Response(body, { headers: { 'Cache-Control': 'max-age=600' } })
    // The Cache API is a cache: a failure to store only costs the next read a D1 query.
    c.executionCtx.waitUntil(cache?.put(key, stored).catch(() => undefined) ?? Promise.resolve())
  }
  if (body === null) throw missing()
  c.header('Cache-Control', PUBLIC_CACHE_CONTROL)
  return c.html(body)
}
