import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadSnapshot } from '../../src/domain/snapshot'
import { RENDER_REUSE_MS, RENDERED_MAX, renderedCount } from '../../src/routes/public-cache'
import { renderedKey } from '../../src/routes/render-cache'
import { call, makeIncident, resetData } from './factories'
import { inOneRateWindow } from './rate-window'

/**
 * Public requests that cost a D1 query are bounded: a missing incident is remembered in the
 * isolate as well as in the Cache API, link lookups and uncached incident ids are limited per
 * client network, and rendered answers kept in memory have a size bound.
 */

async function get(path: string, ip: string) {
  const res = await call('GET', path, { token: null, headers: { 'cf-connecting-ip': ip } })
  return { status: res.status, headers: res.headers, text: await res.text() }
}

beforeAll(async () => {
  await resetData()
})

describe('a missing incident', () => {
  it('is remembered in the isolate even when the Cache API has nothing', async () => {
    const hidden = await makeIncident({ name: 'Hidden for now', status: 'resolved' })
    await env.DB.prepare('UPDATE incidents SET draft = 1 WHERE id = ?').bind(hidden.id).run()
    // A write: the snapshot no longer holds it, so its page is looked up in D1.
    await makeIncident({ name: 'A write', status: 'resolved' })
    expect((await get(`/incidents/${hidden.id}`, '198.51.100.1')).status).toBe(404)

    // Visible again in D1, behind Candor's back; the Cache API entry is dropped (as on a host
    // where the Cache API stores nothing): the answer is still the remembered 404.
    await env.DB.prepare('UPDATE incidents SET draft = 0 WHERE id = ?').bind(hidden.id).run()
    const snapshot = await loadSnapshot(env)
    const key = new Request(
      renderedKey(snapshot.builtAt, new Date(), `incidents/${hidden.id}`, 'en'),
    )
    // The Cache API entry is stored in the background: wait for it, then drop it.
    for (let i = 0; i < 20 && !(await caches.default.match(key)); i++) {
      await new Promise((r) => setTimeout(r, 50))
    }
    expect(await caches.default.delete(key)).toBe(true)
    expect((await get(`/incidents/${hidden.id}`, '198.51.100.1')).status).toBe(404)

    // The next write renders afresh.
    await makeIncident({ name: 'Another write', status: 'resolved' })
    expect((await get(`/incidents/${hidden.id}`, '198.51.100.1')).status).toBe(200)
  })

  it('asked for again and again costs one lookup: never over the limit', async () => {
    for (let i = 0; i < 40; i++) {
      expect((await get('/incidents/nosuchincident', '198.51.100.2')).status).toBe(404)
    }
  })
})

describe('the lookup limit (LOOKUP_BY_IP)', () => {
  it('unknown incident ids from one network: 429 with Retry-After, as a page', async () => {
    await inOneRateWindow()
    const statuses: number[] = []
    let limited: Awaited<ReturnType<typeof get>> | null = null
    for (let i = 0; i < 40 && !limited; i++) {
      const answer = await get(`/incidents/unknown${i}`, '198.51.100.3')
      statuses.push(answer.status)
      if (answer.status === 429) limited = answer
    }
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true)
    expect(limited).not.toBeNull()
    expect(limited!.headers.get('retry-after')).toBe('60')
    expect(limited!.headers.get('content-type')).toMatch(/^text\/html/)
    expect(limited!.text).toContain('Too many lookups')
    // Another network is not affected; pages from the snapshot never count.
    expect((await get('/incidents/unknown999', '198.51.100.4')).status).toBe(404)
    expect((await get('/', '198.51.100.3')).status).toBe(200)
  })

  it('answer and reopen links from one network: 429 with Retry-After, as a page', async () => {
    await inOneRateWindow()
    const statuses: number[] = []
    for (let i = 0; i < 32; i++) {
      const path = i % 2 === 0 ? `/resolution/token${i}` : `/reopen/token${i}`
      statuses.push((await get(path, '203.0.113.7')).status)
    }
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true)
    expect(statuses.slice(30)).toEqual([429, 429])
    const limited = await get('/resolution/another', '203.0.113.7')
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('60')
    expect(limited.headers.get('content-type')).toMatch(/^text\/html/)
    expect(limited.text).toContain('Too many links were opened')
    const post = await call('POST', '/resolution/another', {
      token: null,
      headers: {
        'cf-connecting-ip': '203.0.113.7',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: '',
    })
    expect(post.status).toBe(429)
    expect((await get('/resolution/another', '203.0.113.8')).status).toBe(404)
  })
})

describe('the lookup limit on subscription links', () => {
  it('confirm and manage links from one network: 429 as a page; a one-click unsubscribe is never limited', async () => {
    await inOneRateWindow()
    const ip = '203.0.113.20'
    const statuses: number[] = []
    for (let i = 0; i < 32; i++) {
      const kind = ['confirm', 'manage', 'unsubscribe'][i % 3]!
      statuses.push((await get(`/subscriptions/${kind}/token${i}`, ip)).status)
    }
    expect(statuses.slice(0, 30).every((s) => s !== 429)).toBe(true)
    expect(statuses.slice(30)).toEqual([429, 429])
    const limited = await get('/subscriptions/manage/another', ip)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('60')
    expect(limited.headers.get('content-type')).toMatch(/^text\/html/)
    // A mail provider posting RFC 8058 one-click unsubscribes for many users from one address
    // is never turned away: losing an unsubscribe is worse than a D1 lookup.
    const oneClick = await call('POST', '/subscriptions/unsubscribe/unknowntoken', {
      token: null,
      headers: {
        'cf-connecting-ip': ip,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'List-Unsubscribe=One-Click',
    })
    expect(oneClick.status).not.toBe(429)
    expect((await get('/subscriptions/manage/another', '203.0.113.21')).status).not.toBe(429)
  })
})

describe('rendered answers in memory', () => {
  it('are bounded: made-up query strings cannot fill the isolate', async () => {
    // Rendered answers are kept per time bucket (RENDER_REUSE_MS): a new bucket starts empty.
    // A busy machine may cross a bucket's end mid-loop, so the loop starts at one, and counts
    // again from zero whenever the isolate's count falls (a new bucket began).
    const wanted = RENDERED_MAX + 50
    await new Promise((r) => setTimeout(r, RENDER_REUSE_MS - (Date.now() % RENDER_REUSE_MS) + 5))
    let inBucket = 0
    let previous = renderedCount()
    for (let i = 0; i < 4 * wanted && inBucket < wanted; i++) {
      expect((await get(`/api/v2/status.json?x=${i}`, '192.0.2.1')).status).toBe(200)
      const count = renderedCount()
      expect(count).toBeLessThanOrEqual(RENDERED_MAX)
      inBucket = count < previous ? 1 : inBucket + 1
      previous = count
    }
    expect(inBucket, `${wanted} requests never fitted in one ${RENDER_REUSE_MS} ms bucket`).toBe(
      wanted,
    )
    expect(renderedCount()).toBe(RENDERED_MAX)
  })
})
