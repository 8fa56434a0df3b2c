import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { rows } from './factories'
import {
  browser,
  FOREIGN_ORIGIN,
  SAME_ORIGIN,
  sessionCount,
  signedInMember,
} from './console-helpers'
import {
  challengeCount,
  forgedAnswer,
  script,
  storePasskey,
  withCsrf,
  type Member,
} from './console-passkey-helpers'

/**
 * Both passkey ceremonies' JSON steps, with their refusals. A full WebAuthn round trip is
 * proven in the browser test with Chromium's virtual authenticator.
 */

let editor: Member
let viewer: Member

beforeAll(async () => {
  editor = await withCsrf(await signedInMember('editor'))
  viewer = await withCsrf(await signedInMember('viewer'))
})

describe('adding a passkey: the JSON steps', () => {
  it('options for this member, bound to the host name, with a challenge kept once', async () => {
    const before = await challengeCount()
    const res = await script(
      '/console/passkeys/register/options',
      {},
      { cookie: viewer.cookie, headers: { ...SAME_ORIGIN, 'X-Candor-Csrf': viewer.csrf } },
    )
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const options = await res.json<any>()
    expect(options.rp).toEqual({ id: 'candor.test', name: expect.stringMatching(/ console$/) })
    expect(options.user.name).toBe(viewer.email)
    expect(options.authenticatorSelection.residentKey).toBe('required')
    expect(options.challenge).toMatch(/^[A-Za-z0-9_-]{20,}$/)
    expect(await challengeCount()).toBe(before + 1)
    const kept = await rows<{ purpose: string; member_id: string }>(
      'SELECT purpose, member_id FROM passkey_challenges WHERE member_id = ?',
      viewer.id,
    )
    expect(kept.at(-1)).toEqual({ purpose: 'register', member_id: viewer.id })
  })

  it('refused (403, no challenge kept) without a session, its token in the header, or our origin', async () => {
    const before = await challengeCount()
    const token = { 'X-Candor-Csrf': editor.csrf }
    const cases: [string, Parameters<typeof script>[2]][] = [
      ['no session', { headers: { ...SAME_ORIGIN, ...token } }],
      ['no header', { cookie: editor.cookie, headers: SAME_ORIGIN }],
      [
        'another token',
        { cookie: editor.cookie, headers: { ...SAME_ORIGIN, 'X-Candor-Csrf': viewer.csrf } },
      ],
      ['another origin', { cookie: editor.cookie, headers: { ...FOREIGN_ORIGIN, ...token } }],
      [
        'cross-site fetch',
        { cookie: editor.cookie, headers: { 'sec-fetch-site': 'cross-site', ...token } },
      ],
      ['null origin alone', { cookie: editor.cookie, headers: { origin: 'null', ...token } }],
      ['no origin at all', { cookie: editor.cookie, headers: token }],
    ]
    for (const [what, options] of cases) {
      const res = await script('/console/passkeys/register/options', {}, options)
      expect([what, res.status]).toEqual([what, 403])
    }
    expect(await challengeCount()).toBe(before)
    // Sec-Fetch-Site: same-origin is enough when the page sends `Origin: null` (no-referrer).
    const noReferrer = await script(
      '/console/passkeys/register/options',
      {},
      {
        cookie: editor.cookie,
        headers: { origin: 'null', 'sec-fetch-site': 'same-origin', ...token },
      },
    )
    expect(noReferrer.status).toBe(200)
  })

  it("verify refuses an answer to a sign-in challenge or to another member's, and a replay", async () => {
    const signIn = await (
      await script('/console/passkeys/sign-in/options', {}, { headers: SAME_ORIGIN })
    ).json<any>()
    const headers = { ...SAME_ORIGIN, 'X-Candor-Csrf': editor.csrf }
    const wrongPurpose = await script(
      '/console/passkeys/register/verify',
      { response: forgedAnswer(signIn.challenge, 'webauthn.create') },
      { cookie: editor.cookie, headers },
    )
    expect(wrongPurpose.status).toBe(400)
    expect((await wrongPurpose.json<any>()).error.message).toMatch(/expired or was already used/)

    const viewersOptions = await (
      await script(
        '/console/passkeys/register/options',
        {},
        { cookie: viewer.cookie, headers: { ...SAME_ORIGIN, 'X-Candor-Csrf': viewer.csrf } },
      )
    ).json<any>()
    const othersChallenge = await script(
      '/console/passkeys/register/verify',
      { response: forgedAnswer(viewersOptions.challenge, 'webauthn.create') },
      { cookie: editor.cookie, headers },
    )
    expect(othersChallenge.status).toBe(400)
    expect((await othersChallenge.json<any>()).error.message).toMatch(/expired or was already used/)

    const own = await (
      await script('/console/passkeys/register/options', {}, { cookie: editor.cookie, headers })
    ).json<any>()
    const forged = await script(
      '/console/passkeys/register/verify',
      { response: forgedAnswer(own.challenge, 'webauthn.create'), name: 'Forged' },
      { cookie: editor.cookie, headers },
    )
    expect(forged.status).toBe(400)
    expect((await forged.json<any>()).error.message).toMatch(/could not be verified/)
    const replay = await script(
      '/console/passkeys/register/verify',
      { response: forgedAnswer(own.challenge, 'webauthn.create'), name: 'Forged' },
      { cookie: editor.cookie, headers },
    )
    expect(replay.status).toBe(400)
    expect((await replay.json<any>()).error.message).toMatch(/expired or was already used/)
    expect(await rows("SELECT id FROM passkeys WHERE name = 'Forged'")).toEqual([])
  })
})

describe('signing in with a passkey: the JSON steps', () => {
  it('the sign-in page carries the passkey button, hidden until its script shows it', async () => {
    const html = await (await browser('GET', '/console/sign-in')).text()
    expect(html).toMatch(/<div class="passkey-sign-in" data-passkey-sign-in="" hidden="">/)
    expect(html).toContain('Sign in with a passkey')
    expect(html).toContain('<script src="/console-assets/vendor/simplewebauthn-browser.js"')
    expect(html).toContain('<script src="/console-assets/passkeys.js"')
    // The email form is still the page's first way in.
    expect(html).toContain('<form method="post" action="/console/sign-in"')
  })

  it('verify without the browser’s answer is a 400 that sets no cookie', async () => {
    for (const body of [{}, { response: 'nope' }, []]) {
      const res = await script('/console/passkeys/sign-in/verify', body, { headers: SAME_ORIGIN })
      expect(res.status).toBe(400)
      expect((await res.json<any>()).error.code).toBe('bad_request')
      expect(res.headers.get('set-cookie')).toBeNull()
    }
  })

  it('options for any discoverable passkey of this host, from our own pages only', async () => {
    const before = await challengeCount()
    const res = await script('/console/passkeys/sign-in/options', {}, { headers: SAME_ORIGIN })
    expect(res.status).toBe(200)
    const options = await res.json<any>()
    expect(options.rpId).toBe('candor.test')
    expect(options.allowCredentials ?? []).toEqual([])
    expect(await challengeCount()).toBe(before + 1)

    const foreign = await script(
      '/console/passkeys/sign-in/options',
      {},
      { headers: FOREIGN_ORIGIN },
    )
    expect(foreign.status).toBe(403)
    const nowhere = await script('/console/passkeys/sign-in/options', {})
    expect(nowhere.status).toBe(403)
    const form = await browser('POST', '/console/passkeys/sign-in/options', {
      headers: SAME_ORIGIN,
    })
    expect(form.status).toBe(403)
    expect(await challengeCount()).toBe(before + 1)
  })

  it('an unknown passkey, a replayed or an expired challenge sign nobody in', async () => {
    const sessionsBefore = (await rows<{ n: number }>('SELECT COUNT(*) AS n FROM sessions'))[0]!.n
    const { challenge } = await (
      await script('/console/passkeys/sign-in/options', {}, { headers: SAME_ORIGIN })
    ).json<any>()
    const unknown = await script(
      '/console/passkeys/sign-in/verify',
      { response: forgedAnswer(challenge, 'webauthn.get', 'no-such-credential') },
      { headers: SAME_ORIGIN },
    )
    expect(unknown.status).toBe(400)
    expect((await unknown.json<any>()).error.message).toMatch(/not registered here/)
    expect(unknown.headers.get('set-cookie')).toBeNull()

    const replay = await script(
      '/console/passkeys/sign-in/verify',
      { response: forgedAnswer(challenge, 'webauthn.get', 'no-such-credential') },
      { headers: SAME_ORIGIN },
    )
    expect(replay.status).toBe(400)
    expect((await replay.json<any>()).error.message).toMatch(/expired or was already used/)

    // A stored passkey, but a challenge past its five minutes: refused before any signature check.
    const id = await storePasskey(editor.id, 'Expiring')
    const late = await (
      await script('/console/passkeys/sign-in/options', {}, { headers: SAME_ORIGIN })
    ).json<any>()
    await env.DB.prepare(
      "UPDATE passkey_challenges SET expires_at = '2026-01-01T00:00:00.000Z' WHERE purpose = 'sign_in'",
    ).run()
    const expired = await script(
      '/console/passkeys/sign-in/verify',
      { response: forgedAnswer(late.challenge, 'webauthn.get', id) },
      { headers: SAME_ORIGIN },
    )
    expect(expired.status).toBe(400)
    expect((await expired.json<any>()).error.message).toMatch(/expired or was already used/)

    // A stored passkey with a fresh challenge but no real signature.
    const fresh = await (
      await script('/console/passkeys/sign-in/options', {}, { headers: SAME_ORIGIN })
    ).json<any>()
    const unsigned = await script(
      '/console/passkeys/sign-in/verify',
      { response: forgedAnswer(fresh.challenge, 'webauthn.get', id) },
      { headers: SAME_ORIGIN },
    )
    expect(unsigned.status).toBe(400)
    expect((await unsigned.json<any>()).error.message).toMatch(/could not be verified/)
    expect(await rows('SELECT last_used_at FROM passkeys WHERE id = ?', id)).toEqual([
      { last_used_at: null },
    ])
    expect((await rows<{ n: number }>('SELECT COUNT(*) AS n FROM sessions'))[0]!.n).toBe(
      sessionsBefore,
    )
    expect(await sessionCount(editor.id)).toBe(1)
  })
})
