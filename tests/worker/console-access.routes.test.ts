import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test'
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/app'
import { cookieOf, csrfOf, invite, ORIGIN, SAME_ORIGIN } from './console-helpers'
import { rows } from './factories'
import { receiverUrl } from './harness'
import { uniqueEmail } from './subscriptions-helpers'

/**
 * Cloudflare Access in front of the console: the test receiver plays the team domain, serving
 * the public key at /cdn-cgi/access/certs; assertions are signed with its private key. It is
 * reached as `localhost`, whose key set is this file's alone (the receiver keeps one per Host).
 */
const TEAM = receiverUrl.replace('127.0.0.1', 'localhost')
const AUD = 'console-access-test-aud-0f1e2d3c4b5a69788796a5b4c3d2e1f0'
const accessEnv = { ...env, ACCESS_TEAM_DOMAIN: TEAM, ACCESS_AUD: AUD }

const app = createApp()
let privateKey: CryptoKey

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true })
  privateKey = pair.privateKey
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'console-key', use: 'sig' }
  await fetch(`${TEAM}/control/access-certs`, {
    method: 'PUT',
    body: JSON.stringify({ keys: [jwk] }),
  })
})

async function assertion(email: string, claims: JWTPayload = {}): Promise<string> {
  return new SignJWT({
    email,
    iss: TEAM,
    aud: [AUD],
    iat: Math.floor(Date.now() / 1000),
    exp: Math.floor(Date.now() / 1000) + 300,
    ...claims,
  })
    .setProtectedHeader({ alg: 'RS256', kid: 'console-key' })
    .sign(privateKey)
}

/** A request through Access (the assertion header), to the Worker with Access configured. */
async function viaAccess(
  path: string,
  options: {
    jwt?: string
    cookie?: string
    method?: 'GET' | 'POST'
    form?: Record<string, string>
  } = {},
): Promise<Response> {
  const headers: Record<string, string> = {}
  if (options.jwt) headers['Cf-Access-Jwt-Assertion'] = options.jwt
  if (options.cookie) headers.cookie = options.cookie
  let body: string | undefined
  if (options.method === 'POST') {
    Object.assign(headers, SAME_ORIGIN, { 'content-type': 'application/x-www-form-urlencoded' })
    body = new URLSearchParams(options.form ?? {}).toString()
  }
  const ctx = createExecutionContext()
  const res = await app.fetch(
    new Request(`${ORIGIN}${path}`, {
      method: options.method ?? 'GET',
      headers,
      body,
      redirect: 'manual',
    }),
    accessEnv,
    ctx,
  )
  await waitOnExecutionContext(ctx)
  return res
}

async function sessionsOf(memberId: string): Promise<number> {
  const [row] = await rows<{ n: number }>(
    'SELECT COUNT(*) AS n FROM sessions WHERE member_id = ?',
    memberId,
  )
  return row!.n
}

describe('Cloudflare Access sign-in to the console', () => {
  it('signs a member in: a session and its cookie, so forms work; an invited member becomes active', async () => {
    const member = await invite('editor', uniqueEmail('access'))
    expect(member.status).toBe('invited')
    const jwt = await assertion(member.email.toUpperCase())

    const first = await viaAccess('/console', { jwt })
    expect(first.status).toBe(200)
    const html = await first.text()
    expect(html).toContain(member.email)
    expect(html).toContain('role <strong>editor</strong>')
    const cookie = cookieOf(first)
    expect(cookie).toMatch(/^candor_session=/)
    const [row] = await rows<{ status: string; last_sign_in_at: string | null }>(
      'SELECT status, last_sign_in_at FROM members WHERE id = ?',
      member.id,
    )
    expect(row!.status).toBe('active')
    expect(row!.last_sign_in_at).not.toBeNull()
    expect(await sessionsOf(member.id)).toBe(1)

    // With its cookie, the next request keeps that session (no new one per request).
    const second = await viaAccess('/console/account', { jwt, cookie })
    expect(second.status).toBe(200)
    expect(second.headers.get('set-cookie')).toBeNull()
    expect(await sessionsOf(member.id)).toBe(1)

    // The session's form token works: signing out everywhere is a form.
    const csrf = csrfOf(await second.text())
    const out = await viaAccess('/console/sign-out-everywhere', {
      jwt,
      cookie,
      method: 'POST',
      form: { csrf },
    })
    expect(out.status).toBe(303)
    expect(await sessionsOf(member.id)).toBe(0)
  })

  it('a verified person who is not a member gets a readable 403 page', async () => {
    const res = await viaAccess('/console', { jwt: await assertion(uniqueEmail('stranger')) })
    expect(res.status).toBe(403)
    const html = await res.text()
    expect(html).toContain('You are not a member of this console')
    expect(html).toContain('Ask an owner to invite you')
    expect(res.headers.get('set-cookie')).toBeNull()
  })

  it('an assertion that does not verify is ignored: the usual sign-in', async () => {
    const member = await invite('viewer', uniqueEmail('forged'))
    const wrongAud = await assertion(member.email, { aud: ['another-application'] })
    const expired = await assertion(member.email, {
      exp: Math.floor(Date.now() / 1000) - 60,
    })
    for (const jwt of [wrongAud, expired, 'not-a-jwt']) {
      const res = await viaAccess('/console', { jwt })
      expect(res.status).toBe(303)
      expect(res.headers.get('location')).toBe('/console/sign-in')
      expect(res.headers.get('set-cookie')).toBeNull()
    }
    expect(await sessionsOf(member.id)).toBe(0)
  })

  it('without ACCESS_* set, a valid assertion signs nobody in', async () => {
    const member = await invite('viewer', uniqueEmail('unset'))
    const ctx = createExecutionContext()
    const res = await app.fetch(
      new Request(`${ORIGIN}/console`, {
        headers: { 'Cf-Access-Jwt-Assertion': await assertion(member.email) },
        redirect: 'manual',
      }),
      env,
      ctx,
    )
    await waitOnExecutionContext(ctx)
    expect(res.status).toBe(303)
    expect(await sessionsOf(member.id)).toBe(0)
  })
})
