import { Hono } from 'hono'
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type JWTPayload } from 'jose'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { AppBindings } from '../../src/app-types'
import { accessIdentity, type AccessSettings } from '../../src/domain/access-identity'
import type { AppEnv } from '../../src/env'
import { accessSignIn } from '../../src/middleware/access-sign-in'
import { accessCertsFetches, receiverUrl, serveAccessCerts } from './harness'

/** The receiver plays the team domain: its /cdn-cgi/access/certs serves the keys we put there. */
const TEAM = receiverUrl
const AUD = 'b1d2c3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2'
const settings: AccessSettings = { teamDomain: TEAM, aud: AUD, allowHttp: true }

interface TeamKey {
  kid: string
  /** The private key as a JWK, so it can sign with any RSA algorithm. */
  privateJwk: JWK
  /**
   * The public JWK as served. Like Cloudflare's it carries `kid` and `use`; it has no `alg`,
   * so only Candor's own RS256-only rule keeps an RS512 or PS256 signature by it out.
   */
  jwk: object
}

async function teamKey(kid: string): Promise<TeamKey> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true })
  const jwk = { ...(await exportJWK(publicKey)), kid, use: 'sig' }
  return { kid, privateJwk: await exportJWK(privateKey), jwk }
}

/** An assertion as Access signs it, with `claims` and header fields overriding the defaults. */
async function assertion(
  key: TeamKey,
  claims: JWTPayload = {},
  header: { alg?: string; kid?: string } = {},
): Promise<string> {
  const alg = header.alg ?? 'RS256'
  return new SignJWT({
    email: 'Ada@Example.COM',
    iss: TEAM,
    aud: [AUD],
    iat: Math.floor(Date.now() / 1000),
    exp: Math.floor(Date.now() / 1000) + 300,
    ...claims,
  })
    .setProtectedHeader({ kid: key.kid, ...header, alg })
    .sign(await importJWK(key.privateJwk, alg))
}

function base64url(text: string): string {
  return btoa(text).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
}

let keyA: TeamKey

beforeAll(async () => {
  keyA = await teamKey('key-a')
  await serveAccessCerts([keyA.jwk])
})

afterEach(async () => {
  await serveAccessCerts([keyA.jwk])
})

describe('accessIdentity', () => {
  it('signs in the email of an assertion that verifies, lower-cased, from the header', async () => {
    const headers = new Headers({ 'Cf-Access-Jwt-Assertion': await assertion(keyA) })
    expect(await accessIdentity(headers, settings)).toEqual({ ok: true, email: 'ada@example.com' })
    // A team domain written with a trailing slash is the same team (iss has none).
    expect(await accessIdentity(headers, { ...settings, teamDomain: `${TEAM}/` })).toEqual({
      ok: true,
      email: 'ada@example.com',
    })
  })

  it('refuses an assertion for another Access application (aud)', async () => {
    const token = await assertion(keyA, { aud: ['another-application-aud'] })
    expect(await accessIdentity(token, settings)).toEqual({ ok: false, reason: 'invalid' })
  })

  it('refuses an assertion issued by another team (iss)', async () => {
    const token = await assertion(keyA, { iss: 'https://other-team.cloudflareaccess.com' })
    expect(await accessIdentity(token, settings)).toEqual({ ok: false, reason: 'invalid' })
  })

  it('refuses an expired assertion, and one without exp', async () => {
    const expired = await assertion(keyA, { exp: Math.floor(Date.now() / 1000) - 60 })
    expect(await accessIdentity(expired, settings)).toEqual({ ok: false, reason: 'invalid' })
    const fresh = await assertion(keyA)
    const later = new Date(Date.now() + 3600_000)
    expect(await accessIdentity(fresh, settings, later)).toEqual({ ok: false, reason: 'invalid' })
    const endless = await assertion(keyA, { exp: undefined })
    expect(await accessIdentity(endless, settings)).toEqual({ ok: false, reason: 'invalid' })
  })

  it('refuses an assertion that is not valid yet (nbf)', async () => {
    const token = await assertion(keyA, { nbf: Math.floor(Date.now() / 1000) + 600 })
    expect(await accessIdentity(token, settings)).toEqual({ ok: false, reason: 'invalid' })
  })

  it('refuses an assertion signed by a key the team did not publish', async () => {
    const stranger = await teamKey('key-a')
    expect(await accessIdentity(await assertion(stranger), settings)).toEqual({
      ok: false,
      reason: 'invalid',
    })
    const unknownKid = await teamKey('key-unknown')
    expect(await accessIdentity(await assertion(unknownKid), settings)).toEqual({
      ok: false,
      reason: 'invalid',
    })
  })

  it('accepts RS256 only: RS512, PS256, HS256 and none are refused', async () => {
    for (const alg of ['RS512', 'PS256']) {
      const token = await assertion(keyA, {}, { alg })
      expect(await accessIdentity(token, settings), alg).toEqual({ ok: false, reason: 'invalid' })
    }
    const hs256 = await new SignJWT({ email: 'ada@example.com', iss: TEAM, aud: [AUD] })
      .setProtectedHeader({ alg: 'HS256', kid: 'key-a' })
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('a shared secret nobody should accept here'))
    expect(await accessIdentity(hs256, settings)).toEqual({ ok: false, reason: 'invalid' })
    const payload = { email: 'ada@example.com', iss: TEAM, aud: [AUD], exp: 4102444800 }
    const none = `${base64url(JSON.stringify({ alg: 'none' }))}.${base64url(JSON.stringify(payload))}.`
    expect(await accessIdentity(none, settings)).toEqual({ ok: false, reason: 'invalid' })
  })

  it('refuses an assertion without an email claim', async () => {
    const token = await assertion(keyA, { email: undefined, common_name: 'service-token' })
    expect(await accessIdentity(token, settings)).toEqual({ ok: false, reason: 'invalid' })
  })

  it('tells a missing header from a garbage one', async () => {
    expect(await accessIdentity(new Headers(), settings)).toEqual({ ok: false, reason: 'missing' })
    const garbage = new Headers({ 'Cf-Access-Jwt-Assertion': 'not.a-jwt' })
    expect(await accessIdentity(garbage, settings)).toEqual({ ok: false, reason: 'invalid' })
  })

  it('picks up a rotated key (a new kid in the certs) once the refetch cooldown has passed', async () => {
    const quick = { ...settings, keyRefetchCooldownMs: 200 }
    expect(await accessIdentity(await assertion(keyA), quick)).toEqual({
      ok: true,
      email: 'ada@example.com',
    })
    const keyB = await teamKey('key-b')
    await serveAccessCerts([keyB.jwk])
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(await accessIdentity(await assertion(keyB), quick)).toEqual({
      ok: true,
      email: 'ada@example.com',
    })
    // The retired key is gone from the cached certs with the refetch.
    expect(await accessIdentity(await assertion(keyA), quick)).toEqual({
      ok: false,
      reason: 'invalid',
    })
  })

  it('refuses a plain-http or local team domain unless ALLOW_HTTP_WEBHOOKS, without fetching', async () => {
    const token = await assertion(keyA)
    const before = await accessCertsFetches()
    for (const teamDomain of [TEAM, 'https://127.0.0.1', 'https://candor.internal']) {
      expect(await accessIdentity(token, { ...settings, teamDomain, allowHttp: false })).toEqual({
        ok: false,
        reason: 'misconfigured',
      })
    }
    for (const teamDomain of ['not a url', `${TEAM}/teams/acme`, `${TEAM}/?team=acme`]) {
      expect(await accessIdentity(token, { ...settings, teamDomain })).toEqual({
        ok: false,
        reason: 'misconfigured',
      })
    }
    expect(await accessCertsFetches()).toBe(before)
  })

  it('does nothing without both settings', async () => {
    const token = await assertion(keyA)
    for (const partial of [{ teamDomain: TEAM }, { aud: AUD }, { teamDomain: ' ', aud: AUD }]) {
      expect(await accessIdentity(token, { allowHttp: true, ...partial })).toEqual({
        ok: false,
        reason: 'not_configured',
      })
    }
  })

  it('answers keys_unavailable, not invalid, when the certs cannot be fetched', async () => {
    const token = await assertion(keyA)
    // A cooldown no other test uses: its own key set, so the certs are fetched afresh.
    const fresh = { ...settings, keyRefetchCooldownMs: 29_999 }
    await serveAccessCerts([keyA.jwk], 503)
    expect(await accessIdentity(token, fresh)).toEqual({ ok: false, reason: 'keys_unavailable' })
    const closedPort = 'http://127.0.0.1:1'
    const elsewhere = await assertion(keyA, { iss: closedPort })
    expect(await accessIdentity(elsewhere, { ...settings, teamDomain: closedPort })).toEqual({
      ok: false,
      reason: 'keys_unavailable',
    })
  })
})

describe('accessSignIn middleware', () => {
  const app = new Hono<AppBindings>()
    .use(accessSignIn())
    .get('/', (c) => c.json({ accessEmail: c.var.accessEmail ?? null }))

  async function seen(token: string, env: Partial<AppEnv>): Promise<unknown> {
    const res = await app.request('/', { headers: { 'Cf-Access-Jwt-Assertion': token } }, env)
    expect(res.status).toBe(200)
    return ((await res.json()) as { accessEmail: string | null }).accessEmail
  }

  const configured = { ACCESS_TEAM_DOMAIN: TEAM, ACCESS_AUD: AUD, ALLOW_HTTP_WEBHOOKS: 'true' }

  it('sets accessEmail when Access is configured and the assertion verifies', async () => {
    expect(await seen(await assertion(keyA), configured)).toBe('ada@example.com')
  })

  it('leaves accessEmail unset for an assertion that does not verify', async () => {
    const token = await assertion(keyA, { aud: ['another-application-aud'] })
    expect(await seen(token, configured)).toBeNull()
  })

  it('does nothing when Access is not configured, even for a valid assertion', async () => {
    expect(await seen(await assertion(keyA), { ALLOW_HTTP_WEBHOOKS: 'true' })).toBeNull()
  })

  it('reads ALLOW_HTTP_WEBHOOKS: a plain-http team domain is refused without it', async () => {
    const { ALLOW_HTTP_WEBHOOKS: _, ...httpsOnly } = configured
    expect(await seen(await assertion(keyA), httpsOnly)).toBeNull()
  })
})
