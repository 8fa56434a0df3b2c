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
