import http from 'node:http'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callCandor } from './candor-http'
import { startCandor, type RunningCandor } from './wrangler-dev'

/**
 * Compression on the wire under `wrangler dev`, whose front line behaves like Cloudflare's:
 * every text answer, the Worker's and the static files', arrives gzipped for a client that asks
 * and as text for one that does not, and nothing is compressed twice.
 */

let candor: RunningCandor

beforeAll(async () => {
  candor = await startCandor()
  const component = await callCandor(candor, 'POST', '/api/v1/components', { name: 'Broadband' })
  await callCandor(candor, 'POST', '/api/v1/incidents', {
    name: 'Slow logins',
    status: 'investigating',
    impact: 'minor',
    body: 'We are looking into it.',
    components: { [component.json.id]: 'degraded_performance' },
  })
})

afterAll(async () => {
  await candor?.stop()
})

interface Raw {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
}

/** One GET, the body as the bytes that crossed the wire (node:http does not decode them). */
function rawGet(path: string, headers: Record<string, string> = {}) {
  return new Promise<Raw>((resolve, reject) => {
    http
      .get(candor.url + path, { headers }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        )
        res.on('error', reject)
      })
      .on('error', reject)
  })
}

const auth = () => ({ authorization: `Bearer ${candor.token}` })

describe('compression over HTTP', () => {
  it('gzips every text answer for a client that asks, once, and not for one that does not', async () => {
    const answers: [string, Record<string, string>, boolean][] = [
      // path, headers, whether the Worker answers it (and so says Vary)
      ['/', {}, true],
      ['/api/v2/summary.json', {}, true],
      ['/history', {}, true],
      ['/feed.atom', {}, true],
      ['/api/v1/components', auth(), true],
      ['/api/v1/openapi.json', {}, true],
      ['/console/sign-in', {}, true],
      ['/style.css', {}, false],
    ]
    for (const [path, headers, worker] of answers) {
      const plain = await rawGet(path, headers)
      expect(plain.status, path).toBe(200)
      expect(plain.headers['content-encoding'], path).toBeUndefined()
      const zipped = await rawGet(path, { ...headers, 'accept-encoding': 'gzip, br' })
      expect(zipped.status, path).toBe(200)
      expect(zipped.headers['content-encoding'], path).toBe('gzip')
      // Decoded once it is the text: compressed once, not twice.
      const text = gunzipSync(zipped.body).toString('utf8')
      expect(text.length, path).toBe(plain.body.toString('utf8').length)
      if (path !== '/console/sign-in') expect(text, path).toBe(plain.body.toString('utf8'))
      expect(zipped.body.byteLength, path).toBeLessThan(plain.body.byteLength)
      if (worker) expect(zipped.headers.vary, path).toMatch(/accept-encoding/i)
    }
  })
})
