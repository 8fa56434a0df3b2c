import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { AppBindings } from '../app-types'
import { CandorError } from '../domain/errors'
import { authenticate, hasScope } from '../domain/tokens'
import type { Actor, TokenScope } from '../domain/types'

/**
 * The actor of the request's bearer token, authenticated once per request and kept in
 * `c.var.actor`; 401 without a valid token.
 */
async function actorOf(c: Context<AppBindings>): Promise<Actor> {
  const known = c.var.actor as Actor | undefined
  if (known) return known
  const header = c.req.header('authorization') ?? ''
  const match = /^Bearer\s+(\S+)$/i.exec(header)
  if (!match) {
    throw new CandorError('unauthorized', 'Send an API token as "Authorization: Bearer <token>".')
  }
  return authenticateToken(c, match[1]!)
}

/**
 * Looks `token` up (ADMIN_TOKEN or a minted token) and puts its actor in `c.var.actor`; 401
 * when it is not valid. For APIs that carry the token some other way than a bearer header.
 */
export async function authenticateToken(c: Context<AppBindings>, token: string): Promise<Actor> {
  const actor = await authenticate(c.env.DB, token, c.env.ADMIN_TOKEN, new Date())
  if (!actor) throw new CandorError('unauthorized', 'This API token is not valid or was revoked.')
  c.set('actor', actor)
  return actor
}

/**
 * The actor of the request's bearer token when it carries a valid one, else null — from
 * `c.var.actor` when the access guard already looked it up, so a request costs one lookup.
 */
export async function actorIfAny(c: Context<AppBindings>): Promise<Actor | null> {
  try {
    return await actorOf(c)
  } catch (error) {
    if (error instanceof CandorError) return null
    throw error
  }
}

/** Requires a valid bearer token of any scope and puts its identity in `c.var.actor`. */
export function requireToken() {
  return createMiddleware<AppBindings>(async function requireTokenHandler(c, next) {
    await actorOf(c)
    await next()
  })
}

/**
 * Requires a bearer token with `scope` (owner passes everything; write implies read) and
 * puts the acting identity in `c.var.actor`.
 */
export function requireScope(scope: TokenScope) {
  return createMiddleware<AppBindings>(async function requireScopeHandler(c, next) {
    const actor = await actorOf(c)
    if (!hasScope(actor, scope)) {
      throw new CandorError('forbidden', `This API token lacks the "${scope}" scope.`, {
        required: scope,
        scopes: actor.scopes,
      })
    }
    await next()
  })
}
