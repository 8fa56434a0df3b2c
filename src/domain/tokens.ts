import { insertAudit } from '../db/audit'
import {
  insertToken,
  revokeTokenRow,
  selectActiveTokenByHash,
  selectToken,
  selectTokens,
  touchToken,
} from '../db/tokens'
import { newId, randomSecret, sha256Hex } from '../lib/ids'
import { secretsEqual } from '../lib/secrets'
import type { VerbContext } from './context'
import { CandorError, notFound } from './errors'
import type { MemberRole } from './members'
import type { Actor, ApiToken, TokenScope } from './types'

/** The bootstrap owner, when a request presents `ADMIN_TOKEN`. */
export const BOOTSTRAP_ACTOR: Actor = { id: 'admin-token', scopes: ['owner'] }

/**
 * What a member's token may do now: its scopes, but never beyond the member's current role —
 * an editor's token loses `owner` (keeping write, read and intake), a viewer's keeps only
 * reading. A demoted member's tokens shrink with them.
 */
export function scopesWithinRole(scopes: readonly TokenScope[], role: MemberRole): TokenScope[] {
  if (role === 'owner') return [...scopes]
  if (role === 'editor') {
    return scopes.includes('owner')
      ? ['write', 'intake']
      : scopes.filter((scope) => scope !== 'owner')
  }
  return scopes.some((scope) => scope !== 'intake') ? ['read'] : []
}

/**
 * Who a bearer token belongs to, or null when it is unknown or revoked. The bootstrap
 * `ADMIN_TOKEN` is an owner; minted tokens are looked up by their SHA-256 hash. A member's
 * token acts for that member (the audit log names them), within their current role.
 */
export async function authenticate(
  db: D1Database,
  bearer: string,
  adminToken: string | undefined,
  now: Date,
): Promise<Actor | null> {
  if (adminToken && (await secretsEqual(bearer, adminToken))) return BOOTSTRAP_ACTOR
  const token = await selectActiveTokenByHash(db, await sha256Hex(bearer))
  if (!token) return null
  await touchToken(db, token.id, now.toISOString()).run()
  if (!token.member || !token.memberRole) return { id: `token:${token.id}`, scopes: token.scopes }
  return {
    id: `token:${token.id}`,
    scopes: scopesWithinRole(token.scopes, token.memberRole),
    member: token.member,
  }
}

/** Whether an actor's scopes allow what `needed` names. Owner allows everything, write implies read. */
export function hasScope(actor: Actor, needed: TokenScope): boolean {
  if (actor.scopes.includes('owner')) return true
  if (needed === 'read') return actor.scopes.includes('read') || actor.scopes.includes('write')
  return actor.scopes.includes(needed)
}

/**
 * Mints a token; the secret is returned once and only its hash is kept. A token minted by a
 * member (in the console, or with a token of theirs) belongs to that member.
 */
export async function mintToken(
  ctx: VerbContext,
  input: { name: string; scopes: TokenScope[] },
): Promise<ApiToken & { token: string }> {
  const secret = `cnd_${randomSecret(24)}`
  const token: ApiToken = {
    id: newId(),
    name: input.name,
    scopes: [...new Set(input.scopes)],
    createdAt: ctx.now.toISOString(),
    revokedAt: null,
    lastUsedAt: null,
    member: ctx.actor.member ?? null,
    createdBy: ctx.actor.id,
  }
  await ctx.db.batch([
    insertToken(ctx.db, token, await sha256Hex(secret), ctx.actor.id),
    insertAudit(
      ctx.db,
      ctx.actor,
      'token.create',
      { type: 'token', id: token.id },
      input,
      token.createdAt,
    ),
  ])
  return { ...token, token: secret }
}

export async function listTokens(db: D1Database): Promise<ApiToken[]> {
  return selectTokens(db)
}

export async function revokeToken(ctx: VerbContext, id: string): Promise<void> {
  const token = await selectToken(ctx.db, id)
  if (!token) throw notFound('token', id)
  if (token.revokedAt) throw new CandorError('conflict', 'This token is already revoked.', { id })
  const at = ctx.now.toISOString()
  await ctx.db.batch([
    revokeTokenRow(ctx.db, id, at),
    insertAudit(ctx.db, ctx.actor, 'token.revoke', { type: 'token', id }, { name: token.name }, at),
  ])
}
