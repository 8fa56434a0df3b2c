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
import type { Actor, ApiToken, TokenScope } from './types'

/** The bootstrap owner, when a request presents `ADMIN_TOKEN`. */
export const BOOTSTRAP_ACTOR: Actor = { id: 'admin-token', scopes: ['owner'] }

/**
 * Who a bearer token belongs to, or null when it is unknown or revoked. The bootstrap
 * `ADMIN_TOKEN` is an owner; minted tokens are looked up by their SHA-256 hash.
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
  return { id: `token:${token.id}`, scopes: token.scopes }
}

/** Whether an actor's scopes allow what `needed` names. Owner allows everything, write implies read. */
export function hasScope(actor: Actor, needed: TokenScope): boolean {
  if (actor.scopes.includes('owner')) return true
  if (needed === 'read') return actor.scopes.includes('read') || actor.scopes.includes('write')
  return actor.scopes.includes(needed)
}

/** Mints a token; the secret is returned once and only its hash is kept. */
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
