// One GET as a benchmark client makes it, counting the body's bytes as they cross the wire
// (node:http leaves them encoded, where fetch would decode them) and once decoded.

import http from 'node:http'
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib'

const DECODERS = { gzip: gunzipSync, br: brotliDecompressSync, deflate: inflateSync }

/**
 * GETs `url` with `headers`. Returns `{ status, type, encoding, wireBytes, bytes }`: the body's
 * size as sent (after any Content-Encoding) and as text (decoded).
 */
export function wireBytes(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers }, (res) => {
      const chunks = []
      res.on('data', (chunk) => chunks.push(chunk))
      res.on('error', reject)
      res.on('end', () => {
        const body = Buffer.concat(chunks)
        const encoding = res.headers['content-encoding'] ?? null
        const decode = encoding ? DECODERS[encoding] : (b) => b
        if (!decode) return reject(new Error(`${url}: unknown Content-Encoding ${encoding}`))
        resolve({
          status: res.statusCode,
          type: (res.headers['content-type'] ?? '').split(';')[0],
          encoding,
          wireBytes: body.byteLength,
          bytes: decode(body).byteLength,
        })
      })
    })
    request.on('error', reject)
  })
}
