import { env, exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  browser,
  SAME_ORIGIN,
  signedInMember,
  withCsrf,
  type ConsoleMember as Member,
} from './console-helpers'
import { call, callJson, rows } from './factories'

async function tokenCount(): Promise<number> {
  const row = await env.DB.prepare('SELECT COUNT(*) AS n FROM api_tokens').first<{ n: number }>()
  return row!.n
}

/** Mints through the console form (scopes repeated, as ticked boxes send them). */
async function mintWithScopes(member: Member, name: string, scopes: string[]) {
  const body = new URLSearchParams({ csrf: member.csrf, name })
  for (const scope of scopes) body.append('scopes', scope)
  return exports.default.fetch(
    new Request('http://candor.test/console/tokens', {
      method: 'POST',
      headers: {
        ...SAME_ORIGIN,
        cookie: member.cookie,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: body.toString(),
      redirect: 'manual',
    }),
  )
}

function secretOf(html: string): string {
  const match = /<code class="minted-token">(cnd_[^<]+)<\/code>/.exec(html)
  expect(match, 'the minted token on the page').not.toBeNull()
  return match![1]!
}

let owner: Member

beforeAll(async () => {
  owner = await withCsrf(await signedInMember('owner'))
})

describe('/console/tokens', () => {
  it('mints a token shown once; it works on the API and its writes name the member', async () => {
    const res = await mintWithScopes(owner, 'Deploy pipeline', ['read', 'write'])
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const secret = secretOf(await res.text())

    // The secret is never shown again.
    const list = await browser('GET', '/console/tokens', { cookie: owner.cookie })
    const listHtml = await list.text()
    expect(listHtml).toContain('<td>Deploy pipeline</td>')
    expect(listHtml).toContain('<td>read, write</td>')
    expect(listHtml).toContain(`<td>${owner.email}</td>`)
    expect(listHtml).not.toContain(secret)

    // It works, as the member's token: the audit log names the member beside it.
    const component = await callJson<{ id: string }>('POST', '/api/v1/components', {
      token: secret,
      body: { name: 'Minted-token component' },
    })
    const audit = await callJson<
      { actor: string; member: string | null; action: string; target_id: string }[]
    >('GET', '/api/v1/audit?limit=50')
    const entry = audit.find((e) => e.target_id === component.id)!
    const tokens = await callJson<
      { id: string; name: string; member: { id: string; email: string } | null }[]
    >('GET', '/api/v1/tokens')
    const minted = tokens.find((t) => t.name === 'Deploy pipeline')!
    expect(minted.member).toEqual({ id: owner.id, email: owner.email })
    expect(entry).toMatchObject({ actor: `token:${minted.id}`, member: owner.email })
    // The mint itself is the member's, from the console.
    const mintEntry = audit.find((e) => e.action === 'token.create' && e.target_id === minted.id)
    expect(mintEntry).toMatchObject({ actor: owner.email, member: owner.email })
    // The bootstrap token names nobody.
    const bootstrap = audit.find((e) => e.actor === 'admin-token')
    if (bootstrap) expect(bootstrap.member).toBeNull()
  })

  it('a bad form comes back with errors beside the fields, what was typed kept, nothing minted', async () => {
    const before = await tokenCount()
    const res = await mintWithScopes(owner, 'No scopes at all', [])
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('id="mint-scopes-error"')
    expect(html).toContain('value="No scopes at all"')
    const blank = await mintWithScopes(owner, '', ['intake'])
    expect(blank.status).toBe(400)
    const blankHtml = await blank.text()
    expect(blankHtml).toContain('id="mint-name-error"')
    expect(blankHtml).toMatch(/value="intake"\s+checked/)
    expect(await tokenCount()).toBe(before)
  })

  it('revokes: the token stops working and the list says when', async () => {
    const res = await mintWithScopes(owner, 'Short-lived', ['read'])
    const secret = secretOf(await res.text())
    expect((await call('GET', '/api/v1/components', { token: secret })).status).toBe(200)
    const [row] = await rows<{ id: string }>(`SELECT id FROM api_tokens WHERE name = 'Short-lived'`)
    const revoked = await browser('POST', `/console/tokens/${row!.id}/revoke`, {
      cookie: owner.cookie,
      headers: SAME_ORIGIN,
      form: { csrf: owner.csrf },
    })
    expect(revoked.status).toBe(303)
    expect(revoked.headers.get('location')).toBe('/console/tokens?done=revoked')
    expect((await call('GET', '/api/v1/components', { token: secret })).status).toBe(401)
    const page = await browser('GET', '/console/tokens?done=revoked', { cookie: owner.cookie })
    expect(await page.text()).toContain('Revoked: the token no longer works.')
    const again = await browser('POST', `/console/tokens/${row!.id}/revoke`, {
      cookie: owner.cookie,
      headers: SAME_ORIGIN,
      form: { csrf: owner.csrf },
    })
    expect(again.status).toBe(409)
    expect(await again.text()).toContain('This token is already revoked.')
  })

  it("a member's token shrinks with their role and is revoked when they are removed", async () => {
    const other = await withCsrf(await signedInMember('owner'))
    const secret = secretOf(await (await mintWithScopes(other, 'Theirs', ['owner'])).text())
    expect((await call('GET', '/api/v1/members', { token: secret })).status).toBe(200)
    await callJson('PATCH', `/api/v1/members/${other.id}`, { body: { role: 'editor' } })
    // An editor's token writes but no longer reaches owner routes.
    expect((await call('GET', '/api/v1/members', { token: secret })).status).toBe(403)
    expect((await call('GET', '/api/v1/components', { token: secret })).status).toBe(200)
    expect((await call('DELETE', `/api/v1/members/${other.id}`)).status).toBe(204)
    expect((await call('GET', '/api/v1/components', { token: secret })).status).toBe(401)
    const [row] = await rows<{ revoked_at: string | null; created_by: string }>(
      `SELECT revoked_at, created_by FROM api_tokens WHERE name = 'Theirs'`,
    )
    expect(row!.revoked_at).not.toBeNull()
    expect(row!.created_by).toBe(other.email)
  })
})
