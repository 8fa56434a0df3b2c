import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { call, callJson, errorOf, makeToken, rows } from './factories'
import { browser, consoleLinkPath, invite, sessionCount, signedInMember } from './console-helpers'
import { uniqueEmail, waitForMail } from './subscriptions-helpers'

describe('POST /api/v1/members', () => {
  it('invites: 201 with the member, an invitation email with a single-use link, an audit line', async () => {
    const email = uniqueEmail('invitee')
    const member = await invite('viewer', email, 'Ada Example')
    expect(member).toMatchObject({ email, name: 'Ada Example', role: 'viewer', status: 'invited' })
    expect(member.id).toEqual(expect.any(String))

    const [mail] = await waitForMail(email)
    expect(mail!.subject).toContain('invited')
    const path = consoleLinkPath(mail!)
    const token = decodeURIComponent(path.split('/').at(-1)!)
    // Only the hash is kept; the link works for 72 hours.
    const [link] = await rows<{
      token_hash: string
      purpose: string
      created_at: string
      expires_at: string
    }>(
      'SELECT token_hash, purpose, created_at, expires_at FROM member_links WHERE member_id = ?',
      member.id,
    )
    expect(link!.purpose).toBe('invite')
    expect(link!.token_hash).not.toContain(token)
    expect(Date.parse(link!.expires_at) - Date.parse(link!.created_at)).toBe(72 * 3_600_000)

    expect(await callJson('GET', `/api/v1/members/${member.id}`)).toMatchObject({
      email,
      status: 'invited',
    })
    const list = await callJson<{ id: string }[]>('GET', '/api/v1/members')
    expect(list.map((m) => m.id)).toContain(member.id)
    const audit = await rows<{ actor: string; action: string }>(
      'SELECT actor, action FROM audit_log WHERE target_id = ?',
      member.id,
    )
    expect(audit).toEqual([{ actor: 'admin-token', action: 'member.invite' }])

    // Used once, it signs the person in and makes them active; a second use is refused.
    expect(
      (await browser('POST', path, { headers: { origin: 'http://candor.test' } })).status,
    ).toBe(303)
    expect(await callJson('GET', `/api/v1/members/${member.id}`)).toMatchObject({
      status: 'active',
    })
    expect(
      (await browser('POST', path, { headers: { origin: 'http://candor.test' } })).status,
    ).toBe(409)
  })

  it('refuses a second member with the same address (any case): 409, nothing written', async () => {
    const member = await invite('editor')
    const before = await rows('SELECT id FROM members')
    const res = await call('POST', '/api/v1/members', {
      body: { email: member.email.toUpperCase(), role: 'viewer' },
    })
    expect(await errorOf(res)).toMatchObject({ status: 409, code: 'conflict' })
    expect(await rows('SELECT id FROM members')).toEqual(before)
  })

  it('refuses bad input (400) and tokens without the owner scope (403)', async () => {
    for (const body of [
      { email: 'not-an-address', role: 'editor' },
      { email: uniqueEmail(), role: 'admin' },
      { email: uniqueEmail() },
      { email: uniqueEmail(), role: 'editor', extra: 1 },
    ]) {
      expect((await call('POST', '/api/v1/members', { body })).status).toBe(400)
    }
    const member = await invite('viewer')
    for (const scope of ['read', 'write', 'intake']) {
      const { token } = await makeToken([scope])
      expect((await call('GET', '/api/v1/members', { token })).status).toBe(403)
      expect(
        (
          await call('POST', '/api/v1/members', {
            token,
            body: { email: uniqueEmail(), role: 'owner' },
          })
        ).status,
      ).toBe(403)
      expect(
        (await call('PATCH', `/api/v1/members/${member.id}`, { token, body: { role: 'owner' } }))
          .status,
      ).toBe(403)
      expect((await call('DELETE', `/api/v1/members/${member.id}`, { token })).status).toBe(403)
    }
    expect(await callJson('GET', `/api/v1/members/${member.id}`)).toMatchObject({ role: 'viewer' })
  })
})

describe('PATCH and DELETE /api/v1/members/{id}', () => {
  it('changes role and name, with an audit line; unknown ids are 404', async () => {
    const member = await invite('viewer')
    const changed = await callJson('PATCH', `/api/v1/members/${member.id}`, {
      body: { role: 'editor', name: 'Grace' },
    })
    expect(changed).toMatchObject({ role: 'editor', name: 'Grace', email: member.email })
    expect(
      await callJson('PATCH', `/api/v1/members/${member.id}`, { body: { role: 'owner' } }),
    ).toMatchObject({ role: 'owner', name: 'Grace' })
    const audit = await rows<{ action: string }>(
      'SELECT action FROM audit_log WHERE target_id = ? ORDER BY id',
      member.id,
    )
    expect(audit.map((a) => a.action)).toEqual(['member.invite', 'member.update', 'member.update'])
    expect(
      (await call('PATCH', '/api/v1/members/nosuchid0001', { body: { role: 'viewer' } })).status,
    ).toBe(404)
    expect((await call('DELETE', '/api/v1/members/nosuchid0001')).status).toBe(404)
  })

  it('keeps the last owner: neither demoted nor removed (409), until there is another', async () => {
    await env.DB.prepare("DELETE FROM members WHERE role = 'owner'").run()
    const only = await invite('owner')
    const demote = await call('PATCH', `/api/v1/members/${only.id}`, { body: { role: 'editor' } })
    expect(await errorOf(demote)).toMatchObject({ status: 409, code: 'conflict' })
    expect(await errorOf(await call('DELETE', `/api/v1/members/${only.id}`))).toMatchObject({
      status: 409,
    })
    expect(await callJson('GET', `/api/v1/members/${only.id}`)).toMatchObject({ role: 'owner' })
    const audit = await rows('SELECT action FROM audit_log WHERE target_id = ?', only.id)
    expect(audit).toHaveLength(1)

    const second = await invite('owner')
    expect(
      await callJson('PATCH', `/api/v1/members/${only.id}`, { body: { role: 'editor' } }),
    ).toMatchObject({ role: 'editor' })
    expect(await errorOf(await call('DELETE', `/api/v1/members/${second.id}`))).toMatchObject({
      status: 409,
    })
    expect((await call('DELETE', `/api/v1/members/${only.id}`)).status).toBe(204)
  })

  it("removing a member ends that person's sessions at once", async () => {
    const member = await signedInMember('editor')
    expect((await browser('GET', '/console', { cookie: member.cookie })).status).toBe(200)
    expect(await sessionCount(member.id)).toBe(1)
    expect((await call('DELETE', `/api/v1/members/${member.id}`)).status).toBe(204)
    const res = await browser('GET', '/console', { cookie: member.cookie })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/console/sign-in')
    expect(await sessionCount(member.id)).toBe(0)
    expect((await call('GET', `/api/v1/members/${member.id}`)).status).toBe(404)
    const audit = await rows<{ action: string }>(
      'SELECT action FROM audit_log WHERE target_id = ? ORDER BY id',
      member.id,
    )
    expect(audit.map((a) => a.action)).toEqual([
      'member.invite',
      'member.activate',
      'member.remove',
    ])
  })
})

describe('member addresses', () => {
  it('take name@localhost (a local first owner) but no other dotless domain', async () => {
    const local = await call('POST', '/api/v1/members', {
      body: { email: `local-${crypto.randomUUID().slice(0, 8)}@localhost`, role: 'viewer' },
    })
    expect(local.status).toBe(201)
    const dotless = await call('POST', '/api/v1/members', {
      body: { email: 'someone@intranet', role: 'viewer' },
    })
    expect(await errorOf(dotless)).toMatchObject({ status: 400, code: 'validation_failed' })
  })
})
