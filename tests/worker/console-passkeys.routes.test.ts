import { env, exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { rows } from './factories'
import {
  browser,
  csrfOf,
  FOREIGN_ORIGIN,
  ORIGIN,
  SAME_ORIGIN,
  sessionCount,
  signedInMember,
} from './console-helpers'

/**
 * Passkeys in the console: the account page's section, rename and remove (forms), and both
 * ceremonies' JSON steps with their refusals. A full WebAuthn round trip (a real authenticator
 * signing) is proven in the browser test with Chromium's virtual authenticator.
 */

type Member = Awaited<ReturnType<typeof signedInMember>> & { csrf: string }

async function withCsrf(member: Awaited<ReturnType<typeof signedInMember>>): Promise<Member> {
  const page = await browser('GET', '/console/account', { cookie: member.cookie })
  return { ...member, csrf: csrfOf(await page.text()) }
}

/** A JSON POST as `passkeys.js` sends it. */
function script(
  path: string,
  body: unknown,
  options: { cookie?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers }
  if (options.cookie) headers.cookie = options.cookie
  return exports.default.fetch(
    new Request(`${ORIGIN}${path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      redirect: 'manual',
    }),
  )
}

const b64url = (text: string) =>
  btoa(text).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')

/** A browser answer carrying `challenge` in its client data, signed by nobody. */
function forgedAnswer(challenge: string, type: 'webauthn.get' | 'webauthn.create', id = 'AAAA') {
  return {
    id,
    rawId: id,
    type: 'public-key',
    clientExtensionResults: {},
    response: {
      clientDataJSON: b64url(JSON.stringify({ type, challenge, origin: ORIGIN })),
      authenticatorData: b64url('x'.repeat(37)),
      signature: b64url('sig'),
      attestationObject: b64url('att'),
    },
  }
}

async function challengeCount(): Promise<number> {
  return (await rows<{ n: number }>('SELECT COUNT(*) AS n FROM passkey_challenges'))[0]!.n
}

async function auditCount(): Promise<number> {
  return (await rows<{ n: number }>('SELECT COUNT(*) AS n FROM audit_log'))[0]!.n
}

/** Stores a passkey for a member directly (its key is never used by these tests). */
async function storePasskey(memberId: string, name: string): Promise<string> {
  const id = `cred-${crypto.randomUUID()}`
  await env.DB.prepare(
    `INSERT INTO passkeys (id, member_id, public_key, counter, transports, name, created_at)
     VALUES (?, ?, 'AAAA', 0, '["internal"]', ?, '2026-11-20T10:00:00.000Z')`,
  )
    .bind(id, memberId, name)
    .run()
  return id
}

let editor: Member
let viewer: Member

beforeAll(async () => {
  editor = await withCsrf(await signedInMember('editor'))
  viewer = await withCsrf(await signedInMember('viewer'))
})

describe('the Passkeys section of /console/account', () => {
  it('lists the passkeys with when they were added and used; adding needs JavaScript', async () => {
    const empty = await (await browser('GET', '/console/account', { cookie: viewer.cookie })).text()
    expect(empty).toContain('<h2 id="passkeys-heading">Passkeys</h2>')
    expect(empty).toContain('You have no passkeys yet.')
    expect(empty).toContain('Adding a passkey needs JavaScript')
    expect(empty).toMatch(/<form data-passkey-add="" hidden="">/)
    expect(empty).toContain('src="/console-assets/vendor/simplewebauthn-browser.js"')
    expect(empty).toContain('src="/console-assets/passkeys.js"')

    await storePasskey(viewer.id, 'Phone')
    const listed = await (
      await browser('GET', '/console/account', { cookie: viewer.cookie })
    ).text()
    expect(listed).toContain('<h3>Phone</h3>')
    expect(listed).toContain(
      'datetime="2026-11-20T10:00:00.000Z" data-local="">Fri 20 Nov, 10:00 UTC',
    )
    expect(listed).toMatch(/<dt>Last used<\/dt><dd>Never<\/dd>/)
    expect(listed).toContain('Remove “Phone”')
  })
})

describe('rename and remove (forms, any member)', () => {
  it("a viewer renames their passkey: 303 to the account page, the name changed, audited with the viewer's address", async () => {
    const id = await storePasskey(viewer.id, 'Old laptop')
    const res = await browser('POST', `/console/passkeys/${id}/rename`, {
      cookie: viewer.cookie,
      headers: SAME_ORIGIN,
      form: { csrf: viewer.csrf, name: '  Work laptop ' },
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/console/account?done=passkey-renamed')
    expect(await rows('SELECT name FROM passkeys WHERE id = ?', id)).toEqual([
      { name: 'Work laptop' },
    ])
    const audit = await rows<{ actor: string; details: string }>(
      "SELECT actor, details FROM audit_log WHERE action = 'passkey.rename' AND target_id = ?",
      id,
    )
    expect(audit.map((a) => [a.actor, JSON.parse(a.details).to])).toEqual([
      [viewer.email, 'Work laptop'],
    ])
    const page = await browser('GET', '/console/account?done=passkey-renamed', {
      cookie: viewer.cookie,
    })
    expect(await page.text()).toContain('Passkey renamed.')
  })

  it('a name too long comes back 400 beside its field, typed text kept, nothing written', async () => {
    const id = await storePasskey(editor.id, 'Key')
    const before = await auditCount()
    const long = 'x'.repeat(61)
    const res = await browser('POST', `/console/passkeys/${id}/rename`, {
      cookie: editor.cookie,
      headers: SAME_ORIGIN,
      form: { csrf: editor.csrf, name: long },
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain(`id="passkey-${id}-name-error">Give a name of 1 to 60 characters.`)
    expect(html).toContain(`value="${long}"`)
    expect(await rows('SELECT name FROM passkeys WHERE id = ?', id)).toEqual([{ name: 'Key' }])
    expect(await auditCount()).toBe(before)
  })

  it("removes the member's own passkey (audited), never another member's", async () => {
    const mine = await storePasskey(viewer.id, 'Spare key')
    const theirs = await storePasskey(editor.id, 'Editor key')
    const refused = await browser('POST', `/console/passkeys/${theirs}/remove`, {
      cookie: viewer.cookie,
      headers: SAME_ORIGIN,
      form: { csrf: viewer.csrf },
    })
    expect(refused.status).toBe(404)
    expect(await rows('SELECT id FROM passkeys WHERE id = ?', theirs)).toHaveLength(1)

    const res = await browser('POST', `/console/passkeys/${mine}/remove`, {
      cookie: viewer.cookie,
      headers: SAME_ORIGIN,
      form: { csrf: viewer.csrf },
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/console/account?done=passkey-removed')
    expect(await rows('SELECT id FROM passkeys WHERE id = ?', mine)).toEqual([])
    expect(
      await rows(
        "SELECT actor FROM audit_log WHERE action = 'passkey.remove' AND target_id = ?",
        mine,
      ),
    ).toEqual([{ actor: viewer.email }])
  })
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
