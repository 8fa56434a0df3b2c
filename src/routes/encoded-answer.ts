import type { Context } from 'hono'
import type { AppBindings } from '../app-types'
import { clientAcceptEncoding, gzipText, wantsGzip } from '../lib/content-coding'
import { varyByEncoding } from '../middleware/compression'

/**
 * A rendered answer kept for reuse: its text and, once a client has asked for it, the same text
 * gzipped, so each rendering is compressed once rather than on every request. The bytes are kept,
 * not the compression in progress: a stream belongs to the request that made it, and another
 * request awaiting it would fail. Requests that arrive during the first compression each
 * compress for themselves (the bytes are the same).
 */
export interface HeldText {
  body: string
  gzip?: Uint8Array<ArrayBuffer>
}

/** Whether this request's answer is gzipped by sendHeldText. */
function gzipFor(c: Context<AppBindings>): boolean {
  return wantsGzip(clientAcceptEncoding(c.req.raw))
}

/**
 * The ETag of a held answer as this client gets it: weak when gzipped, since the bytes differ
 * but the content does not (If-None-Match compares weakly, so either one revalidates).
 */
export function heldEtag(c: Context<AppBindings>, etag: string): string {
  return gzipFor(c) && !etag.startsWith('W/') ? `W/${etag}` : etag
}

/**
 * Answers 200 with a held text: gzipped bytes sent as they are (`encodeBody: 'manual'`, so
 * neither the runtime nor the front line compresses them again) when the client would get gzip
 * (see content-coding.ts), the text otherwise. Either way the answer varies by Accept-Encoding.
 * An `etag` goes out as heldEtag says.
 */
export async function sendHeldText(
  c: Context<AppBindings>,
  held: HeldText,
  contentType: string,
  etag?: string,
): Promise<Response> {
  varyByEncoding(c)
  c.header('Content-Type', contentType)
  if (etag) c.header('ETag', heldEtag(c, etag))
  if (!gzipFor(c)) return c.body(held.body, 200)
  const bytes = held.gzip ?? (await gzipText(held.body))
  held.gzip = bytes
  const answer = c.body(bytes, 200, { 'Content-Encoding': 'gzip' })
  return new Response(answer.body, {
    status: answer.status,
    headers: answer.headers,
    encodeBody: 'manual',
  })
}
