import type { Context } from 'hono'
import { LRUCache } from 'lru-cache'
import type { AppBindings } from '../app-types'
import { bytesToHex } from '../lib/encoding'
import type { PublicView } from '../domain/public-view'
import { readerFor, type Reader } from '../i18n/reader'
import { heldEtag, sendHeldText, type HeldText } from './encoded-answer'
import { pageReader, varyByLanguage } from './page-reader'
import { publicView } from './public-view-loader'

/** Short freshness with revalidation: status must be current, but a stampede is served fast. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=10, stale-while-revalidate=30'

/**
 * How long a rendered public answer is reused. Time-dependent text ("update overdue by 12 min",
 * "ETA passed") is computed at render time, so it is at most this late.
 */
export const RENDER_REUSE_MS = 5_000

interface Rendered extends HeldText {
  etag: string
}

/**
 * How many rendered answers one isolate keeps per generation at most: URLs with made-up query
 * strings would otherwise fill its memory within one bucket. The least recently used go first.
 */
export const RENDERED_MAX = 256

function emptyRendered() {
  return new LRUCache<string, Rendered>({ max: RENDERED_MAX })
}

/** Rendered answers of the current generation (snapshot build × time bucket), by URL. */
let generation = ''
let rendered = emptyRendered()

/** How many rendered answers this isolate holds now (at most RENDERED_MAX). */
export function renderedCount(): number {
  return rendered.size
}

async function etagOf(body: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(body))
  return `"${bytesToHex(new Uint8Array(digest))}"`
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
}

/**
 * Serves a public answer rendered from the snapshot: renders once per snapshot build and
 * time bucket, answers `If-None-Match` with 304, sets ETag and Cache-Control, and gzips it
 * once per rendering for clients that ask (sendHeldText). Nothing here touches D1 unless
 * `render` does. An answer `inReadersLanguage` is rendered for the request's reader, kept per
 * language and sent with `Vary`; any other gets the page's own (its default language, its zone).
 */
export async function servePublic(
  c: Context<AppBindings>,
  contentType: string,
  render: (view: PublicView, reader: Reader) => string | Promise<string>,
  options: { inReadersLanguage?: boolean } = {},
): Promise<Response> {
  const view = await publicView(c)
  const bucket = Math.floor(view.ctx.now.getTime() / RENDER_REUSE_MS)
  const currentGeneration = `${view.snapshot.builtAt}|${bucket}|${view.ctx.baseUrl}`
  if (currentGeneration !== generation) {
    generation = currentGeneration
    rendered = emptyRendered()
  }
  const url = new URL(c.req.url)
  const page = view.snapshot.page
  const reader = options.inReadersLanguage
    ? pageReader(c, view)
    : readerFor(page.language, page.timeZone)
  const key = `${url.pathname}${url.search}|${reader.lang}`
  if (options.inReadersLanguage) varyByLanguage(c)
  let answer = rendered.get(key)
  if (!answer) {
    const body = await render(view, reader)
    answer = { body, etag: await etagOf(body) }
    rendered.set(key, answer)
  }
  c.header('Cache-Control', PUBLIC_CACHE_CONTROL)
  if (matchesEtag(c.req.header('if-none-match'), answer.etag)) {
    c.header('ETag', heldEtag(c, answer.etag))
    return c.body(null, 304)
  }
  return sendHeldText(c, answer, contentType, answer.etag)
}
