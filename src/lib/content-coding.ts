import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/compress'

/**
 * Content codings, decided as Cloudflare's front line decides them. On Cloudflare (and under
 * `wrangler dev`, which copies that front line) the Worker is handed `Accept-Encoding: br, gzip`
 * whatever the client sent; the client's own header is kept in `request.cf.clientAcceptEncoding`.
 * The front line compresses every text answer that comes back without `Content-Encoding`, in the
 * coding it picks for the client, and passes through an answer already in that coding.
 */

interface Offer {
  coding: string
  q: number
}

/** An Accept-Encoding header as codings with their weights, highest first (ties keep order). */
function offersOf(header: string): Offer[] {
  const offers: Offer[] = []
  for (const part of header.split(',')) {
    const [name, ...params] = part.split(';')
    const coding = name!.trim().toLowerCase()
    if (!coding) continue
    const weight = params.map((p) => p.trim()).find((p) => /^q=/i.test(p))
    const q = weight === undefined ? 1 : Number(weight.slice(2))
    offers.push({ coding, q: Number.isFinite(q) ? q : 0 })
  }
  return offers.sort((a, b) => b.q - a.q)
}

/**
 * Whether a client sending `acceptEncoding` gets gzip: its most wanted coding among gzip and br
 * is gzip (the first named when weights tie, as the front line picks) and it did not prefer
 * `identity`. A client that would get br is answered uncompressed and the front line encodes it.
 */
export function wantsGzip(acceptEncoding: string | null | undefined): boolean {
  if (!acceptEncoding) return false
  for (const { coding, q } of offersOf(acceptEncoding)) {
    if (q <= 0) continue
    if (coding === 'gzip') return true
    if (coding === 'br' || coding === 'identity') return false
  }
  return false
}

/** The Accept-Encoding the client itself sent (see above), else the request's header. */
export function clientAcceptEncoding(request: Request): string | null {
  const kept = (request.cf as { clientAcceptEncoding?: unknown } | undefined)?.clientAcceptEncoding
  return typeof kept === 'string' ? kept : request.headers.get('accept-encoding')
}

/** Whether an answer of this Content-Type is text worth compressing (HTML, JSON, XML, SVG…). */
export function isCompressible(contentType: string | null | undefined): boolean {
  return !!contentType && COMPRESSIBLE_CONTENT_TYPE_REGEX.test(contentType)
}

/** `text` as UTF-8, gzipped. */
export async function gzipText(text: string): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}
