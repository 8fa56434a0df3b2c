import { describe, expect, it } from 'vitest'
import { z } from '@hono/zod-openapi'
import { TokenCreated, TokenInfo } from '../../src/schemas/inputs'
import { ComponentSchema } from '../../src/schemas/statuspage'
import { ADMIN, call, callJson, errorOf, makeToken, rows, tableCounts } from './factories'

const newComponent = () => ({ name: `Token test ${crypto.randomUUID().slice(0, 8)}` })

describe('the bootstrap ADMIN_TOKEN', () => {
  it('opens the admin API', async () => {
    const res = await call('GET', '/api/v1/components', { token: ADMIN })
    expect(res.status).toBe(200)
    z.array(ComponentSchema).parse(await res.json())
  })

  it('is compared exactly: a prefix or a longer string is refused', async () => {
    for (const token of [ADMIN.slice(0, -1), `${ADMIN}x`, ADMIN.toUpperCase()]) {
      const error = await errorOf(await call('GET', '/api/v1/components', { token }))
      expect(error).toMatchObject({ status: 401, code: 'unauthorized' })
    }
  })
})

describe('missing or malformed credentials', () => {
  it('answers 401 without a header, with an unknown token, and with a non-Bearer scheme', async () => {
    const attempts: Parameters<typeof call>[2][] = [
      { token: null },
      { token: 'cnd_not-a-real-token' },
      { token: null, headers: { authorization: `Basic ${btoa(`admin:${ADMIN}`)}` } },
      { token: null, headers: { authorization: 'Bearer' } },
    ]
    for (const options of attempts) {
      const error = await errorOf(await call('GET', '/api/v1/incidents', options))
      expect(error).toMatchObject({ status: 401, code: 'unauthorized' })
    }
  })

  it('refuses a write without a token and writes nothing', async () => {
    const before = await tableCounts()
    const res = await call('POST', '/api/v1/components', { token: null, body: newComponent() })
    expect((await errorOf(res)).status).toBe(401)
    expect(await tableCounts()).toEqual(before)
  })
})

describe('POST /api/v1/tokens', () => {
  it('mints a token, shows its secret once, and the secret works', async () => {
    const res = await call('POST', '/api/v1/tokens', {
      body: { name: 'CI deploys', scopes: ['write'] },
    })
    expect(res.status).toBe(201)
    const minted = TokenCreated.parse(await res.json())
    expect(minted.name).toBe('CI deploys')
    expect(minted.scopes).toEqual(['write'])
    expect(minted.token.length).toBeGreaterThanOrEqual(24)

    const created = await call('POST', '/api/v1/components', {
      token: minted.token,
      body: newComponent(),
    })
    expect(created.status).toBe(201)
  })

  it('records who minted it in the audit log', async () => {
    const minted = await makeToken(['read'])
    const audit = await rows<{ actor: string; action: string; details: string }>(
      'SELECT actor, action, details FROM audit_log WHERE target_id = ?',
      minted.id,
    )
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ actor: 'admin-token', action: 'token.create' })
    expect(audit[0]!.details).not.toContain(minted.token)
  })

  it('keeps only a SHA-256 hash of the secret', async () => {
    const minted = await makeToken(['read'])
    const [row] = await rows<{ token_hash: string }>(
      'SELECT token_hash FROM api_tokens WHERE id = ?',
      minted.id,
    )
    expect(row!.token_hash).toMatch(/^[0-9a-f]{64}$/)
    expect(row!.token_hash).not.toBe(minted.token)
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(minted.token))
    const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
    expect(row!.token_hash).toBe(hex)
    // The secret appears nowhere in the database.
    const everywhere = await rows(
      `SELECT * FROM api_tokens WHERE name LIKE ?1 OR scopes LIKE ?1 OR token_hash LIKE ?1
         OR id LIKE ?1`,
      `%${minted.token}%`,
    )
    expect(everywhere).toHaveLength(0)
  })

  it('refuses unknown scopes and empty scope lists with 400, writing nothing', async () => {
    const before = await tableCounts()
    for (const body of [
      { name: 'x', scopes: ['admin'] },
      { name: 'x', scopes: [] },
      { name: '', scopes: ['read'] },
    ]) {
      const error = await errorOf(await call('POST', '/api/v1/tokens', { body }))
      expect(error).toMatchObject({ status: 400, code: 'validation_failed' })
    }
    expect(await tableCounts()).toEqual(before)
  })
})

describe('GET /api/v1/tokens', () => {
  it('lists tokens without their secrets or hashes', async () => {
    const minted = await makeToken(['read', 'write'])
    const res = await call('GET', '/api/v1/tokens')
    expect(res.status).toBe(200)
    const text = await res.text()
    expect(text).not.toContain(minted.token)
    const [row] = await rows<{ token_hash: string }>(
      'SELECT token_hash FROM api_tokens WHERE id = ?',
      minted.id,
    )
    expect(text).not.toContain(row!.token_hash)

    const list = z.array(TokenInfo).parse(JSON.parse(text))
    const listed = list.find((t) => t.id === minted.id)
    expect(listed).toMatchObject({ scopes: ['read', 'write'], revoked_at: null })
    for (const entry of JSON.parse(text) as Record<string, unknown>[]) {
      expect(Object.keys(entry)).not.toContain('token')
      expect(Object.keys(entry)).not.toContain('token_hash')
    }
  })

  it('shows when a token was last used', async () => {
    const minted = await makeToken(['read'])
    await callJson('GET', '/api/v1/components', { token: minted.token })
    const list = await callJson<{ id: string; last_used_at: string | null }[]>(
      'GET',
      '/api/v1/tokens',
    )
    expect(list.find((t) => t.id === minted.id)!.last_used_at).not.toBeNull()
  })
})

describe('scopes of minted tokens', () => {
  it('read can GET but not POST (403)', async () => {
    const { token } = await makeToken(['read'])
    expect((await call('GET', '/api/v1/components', { token })).status).toBe(200)
    expect((await call('GET', '/api/v1/incidents', { token })).status).toBe(200)
    const before = await tableCounts()
    const error = await errorOf(
      await call('POST', '/api/v1/components', { token, body: newComponent() }),
    )
    expect(error).toMatchObject({ status: 403, code: 'forbidden' })
    expect(await tableCounts()).toEqual(before)
  })

  it('write can POST, and can read', async () => {
    const { token } = await makeToken(['write'])
    const res = await call('POST', '/api/v1/components', { token, body: newComponent() })
    expect(res.status).toBe(201)
    expect((await call('GET', '/api/v1/components', { token })).status).toBe(200)
  })

  it('write cannot mint tokens (403)', async () => {
    const { token } = await makeToken(['write'])
    const error = await errorOf(
      await call('POST', '/api/v1/tokens', { token, body: { name: 'y', scopes: ['owner'] } }),
    )
    expect(error).toMatchObject({ status: 403, code: 'forbidden' })
  })

  it('intake cannot read components (403)', async () => {
    const { token } = await makeToken(['intake'])
    const error = await errorOf(await call('GET', '/api/v1/components', { token }))
    expect(error).toMatchObject({ status: 403, code: 'forbidden' })
  })

  it('owner can mint tokens, and what it mints works', async () => {
    const owner = await makeToken(['owner'])
    const res = await call('POST', '/api/v1/tokens', {
      token: owner.token,
      body: { name: 'minted by owner', scopes: ['read'] },
    })
    expect(res.status).toBe(201)
    const minted = TokenCreated.parse(await res.json())
    expect((await call('GET', '/api/v1/components', { token: minted.token })).status).toBe(200)
    const [row] = await rows<{ created_by: string }>(
      'SELECT created_by FROM api_tokens WHERE id = ?',
      minted.id,
    )
    expect(row!.created_by).toBe(`token:${owner.id}`)
  })
})

describe('the audit log', () => {
  it('is for owners only, and shows who did what', async () => {
    const writer = await makeToken(['write'])
    const created = await callJson('POST', '/api/v1/components', {
      token: writer.token,
      body: newComponent(),
    })
    const error = await errorOf(await call('GET', '/api/v1/audit', { token: writer.token }))
    expect(error).toMatchObject({ status: 403, code: 'forbidden' })
    const entries = await callJson<{ actor: string; action: string; target_id: string }[]>(
      'GET',
      '/api/v1/audit',
    )
    expect(entries.find((e) => e.target_id === created.id)).toMatchObject({
      actor: `token:${writer.id}`,
      action: 'component.create',
    })
  })
})

describe('DELETE /api/v1/tokens/{id}', () => {
  it('revokes: the token then gets 401', async () => {
    const minted = await makeToken(['write'])
    expect((await call('GET', '/api/v1/components', { token: minted.token })).status).toBe(200)
    const res = await call('DELETE', `/api/v1/tokens/${minted.id}`)
    expect(res.status).toBe(204)
    const error = await errorOf(await call('GET', '/api/v1/components', { token: minted.token }))
    expect(error).toMatchObject({ status: 401, code: 'unauthorized' })
    const list = await callJson<{ id: string; revoked_at: string | null }[]>(
      'GET',
      '/api/v1/tokens',
    )
    expect(list.find((t) => t.id === minted.id)!.revoked_at).not.toBeNull()
  })

  it('answers 404 for an unknown token and 409 for a second revocation', async () => {
    expect((await errorOf(await call('DELETE', '/api/v1/tokens/nosuchtoken'))).status).toBe(404)
    const minted = await makeToken(['read'])
    expect((await call('DELETE', `/api/v1/tokens/${minted.id}`)).status).toBe(204)
    const before = await tableCounts()
    const error = await errorOf(await call('DELETE', `/api/v1/tokens/${minted.id}`))
    expect(error).toMatchObject({ status: 409, code: 'conflict' })
    expect(await tableCounts()).toEqual(before)
  })
})
