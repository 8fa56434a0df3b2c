import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  browser,
  consoleLinkPath,
  cookieOf,
  SAME_ORIGIN,
  sessionCount,
  signedInMember,
  withCsrf,
  type ConsoleMember as Member,
} from './console-helpers'
import { callJson, rows } from './factories'
import { uniqueEmail, waitForMail } from './subscriptions-helpers'

async function memberRow(id: string) {
  const [row] = await rows<{ role: string; name: string | null; status: string }>(
    'SELECT role, name, status FROM members WHERE id = ?',
    id,
  )
  return row
}

async function auditCount(): Promise<number> {
  const row = await env.DB.prepare('SELECT COUNT(*) AS n FROM audit_log').first<{ n: number }>()
  return row!.n
}

let owner: Member

beforeAll(async () => {
  owner = await withCsrf(await signedInMember('owner'))
})

describe('/console/members', () => {
  it('lists members with their role, status and last sign-in', async () => {
    const res = await browser('GET', '/console/members', { cookie: owner.cookie })
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain(`<td>${owner.email}</td>`)
    const row = html.slice(html.indexOf(`<td>${owner.email}</td>`)).split('</tr>')[0]!
    expect(row).toContain('<td>owner</td>')
    expect(row).toContain('<td>active</td>')
    expect(row).toMatch(/<time datetime="\d{4}-/)
    expect(html).toMatch(/<label for="invite-email">Email<\/label>/)
    expect(html).toMatch(/<label for="invite-name">Name<\/label>/)
    expect(html).toMatch(/<label for="invite-role">Role<\/label>/)
    expect(html).toContain('aria-current="page"')
  })

  it('invites through the form: a mail with a link that signs the person in with the role', async () => {
    const email = uniqueEmail('invitee')
    const res = await browser('POST', '/console/members', {
      cookie: owner.cookie,
      headers: SAME_ORIGIN,
      form: { csrf: owner.csrf, email, name: 'Ines Vitée', role: 'viewer' },
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/console/members?done=invited')
    const list = await browser('GET', res.headers.get('location')!, { cookie: owner.cookie })
    expect(await list.text()).toContain('the invitation email is on its way')

    const [mail] = await waitForMail(email, 1)
    const accepted = await browser('POST', consoleLinkPath(mail!), { headers: SAME_ORIGIN })
    expect(accepted.status).toBe(303)
    const cookie = cookieOf(accepted)
    const consolePage = await browser('GET', '/console', { cookie })
    const html = await consolePage.text()
    expect(html).toContain(email)
    expect(html).toContain('role <strong>viewer</strong>')

    const members = await callJson<{ email: string; status: string; role: string }[]>(
      'GET',
      '/api/v1/members',
    )
    const created = members.find((m) => m.email === email)!
    expect(created).toMatchObject({ role: 'viewer', status: 'active' })
    const [audit] = await rows<{ actor: string; member_email: string }>(
      `SELECT actor, member_email FROM audit_log WHERE action = 'member.invite'
       AND details LIKE ? ORDER BY id DESC`,
      `%${email}%`,
    )
    expect(audit).toEqual({ actor: owner.email, member_email: owner.email })
  })

  it('a bad invitation comes back with the error beside the field and nothing written', async () => {
    const before = await auditCount()
    const res = await browser('POST', '/console/members', {
      cookie: owner.cookie,
      headers: SAME_ORIGIN,
      form: { csrf: owner.csrf, email: 'not-an-address', name: 'Kept Name', role: 'editor' },
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('id="invite-email-error"')
    expect(html).toContain('Give an email address such as name@example.com.')
    expect(html).toContain('value="not-an-address"')
    expect(html).toContain('value="Kept Name"')
    expect(await auditCount()).toBe(before)

    const taken = await browser('POST', '/console/members', {
      cookie: owner.cookie,
      headers: SAME_ORIGIN,
      form: { csrf: owner.csrf, email: owner.email.toUpperCase(), role: 'editor' },
    })
    expect(taken.status).toBe(409)
    expect(await taken.text()).toContain('There is already a member with the address')
    expect(await auditCount()).toBe(before)
  })

  it("changes a member's role and name", async () => {
    const editor = await signedInMember('editor')
    const res = await browser('POST', `/console/members/${editor.id}`, {
      cookie: owner.cookie,
      headers: SAME_ORIGIN,
      form: { csrf: owner.csrf, name: 'Renamed Person', role: 'viewer' },
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/console/members/${editor.id}?done=changed`)
    expect(await memberRow(editor.id)).toEqual({
      role: 'viewer',
      name: 'Renamed Person',
      status: 'active',
    })
    const page = await browser('GET', res.headers.get('location')!, { cookie: owner.cookie })
    const html = await page.text()
    expect(html).toContain('Saved.')
    expect(html).toContain('value="Renamed Person"')
    expect(html).toMatch(/<option value="viewer" selected/)
  })

  it('resends an invitation: a new link works, the old one no longer does', async () => {
    const email = uniqueEmail('resend')
    const invited = await callJson<{ id: string }>('POST', '/api/v1/members', {
      body: { email, role: 'editor' },
    })
    const [first] = await waitForMail(email, 1)
    const page = await browser('GET', `/console/members/${invited.id}`, { cookie: owner.cookie })
    expect(await page.text()).toContain('Send the invitation again')
    const res = await browser('POST', `/console/members/${invited.id}/resend`, {
      cookie: owner.cookie,
      headers: SAME_ORIGIN,
      form: { csrf: owner.csrf },
    })
    expect(res.status).toBe(303)
    const mails = await waitForMail(email, 2)
    const old = await browser('GET', consoleLinkPath(first!))
    expect(old.status).toBe(404)
    const fresh = await browser('POST', consoleLinkPath(mails.at(-1)!), { headers: SAME_ORIGIN })
    expect(fresh.status).toBe(303)
    expect((await memberRow(invited.id))!.status).toBe('active')
  })

  it('removes after a confirmation page: sessions end at once', async () => {
    const doomed = await signedInMember('editor')
    const confirm = await browser('GET', `/console/members/${doomed.id}/remove`, {
      cookie: owner.cookie,
    })
    expect(confirm.status).toBe(200)
    const html = await confirm.text()
    expect(html).toContain(`Remove ${doomed.email}?`)
    expect(html).toContain(`action="/console/members/${doomed.id}/remove"`)
    expect(await memberRow(doomed.id)).toBeDefined()

    const res = await browser('POST', `/console/members/${doomed.id}/remove`, {
      cookie: owner.cookie,
      headers: SAME_ORIGIN,
      form: { csrf: owner.csrf },
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/console/members?done=removed')
    expect(await memberRow(doomed.id)).toBeUndefined()
    expect(await sessionCount(doomed.id)).toBe(0)
  })

  it('refuses to demote or remove the last owner, readably, changing nothing', async () => {
    const solo = await withCsrf(await signedInMember('owner'))
    // Make `solo` the only owner.
    await env.DB.prepare(`UPDATE members SET role = 'editor' WHERE role = 'owner' AND id != ?`)
      .bind(solo.id)
      .run()
    const before = await auditCount()
    const demote = await browser('POST', `/console/members/${solo.id}`, {
      cookie: solo.cookie,
      headers: SAME_ORIGIN,
      form: { csrf: solo.csrf, name: '', role: 'editor' },
    })
    expect(demote.status).toBe(409)
    const html = await demote.text()
    expect(html).toContain('role="alert"')
    expect(html).toContain('This is the last owner: make someone else owner first.')
    expect(html).toContain('Nothing was changed')

    const remove = await browser('POST', `/console/members/${solo.id}/remove`, {
      cookie: solo.cookie,
      headers: SAME_ORIGIN,
      form: { csrf: solo.csrf },
    })
    expect(remove.status).toBe(409)
    expect(await remove.text()).toContain('This is the last owner: make someone else owner first.')
    expect(await memberRow(solo.id)).toEqual({ role: 'owner', name: null, status: 'active' })
    expect(await auditCount()).toBe(before)
    // Others are owners again for the tests after this one.
    await env.DB.prepare(`UPDATE members SET role = 'owner' WHERE id = ?`).bind(owner.id).run()
  })
})

describe('members and tokens are for owners only', () => {
  it('an editor gets 403 on the screens and on a forged form, and sees no link to them', async () => {
    const editor = await withCsrf(await signedInMember('editor'))
    for (const path of ['/console/members', '/console/tokens']) {
      const res = await browser('GET', path, { cookie: editor.cookie })
      expect([path, res.status]).toEqual([path, 403])
      expect(await res.text()).toContain('This needs the <strong>owner</strong> role')
    }
    const before = await auditCount()
    const forged = await browser('POST', '/console/members', {
      cookie: editor.cookie,
      headers: SAME_ORIGIN,
      form: { csrf: editor.csrf, email: uniqueEmail('forged'), role: 'owner' },
    })
    expect(forged.status).toBe(403)
    expect(await auditCount()).toBe(before)
    const home = await (await browser('GET', '/console', { cookie: editor.cookie })).text()
    expect(home).not.toContain('href="/console/members"')
    expect(home).not.toContain('href="/console/tokens"')
    // Other screens are not made owner-only by these.
    expect((await browser('GET', '/console', { cookie: editor.cookie })).status).toBe(200)
  })
})
