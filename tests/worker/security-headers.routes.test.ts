import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test'
import { exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/app'
import { issueLinkToken } from '../../src/domain/link-tokens'
import { call, makeComponent, makeIncident } from './factories'
import {
  confirmedSubscriber,
  getPage,
  postForm,
  subscribeApi,
  subscriberRows,
  uniqueEmail,
  waitForMail,
  linkPath,
} from './subscriptions-helpers'

/** A Content-Security-Policy header as directive → sources. */
function parseCsp(header: string | null): Map<string, string[]> {
  expect(header, 'Content-Security-Policy').toBeTruthy()
  const policy = new Map<string, string[]>()
  for (const part of header!.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/)
    if (name) policy.set(name.toLowerCase(), sources)
  }
  return policy
}

async function sha256Source(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`
}

/** The text of every inline `<tag>` element (scripts with `src` are not inline). */
function inlineElements(html: string, tag: 'script' | 'style'): string[] {
  const found: string[] = []
  for (const match of html.matchAll(new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}>`, 'gi'))) {
    if (!/\ssrc\s*=/i.test(match[1]!)) found.push(match[2]!)
  }
  return found
}

/** Sources a directive allows, falling back to default-src as browsers do. */
function sourcesFor(policy: Map<string, string[]>, directive: string): string[] {
  return policy.get(directive) ?? policy.get('default-src') ?? []
}

/**
 * Checks a page's HTML against its own policy: every inline script and style is listed by its
 * hash, there is no inline event handler, style attribute or javascript: URL, and neither
 * scripts nor styles are allowed by 'unsafe-inline'. Returns how many inline scripts it hashed.
 */
async function expectHtmlCoveredByPolicy(html: string, policy: Map<string, string[]>) {
  const scriptSources = sourcesFor(policy, 'script-src')
  const styleSources = sourcesFor(policy, 'style-src')
  expect(scriptSources).not.toContain("'unsafe-inline'")
  expect(scriptSources).not.toContain("'unsafe-eval'")
  expect(styleSources).not.toContain("'unsafe-inline'")
  const scripts = inlineElements(html, 'script')
  for (const script of scripts) expect(scriptSources).toContain(await sha256Source(script))
  for (const style of inlineElements(html, 'style')) {
    expect(styleSources).toContain(await sha256Source(style))
  }
  expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i)
  expect(html).not.toMatch(/<[a-z][^>]*\sstyle\s*=/i)
  expect(html).not.toMatch(/javascript:/i)
  return scripts.length
}

/** The headers every page of ours carries, over plain http (the tests' scheme). */
async function expectPageHeaders(res: Response, label: string, referrerPolicy: string) {
  expect(res.headers.get('content-type'), label).toMatch(/^text\/html/)
  const policy = parseCsp(res.headers.get('content-security-policy'))
  expect(policy.get('default-src'), label).toEqual(["'none'"])
  expect(policy.get('frame-ancestors'), label).toEqual(["'none'"])
  expect(policy.get('base-uri'), label).toEqual(["'none'"])
  expect(policy.get('form-action'), label).toEqual(["'self'"])
  expect(res.headers.get('x-frame-options'), label).toBe('DENY')
  expect(res.headers.get('x-content-type-options'), label).toBe('nosniff')
  expect(res.headers.get('referrer-policy'), label).toBe(referrerPolicy)
  expect(res.headers.get('strict-transport-security'), label).toBeNull()
  return policy
}

const PUBLIC = 'strict-origin-when-cross-origin'
const PRIVATE = 'no-referrer'

let incidentId: string

beforeAll(async () => {
  const component = await makeComponent()
  const incident = await makeIncident({ components: { [component.id]: 'partial_outage' } })
  incidentId = incident.id
})

/** One request per kind of HTML page: [what it is, the response, the Referrer-Policy it has]. */
async function everyPageKind(): Promise<[string, Response, string][]> {
  const get = (path: string) => call('GET', path, { token: null })
  const email = uniqueEmail()
  const { managePath } = await confirmedSubscriber({ email })
  const pending = uniqueEmail()
  expect((await subscribeApi({ email: pending })).status).toBe(202)
  const [confirmMail] = await waitForMail(pending)
  const [row] = await subscriberRows(email)
  const link = await issueLinkToken(
    env.DB,
    row!.id as string,
    'unsubscribe',
    'http://candor.test',
    new Date(),
  )
  await link.statement.run()
  const unsubscribePath = new URL(link.url).pathname
  return [
    ['status page', await get('/'), PUBLIC],
    ['incident page', await get(`/incidents/${incidentId}`), PUBLIC],
    ['history', await get('/history'), PUBLIC],
    ['subscribe page', await get('/subscribe'), PUBLIC],
    ['check your inbox', await postForm('/subscribe', { email: uniqueEmail() }), PRIVATE],
    ['confirm page', await get(linkPath(confirmMail!, 'confirm')), PRIVATE],
    ['manage page', await get(managePath), PRIVATE],
    ['unsubscribe page', await get(unsubscribePath), PRIVATE],
    ['unknown link', await get('/subscriptions/manage/no-such-token'), PRIVATE],
    ['answer link problem', await get('/resolution/no-such-token'), PRIVATE],
    ['reopen link problem', await get('/reopen/no-such-token'), PRIVATE],
    ['reported page', await postForm(`/incidents/${incidentId}/affected`, {}), PRIVATE],
    [
      'refused form',
      await postForm('/subscribe', { email: uniqueEmail() }, { origin: 'https://evil.example' }),
      PRIVATE,
    ],
    ['unknown incident', await get('/incidents/nosuchincident'), PUBLIC],
    ['404 page', await get('/no/such/page'), PUBLIC],
  ]
}

describe('headers on every page', () => {
  it('every page kind has the policy, refuses framing, and has no inline code the policy does not list', async () => {
    const pages = await everyPageKind()
    const statuses = Object.fromEntries(pages.map(([label, res]) => [label, res.status]))
    expect(statuses).toMatchObject({
      'status page': 200,
      'incident page': 200,
      'manage page': 200,
      'reported page': 200,
      'refused form': 403,
      'unknown incident': 404,
      '404 page': 404,
    })
    for (const [label, res, referrerPolicy] of pages) {
      const policy = await expectPageHeaders(res, label, referrerPolicy)
      const html = await res.text()
      const inlineScripts = await expectHtmlCoveredByPolicy(html, policy)
      // No page has an inline script; those in the layout load the local time script, ours.
      expect(inlineScripts, label).toBe(0)
      expect(policy.get('script-src'), label).toEqual(["'self'"])
      if (html.includes('class="site-header"')) {
        expect(html, label).toContain('<script src="/local-time.js" defer="">')
      }
    }
  })

  it('a 304 from the render cache carries the same headers', async () => {
    const first = await call('GET', '/', { token: null })
    const etag = first.headers.get('etag')
    expect(etag).toBeTruthy()
    const again = await call('GET', '/', { token: null, headers: { 'if-none-match': etag! } })
    expect(again.status).toBe(304)
    for (const name of ['content-security-policy', 'x-frame-options', 'x-content-type-options']) {
      expect(again.headers.get(name), name).toBe(first.headers.get(name))
    }
  })

  it('/embed may be framed by any site, under its own policy: its script ours, its style hashed', async () => {
    const res = await call('GET', '/embed', { token: null })
    expect(res.status).toBe(200)
    const policy = parseCsp(res.headers.get('content-security-policy'))
    expect(policy.get('frame-ancestors')).toEqual(['*'])
    expect(policy.get('default-src')).toEqual(["'none'"])
    expect(res.headers.get('x-frame-options')).toBeNull()
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe(PUBLIC)
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    const html = await res.text()
    expect(await expectHtmlCoveredByPolicy(html, policy)).toBe(0)
    expect(policy.get('script-src')).toEqual(["'self'"])
    expect(html).toContain('<script src="/local-time.js" defer="">')
    expect(inlineElements(html, 'style')).toHaveLength(1)
    // The status page's policy would refuse the embed's inline style: the policies differ.
    const page = parseCsp(
      (await call('GET', '/', { token: null })).headers.get('content-security-policy'),
    )
    expect(page.get('style-src')).not.toEqual(policy.get('style-src'))
  })

  it('Strict-Transport-Security only over https', async () => {
    const overHttps = await exports.default.fetch(new Request('https://candor.test/'))
    expect(overHttps.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/)
    const embed = await exports.default.fetch(new Request('https://candor.test/embed'))
    expect(embed.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/)
    const overHttp = await exports.default.fetch(new Request('http://candor.test/'))
    expect(overHttp.headers.get('strict-transport-security')).toBeNull()
  })

  it('JSON answers are nosniff; what other sites load stays open to them', async () => {
    for (const path of ['/api/v2/summary.json', '/widget.json']) {
      const res = await call('GET', path, {
        token: null,
        headers: { origin: 'https://shop.example' },
      })
      expect(res.status, path).toBe(200)
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff')
      expect(res.headers.get('access-control-allow-origin'), path).toBe('*')
      expect(res.headers.get('cross-origin-resource-policy'), path).toBe('cross-origin')
    }
    const badge = await call('GET', '/badge.svg', { token: null })
    expect(badge.headers.get('content-type')).toMatch(/^image\/svg\+xml/)
    expect(badge.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    expect(badge.headers.get('x-content-type-options')).toBe('nosniff')
    const admin = await call('GET', '/api/v1/components')
    expect(admin.status).toBe(200)
    expect(admin.headers.get('x-content-type-options')).toBe('nosniff')
    expect(admin.headers.get('cross-origin-resource-policy')).toBe('same-origin')
  })
})

describe('form posts (hono/csrf)', () => {
  it('a browser on our page passes by Sec-Fetch-Site even with Origin: null (no-referrer pages)', async () => {
    const email = uniqueEmail()
    const { managePath } = await confirmedSubscriber({ email })
    const crossSite = await postForm(
      managePath,
      { action: 'leave' },
      { 'sec-fetch-site': 'cross-site' },
    )
    expect(crossSite.status).toBe(403)
    const nullCrossSite = await postForm(
      managePath,
      { action: 'leave' },
      { origin: 'null', 'sec-fetch-site': 'cross-site' },
    )
    expect(nullCrossSite.status).toBe(403)
    expect((await subscriberRows(email))[0]).toMatchObject({ status: 'active' })
    const ours = await postForm(
      managePath,
      { action: 'leave' },
      { origin: 'null', 'sec-fetch-site': 'same-origin' },
    )
    expect(ours.status).toBe(200)
    expect((await subscriberRows(email))[0]).toMatchObject({ status: 'unsubscribed' })
  })

  it('accepts PUBLIC_URL’s origin as well as the request’s own, and no other', async () => {
    const app = createApp()
    const appEnv = { ...env, PUBLIC_URL: 'https://status.candor.test' }
    const post = async (origin: string) => {
      const ctx = createExecutionContext()
      const res = await app.fetch(
        new Request(`http://candor.test/incidents/${incidentId}/affected`, {
          method: 'POST',
          headers: { origin, 'cf-connecting-ip': crypto.randomUUID() },
          body: new URLSearchParams({}),
        }),
        appEnv,
        ctx,
      )
      await waitOnExecutionContext(ctx)
      return res.status
    }
    expect(await post('https://status.candor.test')).toBe(200)
    expect(await post('http://candor.test')).toBe(200)
    expect(await post('https://other.candor.test')).toBe(403)
  })

  it('RFC 8058 one-click unsubscribe passes from a mail provider, with or without headers', async () => {
    const mailProviders: Record<string, string>[] = [
      {},
      { origin: 'https://mail.example' },
      { 'sec-fetch-site': 'cross-site' },
    ]
    for (const headers of mailProviders) {
      const email = uniqueEmail()
      await confirmedSubscriber({ email })
      const [row] = await subscriberRows(email)
      const link = await issueLinkToken(
        env.DB,
        row!.id as string,
        'unsubscribe',
        'http://candor.test',
        new Date(),
      )
      await link.statement.run()
      const res = await postForm(
        new URL(link.url).pathname,
        { 'List-Unsubscribe': 'One-Click' },
        headers,
      )
      expect(res.status, JSON.stringify(headers)).toBe(200)
      expect((await subscriberRows(email))[0]).toMatchObject({ status: 'unsubscribed' })
    }
  })
})
