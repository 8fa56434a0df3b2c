import type { Context, MiddlewareHandler } from 'hono'
import type { AppBindings } from '../app-types'
import { isCompressible } from '../lib/content-coding'

const NAMES_ACCEPT_ENCODING = /(?:^|,)\s*(?:accept-encoding|\*)\s*(?:,|$)/i

/** Whether a Vary header's value already names Accept-Encoding (or is `*`). */
function namesAcceptEncoding(vary: string | null): boolean {
  return vary !== null && NAMES_ACCEPT_ENCODING.test(vary)
}

/** Adds `Accept-Encoding` to the answer's Vary unless it is there already. */
export function varyByEncoding(c: Context<AppBindings>): void {
  if (namesAcceptEncoding(c.res.headers.get('Vary'))) return
  c.header('Vary', 'Accept-Encoding', { append: true })
}

/**
 * The same, on the headers of a response the caller has just made (and so may change): reading
 * `c.res` before a handler has answered would make Hono build and copy extra responses.
 */
export function addVaryByEncoding(headers: Headers): void {
  if (!namesAcceptEncoding(headers.get('Vary'))) headers.append('Vary', 'Accept-Encoding')
}

/**
 * Compression of every text answer (docs/operations.md, "Compression"). Cloudflare's front
 * line, and `wrangler dev`'s copy of it, gzip or Brotli-encode each text answer a Worker returns
 * without `Content-Encoding` for a client that asks, so answers made per request are left to it:
 * compressing them here would only cost the Worker CPU and narrow the codings to what
 * `CompressionStream` has. Public answers kept for reuse are gzipped once and sent as they are
 * (routes/encoded-answer.ts). This middleware makes sure every text answer, and every 304 for
 * one, says it varies by Accept-Encoding, so no shared cache hands one client's coding to another.
 */
export function compression(): MiddlewareHandler<AppBindings> {
  return async function compression(c, next) {
    await next()
    if (c.res.status === 304 || isCompressible(c.res.headers.get('Content-Type'))) {
      varyByEncoding(c)
    }
  }
}
