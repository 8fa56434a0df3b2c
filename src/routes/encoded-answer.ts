import type { Context } from 'hono'
import type { AppBindings } from '../app-types'
import { clientAcceptEncoding, gzipText, wantsGzip } from '../lib/content-coding'
import { addVaryByEncoding } from '../middleware/compression'

/**
 * A rendered answer kept for reuse: its text, the same text as UTF-8 once it has been sent, and,
 * once a client has asked for it, gzipped, so each rendering is encoded and compressed once
 * rather than on every request. The bytes are kept, not the compression in progress: a stream
 * belongs to the request that made it, and another request awaiting it would fail. Requests that
 * arrive during the first compression each compress for themselves (the bytes are the same).
 */
export interface HeldText {
  body: string
  utf8?: Uint8Array<ArrayBuffer>
  gzip?: Uint8Array<ArrayBuffer>
}

const encoder = new TextEncoder()

/** Each request's answer to gzipFor: reading `request.cf` costs a copy of it each time. */
const gzipByRequest = new WeakMap<Request, boolean>()

/** Whether this request's answer is gzipped by sendHeldText. */
function gzipFor(c: Context<AppBindings>): boolean {
  const request = c.req.raw
  let gzip = gzipByRequest.get(request)
  if (gzip === undefined) {
    gzip = wantsGzip(clientAcceptEncoding(request))
    gzipByRequest.set(request, gzip)
  }
  return gzip
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
  c.header('Content-Type', contentType)
  if (etag) c.header('ETag', heldEtag(c, etag))
  if (!gzipFor(c)) {
    // TextEncoder always answers with a fresh ArrayBuffer, never a shared one.
    const utf8 = (held.utf8 ??= encoder.encode(held.body) as Uint8Array<ArrayBuffer>)
    const answer = c.body(utf8, 200)
    addVaryByEncoding(answer.headers)
    return answer
  }
  const bytes = held.gzip ?? (await gzipText(held.body))
  held.gzip = bytes
  const answer = c.body(bytes, 200, { 'Content-Encoding': 'gzip' })
  addVaryByEncoding(answer.headers)
  return new Response(answer.body, {
    status: answer.status,
    headers: answer.headers,
    encodeBody: 'manual',
  })
}
