import type { Context } from 'hono'
import { LRUCache } from 'lru-cache'
import type { AppBindings } from '../app-types'
import { notFound, type CandorError } from '../domain/errors'
import type { Language } from '../i18n/languages'
import { sendHeldText, type HeldText } from './encoded-answer'
import { varyByLanguage } from './page-reader'
import { PUBLIC_CACHE_CONTROL } from './public-cache'

/** How long a page rendered from D1 is reused within one snapshot build (time-dependent text). */
export const DB_RENDER_REUSE_MS = 5 * 60_000

/**
 * How much rendered text (characters, keys included) one isolate keeps at most; a page's gzipped
 * copy, made when a client asks, adds a fifth or so to its share.
 */
export const LOCAL_RENDER_MAX_CHARS = 4_000_000

const MISSING = 'x-candor-missing'

/**
 * This isolate's copy of what the Cache API holds, bounded (least recently used goes first):
 * the Cache API does nothing on some hosts (workers.dev) and is per data centre, so without
 * this an unknown id would cost a D1 query on every request there.
 */
const local = new LRUCache<string, HeldText | { body: null }>({
  maxSize: LOCAL_RENDER_MAX_CHARS,
  sizeCalculation: (value, key) => Math.max(1, key.length + (value.body?.length ?? 0)),
})

/** The cache key of a page rendered from D1, per snapshot build, reuse bucket and language. */
export function renderedKey(builtAt: string, now: Date, page: string, lang: Language): string {
  const bucket = Math.floor(now.getTime() / DB_RENDER_REUSE_MS)
  return `https://rendered.candor.internal/${encodeURIComponent(builtAt)}/${bucket}/${lang}/${encodeURIComponent(page)}`
}

/**
 * Public pages that need more than the snapshot holds (old incidents, history months), read
 * from D1 once and then kept in this isolate and in the Cache API under a key naming the
 * snapshot build: any write rebuilds the snapshot, so the next read renders afresh, and until
 * then no read touches D1. A thing that does not exist is remembered too, as a marker, and
 * answered 404. Each language the page is read in is kept apart and the answer carries `Vary`.
 * `allowQuery` is asked before each D1 read (a per-client limit); when it says no, `refused`
 * answers instead.
 */
export async function renderThroughCache(
  c: Context<AppBindings>,
  builtAt: string,
  now: Date,
  /** What tells this page apart (e.g. `incidents/abc`, `history/2`): a query string does not. */
  page: string,
  /** The reader's language the page is rendered in. */
  lang: Language,
  render: () => Promise<string | null>,
  missing: () => CandorError = () => notFound('page', page),
  limit?: { allowQuery: () => Promise<boolean>; refused: () => Response | Promise<Response> },
): Promise<Response> {
  const url = renderedKey(builtAt, now, page, lang)
  varyByLanguage(c)
  let held = local.get(url)
  if (!held) {
    let body: string | null
    const key = new Request(url)
    const cache = typeof caches === 'undefined' ? null : caches.default
    const hit = await cache?.match(key)
    if (hit) {
      body = hit.headers.has(MISSING) ? null : await hit.text()
    } else {
      if (limit && !(await limit.allowQuery())) return limit.refused()
      body = await render()
      const stored =
        body === null
          ? new Response('', { headers: { [MISSING]: '1', 'Cache-Control': 'max-age=600' } })
          : new Response(body, { headers: { 'Cache-Control': 'max-age=600' } })
      // The Cache API is a cache: a failure to store only costs the next read a D1 query.
      c.executionCtx.waitUntil(cache?.put(key, stored).catch(() => undefined) ?? Promise.resolve())
    }
    held = body === null ? { body: null } : { body }
    local.set(url, held)
  }
  if (held.body === null) throw missing()
  c.header('Cache-Control', PUBLIC_CACHE_CONTROL)
  return sendHeldText(c, held, 'text/html; charset=utf-8')
}
