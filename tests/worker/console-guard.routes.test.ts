import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { consoleRoutes } from '../../src/routes/console'
import { CONSOLE_NAV } from '../../src/views/console/nav'
import { browser, FOREIGN_ORIGIN, SAME_ORIGIN, signedInMember, withCsrf } from './console-helpers'
import { tableCounts } from './factories'

/**
 * Every console route, walked from the router itself: a route added later is covered without
 * anyone remembering to list it. Signed out, a screen sends people to the sign-in page and a
 * form is refused; with a session, a form from another origin or without the session's form
 * token is refused; a viewer's forged form is refused on every write but the few any member
 * may make for themselves. Refused means 403 and nothing written.
 */

/** Forms with no session yet: the sign-in form and the link buttons (origin check only). */
const BEFORE_SESSION = new Set(['/sign-in', '/sign-in/:token'])
/** What any member may post for themselves, whatever their role. */
const ANY_MEMBER_MAY = [/^\/sign-out/, /^\/account\//, /^\/passkeys\//]

function routesOf(method: string) {
  const seen = new Set<string>()
  for (const route of consoleRoutes.routes) {
    if (route.method !== method || route.path.endsWith('*')) continue
    if (BEFORE_SESSION.has(route.path)) continue
    seen.add(route.path)
  }
  return [...seen].map((path) => ({
    path,
    url: `/console${path === '/' ? '' : path.replace(/:[A-Za-z_]+/g, 'nosuchid')}`,
  }))
}

async function written() {
  const audit = await env.DB.prepare('SELECT COUNT(*) AS n FROM audit_log').first<{ n: number }>()
  const sessions = await env.DB.prepare('SELECT COUNT(*) AS n FROM sessions').first<{ n: number }>()
  const members = await env.DB.prepare('SELECT COUNT(*) AS n FROM members').first<{ n: number }>()
  return { ...(await tableCounts()), audit: audit!.n, sessions: sessions!.n, members: members!.n }
}

let editor: Awaited<ReturnType<typeof signedInMember>> & { csrf: string }
let viewer: Awaited<ReturnType<typeof signedInMember>> & { csrf: string }

beforeAll(async () => {
  editor = await withCsrf(await signedInMember('editor'))
  viewer = await withCsrf(await signedInMember('viewer'))
})

describe('every console route', () => {
  const posts = routesOf('POST')
  const gets = routesOf('GET')

  it('has screens and forms to walk', () => {
    expect(gets.map((r) => r.path)).toContain('/')
    expect(posts.map((r) => r.path)).toContain('/sign-out')
  })

  it('signed out: a screen goes to the sign-in page, a form is refused', async () => {
    for (const route of gets) {
      const res = await browser('GET', route.url)
      expect([route.path, res.status, res.headers.get('location')]).toEqual([
        route.path,
        303,
        '/console/sign-in',
      ])
    }
    const before = await written()
    for (const route of posts) {
      const res = await browser('POST', route.url, { headers: SAME_ORIGIN, form: {} })
      expect([route.path, res.status]).toEqual([route.path, 403])
    }
    expect(await written()).toEqual(before)
  })

  it("a form from another origin, or without the session's form token, is refused", async () => {
    const before = await written()
    for (const route of posts) {
      const foreign = await browser('POST', route.url, {
        cookie: editor.cookie,
        headers: FOREIGN_ORIGIN,
        form: { csrf: editor.csrf },
      })
      expect([route.path, foreign.status]).toEqual([route.path, 403])
      const tokenless = await browser('POST', route.url, {
        cookie: editor.cookie,
        headers: SAME_ORIGIN,
        form: {},
      })
      expect([route.path, tokenless.status]).toEqual([route.path, 403])
      const otherToken = await browser('POST', route.url, {
        cookie: editor.cookie,
        headers: SAME_ORIGIN,
        form: { csrf: viewer.csrf },
      })
      expect([route.path, otherToken.status]).toEqual([route.path, 403])
    }
    expect(await written()).toEqual(before)
  })

  it("a viewer's forged form is refused on every write but their own account", async () => {
    const before = await written()
    for (const route of posts) {
      if (ANY_MEMBER_MAY.some((pattern) => pattern.test(route.path))) continue
      const res = await browser('POST', route.url, {
        cookie: viewer.cookie,
        headers: SAME_ORIGIN,
        form: { csrf: viewer.csrf },
      })
      expect([route.path, res.status]).toEqual([route.path, 403])
      expect(await res.text()).toContain('Your role does not allow this')
    }
    expect(await written()).toEqual(before)
  })

  it('owner screens are refused to editors; the navigation shows each member only their screens', async () => {
    for (const entry of CONSOLE_NAV.filter((e) => e.role === 'owner')) {
      const res = await browser('GET', entry.href, { cookie: editor.cookie })
      // A screen not built yet answers 404; a built one must refuse the editor.
      if (res.status !== 404) expect([entry.href, res.status]).toEqual([entry.href, 403])
    }
    // And a screen's role rule does not leak onto the screens mounted after it.
    for (const entry of CONSOLE_NAV.filter((e) => e.role !== 'owner')) {
      const res = await browser('GET', entry.href, { cookie: editor.cookie })
      if (res.status !== 404) expect([entry.href, res.status]).toEqual([entry.href, 200])
    }
    for (const entry of CONSOLE_NAV.filter((e) => e.role === 'viewer')) {
      const res = await browser('GET', entry.href, { cookie: viewer.cookie })
      if (res.status !== 404) expect([entry.href, res.status]).toEqual([entry.href, 200])
    }
    const page = await (await browser('GET', '/console', { cookie: viewer.cookie })).text()
    for (const entry of CONSOLE_NAV) {
      const shown = page.includes(`href="${entry.href}"`)
      expect([entry.href, shown]).toEqual([entry.href, entry.role === 'viewer'])
    }
  })
})
