import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { ensureFirstOwner, forgetMembersKnown } from '../../src/domain/members'
import { rows } from './factories'

describe('OWNER_EMAIL', () => {
  it('makes the first owner, active, only while there is no member', async () => {
    await env.DB.prepare('DELETE FROM members').run()
    forgetMembersKnown()
    await ensureFirstOwner(env.DB, undefined, new Date())
    expect(await rows('SELECT id FROM members')).toEqual([])

    await ensureFirstOwner(env.DB, ' first@example.net ', new Date())
    expect(await rows('SELECT email, role, status FROM members')).toEqual([
      { email: 'first@example.net', role: 'owner', status: 'active' },
    ])
    const audit = await rows<{ actor: string; action: string }>(
      "SELECT actor, action FROM audit_log WHERE action = 'member.create_first_owner'",
    )
    expect(audit).toEqual([{ actor: 'OWNER_EMAIL', action: 'member.create_first_owner' }])

    forgetMembersKnown()
    await ensureFirstOwner(env.DB, 'someone-else@example.net', new Date())
    expect(await rows('SELECT email FROM members')).toEqual([{ email: 'first@example.net' }])
  })
})

describe('retention', () => {
  it('prunes ended sessions at once and member links some days after they expire', async () => {
    const { pruneRecords } = await import('../../src/clock/prune-records')
    const now = new Date()
    const iso = (ms: number) => new Date(now.getTime() + ms).toISOString()
    const H = 3_600_000
    await env.DB.prepare(
      `INSERT INTO members (id, email, role, status, created_at, updated_at)
       VALUES ('keepme', 'keep@example.net', 'editor', 'active', ?1, ?1)`,
    )
      .bind(iso(-30 * 24 * H))
      .run()
    const session = env.DB.prepare(
      `INSERT INTO sessions (token_hash, member_id, csrf_token, created_at, last_seen_at, expires_at)
       VALUES (?, 'keepme', 'x', ?, ?, ?)`,
    )
    await env.DB.batch([
      session.bind('live', iso(-H), iso(-H), iso(100 * H)),
      session.bind('idle', iso(-13 * H), iso(-13 * H), iso(100 * H)),
      session.bind('over', iso(-8 * 24 * H), iso(-H / 2), iso(-1000)),
    ])
    const link = env.DB.prepare(
      `INSERT INTO member_links (token_hash, member_id, purpose, created_at, expires_at)
       VALUES (?, 'keepme', 'sign_in', ?, ?)`,
    )
    await env.DB.batch([
      link.bind('recent', iso(-2 * H), iso(-H)),
      link.bind('old', iso(-9 * 24 * H), iso(-8 * 24 * H)),
    ])
    const result = await pruneRecords(env as never, now)
    expect(result).toMatchObject({ sessions: 2, memberLinks: 1 })
    expect(await rows('SELECT token_hash FROM sessions')).toEqual([{ token_hash: 'live' }])
    expect(await rows('SELECT token_hash FROM member_links')).toEqual([{ token_hash: 'recent' }])
  })
})
