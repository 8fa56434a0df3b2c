import { beforeAll, describe, expect, it } from 'vitest'
import { rows } from './factories'
import { browser, SAME_ORIGIN, signedInMember } from './console-helpers'
import { auditCount, storePasskey, withCsrf, type Member } from './console-passkey-helpers'

/**
 * Passkeys on the account page: the section, and rename and remove (plain forms, any member).
 * The JSON ceremonies are in console-passkeys-ceremony; a full WebAuthn round trip (a real
 * authenticator signing) is proven in the browser test with Chromium's virtual authenticator.
 */

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
