import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { inOneRateWindow } from './rate-window'
import { rows } from './factories'
import {
  askForLink,
  browser,
  consoleLinkPath,
  cookieOf,
  csrfOf,
  followLatestLink,
  FOREIGN_ORIGIN,
  invite,
  SAME_ORIGIN,
  sessionCount,
  signedInMember,
} from './console-helpers'
import { mailAfterQuiet, uniqueEmail, waitForMail } from './subscriptions-helpers'

async function consoleHtml(cookie: string): Promise<string> {
  const res = await browser('GET', '/console', { cookie })
  expect(res.status).toBe(200)
  return res.text()
}

describe('/console signed out', () => {
  it('sends people to the sign-in page, which asks for an Email', async () => {
    const res = await browser('GET', '/console')
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/console/sign-in')
    const page = await browser('GET', '/console/sign-in')
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toMatch(/<label for="sign-in-email">Email<\/label>/)
    expect(html).toContain('<form method="post" action="/console/sign-in"')
    // Under the site's CSP: no inline styles; the page is never cached.
    expect(page.headers.get('content-security-policy')).toMatch(/style-src 'self'/)
    expect(html).not.toMatch(/\sstyle=/)
    expect(page.headers.get('cache-control')).toBe('no-store')
  })
})

describe('email-link sign-in', () => {
  it('mails a member a link; GET signs nobody in, POST sets the cookie and lands on /console', async () => {
    const member = await invite('viewer', uniqueEmail('signer'), 'Lin Example')
    await waitForMail(member.email, 1)
    const asked = await askForLink(member.email.toUpperCase())
    expect(asked.status).toBe(200)
    expect(await asked.text()).toContain('Check your inbox')

    const mails = await waitForMail(member.email, 2)
    const signInMail = mails.find((m) => m.subject.startsWith('Sign in'))!
    expect(signInMail).toBeDefined()
    const path = consoleLinkPath(signInMail)
    const [link] = await rows<{ purpose: string; created_at: string; expires_at: string }>(
      `SELECT purpose, created_at, expires_at FROM member_links WHERE member_id = ?
       AND purpose = 'sign_in'`,
      member.id,
    )
    expect(Date.parse(link!.expires_at) - Date.parse(link!.created_at)).toBe(15 * 60_000)

    // A mail scanner opening the link: a button, no cookie, no session, still invited.
    const opened = await browser('GET', path)
    expect(opened.status).toBe(200)
    expect(opened.headers.get('set-cookie')).toBeNull()
    const openedHtml = await opened.text()
    expect(openedHtml).toContain('<form method="post">')
    expect(openedHtml).toContain(member.email)
    expect(await sessionCount(member.id)).toBe(0)
    expect((await rows('SELECT status FROM members WHERE id = ?', member.id))[0]).toEqual({
      status: 'invited',
    })

    const signed = await browser('POST', path, { headers: SAME_ORIGIN })
    expect(signed.status).toBe(303)
    expect(signed.headers.get('location')).toBe('/console')
    const setCookie = signed.headers.get('set-cookie')!
    expect(setCookie).toMatch(/^candor_session=[A-Za-z0-9_-]{40,};/)
    expect(setCookie).toMatch(/HttpOnly/)
    expect(setCookie).toMatch(/SameSite=Lax/)
    expect(await sessionCount(member.id)).toBe(1)
    // Only the token's hash is stored.
    const token = cookieOf(signed).split('=')[1]!
    const stored = await rows<{ token_hash: string }>(
      'SELECT token_hash FROM sessions WHERE member_id = ?',
      member.id,
    )
    expect(stored[0]!.token_hash).not.toBe(token)

    const html = await consoleHtml(cookieOf(signed))
    expect(html).toContain('Lin Example')
    expect(html).toContain(member.email)
    expect(html).toMatch(/role <strong>viewer<\/strong>/)
    expect(html).toContain('action="/console/sign-out"')
    const account = await browser('GET', '/console/account', { cookie: cookieOf(signed) })
    expect(await account.text()).toContain('action="/console/sign-out-everywhere"')
    expect((await rows('SELECT status FROM members WHERE id = ?', member.id))[0]).toEqual({
      status: 'active',
    })
  })

  it('answers a non-member with the same page and mails nothing', async () => {
    const member = await signedInMember('editor')
    const stranger = uniqueEmail('stranger')
    const pages: string[] = []
    for (const email of [member.email, stranger]) {
      const res = await askForLink(email)
      expect(res.status).toBe(200)
      pages.push((await res.text()).replace(email, 'ADDRESS'))
    }
    expect(pages[1]).toBe(pages[0])
    expect(await waitForMail(member.email, 2)).toHaveLength(2)
    expect(await mailAfterQuiet(stranger)).toHaveLength(0)
    expect(
      await rows('SELECT id FROM transactional_mail WHERE recipient = ? COLLATE NOCASE', stranger),
    ).toEqual([])
  })

  it('sends a member at most 5 sign-in links in 15 minutes, answering the same page', async () => {
    const member = await signedInMember('viewer')
    const pages = new Set<string>()
    for (let i = 0; i < 7; i++) {
      const res = await askForLink(member.email)
      expect(res.status).toBe(200)
      pages.add(await res.text())
    }
    expect(pages.size).toBe(1)
    const links = await rows(
      "SELECT token_hash FROM member_links WHERE member_id = ? AND purpose = 'sign_in'",
      member.id,
    )
    expect(links).toHaveLength(5)
    // The invitation and five sign-in links.
    expect(await waitForMail(member.email, 6)).toHaveLength(6)
    expect(await mailAfterQuiet(member.email)).toHaveLength(6)
  })

  it('refuses a form from another site (403) and a malformed address (400), writing nothing', async () => {
    const member = await signedInMember('editor')
    const before = await rows('SELECT token_hash FROM member_links WHERE member_id = ?', member.id)
    expect((await askForLink(member.email, FOREIGN_ORIGIN)).status).toBe(403)
    expect((await askForLink('not-an-address')).status).toBe(400)
    expect(
      await rows('SELECT token_hash FROM member_links WHERE member_id = ?', member.id),
    ).toEqual(before)
  })

  it('links work once (then 409), expire (410), and unknown ones are 404, each offering a new link', async () => {
    const member = await invite('editor')
    const [mail] = await waitForMail(member.email)
    const path = consoleLinkPath(mail!)
    expect((await browser('POST', path, { headers: SAME_ORIGIN })).status).toBe(303)
    for (const method of ['GET', 'POST'] as const) {
      const again = await browser(method, path, { headers: SAME_ORIGIN })
      expect(again.status).toBe(409)
      expect(again.headers.get('set-cookie')).toBeNull()
      expect(await again.text()).toContain('href="/console/sign-in"')
    }
    expect(await sessionCount(member.id)).toBe(1)

    await askForLink(member.email)
    const fresh = consoleLinkPath((await waitForMail(member.email, 2)).at(-1)!)
    await env.DB.prepare(
      "UPDATE member_links SET expires_at = ? WHERE member_id = ? AND purpose = 'sign_in'",
    )
      .bind(new Date(Date.now() - 1000).toISOString(), member.id)
      .run()
    for (const method of ['GET', 'POST'] as const) {
      const expired = await browser(method, fresh, { headers: SAME_ORIGIN })
      expect(expired.status).toBe(410)
      expect(await expired.text()).toContain('href="/console/sign-in"')
    }
    expect(await sessionCount(member.id)).toBe(1)
    expect((await browser('GET', '/console/sign-in/nosuchtoken')).status).toBe(404)
    expect(
      (await browser('POST', '/console/sign-in/nosuchtoken', { headers: SAME_ORIGIN })).status,
    ).toBe(404)
  })

  it('sets a __Host- prefixed, Secure cookie on https', async () => {
    const member = await invite('viewer')
    const [mail] = await waitForMail(member.email)
    const res = await browser('POST', consoleLinkPath(mail!), {
      base: 'https://candor.test',
      headers: { origin: 'https://candor.test' },
    })
    expect(res.status).toBe(303)
    const setCookie = res.headers.get('set-cookie')!
    expect(setCookie).toMatch(/^__Host-candor_session=/)
    expect(setCookie).toMatch(/Secure/)
    expect(setCookie).toMatch(/Path=\//)
    const page = await browser('GET', '/console', {
      base: 'https://candor.test',
      cookie: cookieOf(res),
    })
    expect(page.status).toBe(200)
    // The plain-http name is not read on https.
    const plain = cookieOf(res).replace('__Host-', '')
    expect(
      (await browser('GET', '/console', { base: 'https://candor.test', cookie: plain })).status,
    ).toBe(303)
  })
})

describe('sessions', () => {
  it('end after 12 hours unused and 7 days after sign-in', async () => {
    const member = await signedInMember('viewer')
    await consoleHtml(member.cookie)
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString()
    await env.DB.prepare('UPDATE sessions SET last_seen_at = ? WHERE member_id = ?')
      .bind(hoursAgo(11), member.id)
      .run()
    await consoleHtml(member.cookie)
    await env.DB.prepare('UPDATE sessions SET last_seen_at = ? WHERE member_id = ?')
      .bind(hoursAgo(12.1), member.id)
      .run()
    expect((await browser('GET', '/console', { cookie: member.cookie })).status).toBe(303)

    const other = await signedInMember('viewer')
    await consoleHtml(other.cookie)
    await env.DB.prepare('UPDATE sessions SET expires_at = ? WHERE member_id = ?')
      .bind(hoursAgo(0.01), other.id)
      .run()
    expect((await browser('GET', '/console', { cookie: other.cookie })).status).toBe(303)
  })

  it('sign out ends this session; sign out everywhere ends them all', async () => {
    const member = await signedInMember('editor')
    await askForLink(member.email)
    const second = await followLatestLink(member.email, 2)
    await askForLink(member.email)
    const third = await followLatestLink(member.email, 3)
    expect(await sessionCount(member.id)).toBe(3)

    const out = await browser('POST', '/console/sign-out', {
      cookie: member.cookie,
      form: { csrf: csrfOf(await consoleHtml(member.cookie)) },
      headers: SAME_ORIGIN,
    })
    expect(out.status).toBe(303)
    expect(out.headers.get('location')).toBe('/console/sign-in')
    expect(out.headers.get('set-cookie')).toMatch(/^candor_session=;/)
    expect((await browser('GET', '/console', { cookie: member.cookie })).status).toBe(303)
    expect(await sessionCount(member.id)).toBe(2)
    await consoleHtml(third)

    const everywhere = await browser('POST', '/console/sign-out-everywhere', {
      cookie: second,
      form: { csrf: csrfOf(await consoleHtml(second)) },
      headers: SAME_ORIGIN,
    })
    expect(everywhere.status).toBe(303)
    expect(await sessionCount(member.id)).toBe(0)
    for (const cookie of [second, third]) {
      expect((await browser('GET', '/console', { cookie })).status).toBe(303)
    }
  })

  it('refuses a console POST without the session CSRF token or from another origin: 403, nothing written', async () => {
    const member = await signedInMember('owner')
    const other = await signedInMember('owner')
    const csrf = csrfOf(await consoleHtml(member.cookie))
    const otherCsrf = csrfOf(await consoleHtml(other.cookie))
    expect(otherCsrf).not.toBe(csrf)
    const attempts: Parameters<typeof browser>[2][] = [
      { form: {}, headers: SAME_ORIGIN },
      { form: { csrf: 'wrong' }, headers: SAME_ORIGIN },
      { form: { csrf: otherCsrf }, headers: SAME_ORIGIN },
      { form: { csrf }, headers: FOREIGN_ORIGIN },
      { form: { csrf }, headers: { 'sec-fetch-site': 'cross-site' } },
      { form: { csrf } },
      { form: { csrf }, headers: { ...SAME_ORIGIN, 'content-type': 'text/plain' } },
    ]
    for (const path of ['/console/sign-out', '/console/sign-out-everywhere']) {
      for (const attempt of attempts) {
        const res = await browser('POST', path, { ...attempt, cookie: member.cookie })
        expect(res.status, `${path} ${JSON.stringify(attempt)}`).toBe(403)
        expect(res.headers.get('set-cookie')).toBeNull()
      }
      // Without a session at all.
      expect((await browser('POST', path, { form: { csrf }, headers: SAME_ORIGIN })).status).toBe(
        403,
      )
    }
    expect(await sessionCount(member.id)).toBe(1)
    expect(await sessionCount(other.id)).toBe(1)
    await consoleHtml(member.cookie)
    // The right token from our own origin does sign out.
    const ok = await browser('POST', '/console/sign-out', {
      cookie: member.cookie,
      form: { csrf },
      headers: SAME_ORIGIN,
    })
    expect(ok.status).toBe(303)
    expect(await sessionCount(member.id)).toBe(0)
  })
})

describe('the sign-in form from one network', () => {
  it('is limited like other lookups: 429 as a page, with Retry-After, and no mail', async () => {
    await inOneRateWindow()
    const headers = { ...SAME_ORIGIN, 'cf-connecting-ip': '198.51.100.77' }
    const statuses: number[] = []
    for (let i = 0; i < 31; i++) {
      statuses.push((await askForLink(uniqueEmail('nobody'), headers)).status)
    }
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true)
    const member = await invite('viewer')
    await waitForMail(member.email, 1)
    const limited = await askForLink(member.email, headers)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('60')
    expect(limited.headers.get('content-type')).toMatch(/^text\/html/)
    // Only the invitation: the refused request sent no link.
    expect(await mailAfterQuiet(member.email)).toHaveLength(1)
    // Another network is not affected.
    const other = await askForLink(member.email, {
      ...SAME_ORIGIN,
      'cf-connecting-ip': '198.51.100.78',
    })
    expect(other.status).toBe(200)
  })
})
