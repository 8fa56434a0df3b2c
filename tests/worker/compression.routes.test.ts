import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/app'
import { refreshSnapshot } from '../../src/domain/snapshot'
import { ADMIN, makeComponent, makeIncident } from './factories'

/**
 * Compression: public answers kept for reuse leave the Worker gzipped when the client would get
 * gzip, as bytes the front line passes on; every text answer varies by Accept-Encoding.
 *
 * The app is called in-process, not through the Worker's binding: a binding decodes gzip on the
 * way back, and these tests must see the bytes the Worker sends.
 */

const app = createApp()

/** The app's answer to a GET, as sent: status, headers and the body's bytes. */
async function get(
  path: string,
  headers: Record<string, string> = {},
  cf?: Record<string, unknown>,
): Promise<{ status: number; headers: Headers; bytes: Uint8Array }> {
  const ctx = createExecutionContext()
  const request = new Request(`http://candor.test${path}`, { headers, cf })
  const res = await app.fetch(request, env, ctx)
  const bytes = new Uint8Array(await res.arrayBuffer())
  await waitOnExecutionContext(ctx)
  return { status: res.status, headers: res.headers, bytes }
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes)

async function gunzip(bytes: Uint8Array): Promise<string> {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))
  return new Response(stream).text()
}

const varyOf = (headers: Headers) =>
  (headers.get('vary') ?? '').split(',').map((name) => name.trim().toLowerCase())

const PUBLIC = ['/', '/api/v2/summary.json', '/badge.svg', '/widget.json', '/feed.atom', '/embed']

describe('compression of public answers', () => {
  beforeAll(async () => {
    const component = await makeComponent({ name: 'Broadband' })
    await makeIncident({ name: 'Slow logins', components: { [component.id]: 'partial_outage' } })
    await refreshSnapshot(env)
    PUBLIC.push('/history')
  })

  it('sends gzip to a client that asks, the same content as the uncompressed answer', async () => {
    for (const path of PUBLIC) {
      const plain = await get(path)
      expect(plain.status, path).toBe(200)
      expect(plain.headers.get('content-encoding'), path).toBeNull()
      const zipped = await get(path, { 'accept-encoding': 'gzip, br' })
      expect(zipped.status, path).toBe(200)
      expect(zipped.headers.get('content-encoding'), path).toBe('gzip')
      expect(zipped.headers.get('content-type'), path).toBe(plain.headers.get('content-type'))
      // The gzip magic number: the Worker sends compressed bytes, not text labelled gzip.
      expect([...zipped.bytes.slice(0, 2)], path).toEqual([0x1f, 0x8b])
      expect(await gunzip(zipped.bytes), path).toBe(text(plain.bytes))
      expect(zipped.bytes.byteLength, path).toBeLessThan(plain.bytes.byteLength)
      for (const answer of [plain, zipped]) {
        expect(varyOf(answer.headers), path).toContain('accept-encoding')
      }
    }
    // The page's Vary keeps what the language choice put there.
    const page = await get('/', { 'accept-encoding': 'gzip' })
    expect(varyOf(page.headers)).toEqual(
      expect.arrayContaining(['accept-language', 'cookie', 'accept-encoding']),
    )
  })

  it('leaves it uncompressed for a client that does not ask, or would rather have br or identity', async () => {
    const plain = text((await get('/')).bytes)
    // The same held bytes go out on every request: none leaves another one empty.
    expect(plain).toContain('Slow logins')
    for (const acceptEncoding of ['br', 'br, gzip', 'identity', 'gzip;q=0, br', 'deflate', '']) {
      const answer = await get('/', acceptEncoding ? { 'accept-encoding': acceptEncoding } : {})
      expect(answer.headers.get('content-encoding'), acceptEncoding).toBeNull()
      expect(text(answer.bytes), acceptEncoding).toBe(plain)
    }
    expect(
      (await get('/', { 'accept-encoding': 'br;q=0.5, gzip' })).headers.get('content-encoding'),
    ).toBe('gzip')
  })

  it("follows the client's own Accept-Encoding where the front line replaced the header", async () => {
    // Cloudflare (and wrangler dev) hand the Worker `br, gzip` and keep the client's header in cf.
    const none = await get('/', { 'accept-encoding': 'br, gzip' }, { clientAcceptEncoding: '' })
    expect(none.headers.get('content-encoding')).toBeNull()
    const gzip = await get('/', { 'accept-encoding': 'br, gzip' }, { clientAcceptEncoding: 'gzip' })
    expect(gzip.headers.get('content-encoding')).toBe('gzip')
  })

  it('keeps ETag and 304 working in either coding', async () => {
    for (const path of ['/', '/api/v2/summary.json', '/history']) {
      const plain = await get(path)
      const zipped = await get(path, { 'accept-encoding': 'gzip' })
      const plainTag = plain.headers.get('etag')!
      const zippedTag = zipped.headers.get('etag')!
      expect(plainTag, path).toMatch(/^"[0-9a-f]+"$/)
      // Different bytes, different validators: a cache never mixes the two up.
      expect(zippedTag, path).not.toBe(plainTag)
      for (const [tag, headers] of [
        [plainTag, {}],
        [zippedTag, { 'accept-encoding': 'gzip' }],
      ] as const) {
        const again = await get(path, { ...headers, 'if-none-match': tag })
        expect(again.status, `${path} ${tag}`).toBe(304)
        expect(again.bytes.byteLength).toBe(0)
        expect(varyOf(again.headers), path).toContain('accept-encoding')
      }
    }
    // A snapshot answer's validators name one content: the weak gzip tag revalidates the text.
    const plain = await get('/api/v2/summary.json')
    const zipped = await get('/api/v2/summary.json', { 'accept-encoding': 'gzip' })
    expect(zipped.headers.get('etag')).toBe(`W/${plain.headers.get('etag')}`)
    const crossed = await get('/api/v2/summary.json', {
      'if-none-match': zipped.headers.get('etag')!,
    })
    expect(crossed.status).toBe(304)
  })
})

describe('every other text answer', () => {
  it('varies by Accept-Encoding and is left for the front line to compress', async () => {
    const answers = [
      await get('/api/v1/components', {
        authorization: `Bearer ${ADMIN}`,
        'accept-encoding': 'gzip',
      }),
      await get('/api/v1/incidents/nope', {
        authorization: `Bearer ${ADMIN}`,
        'accept-encoding': 'gzip',
      }),
      await get('/console/sign-in', { 'accept-encoding': 'gzip' }),
      await get('/no-such-page', { 'accept-encoding': 'gzip' }),
    ]
    expect(answers.map((a) => a.status)).toEqual([200, 404, 200, 404])
    for (const answer of answers) {
      expect(varyOf(answer.headers)).toContain('accept-encoding')
      expect(answer.headers.get('content-encoding')).toBeNull()
      expect(text(answer.bytes).length).toBeGreaterThan(0)
    }
  })
})
