import { createMiddleware } from 'hono/factory'
import type { AppBindings } from '../app-types'
import { CandorError } from '../domain/errors'
import { authenticate, hasScope } from '../domain/tokens'
import type { TokenScope } from '../domain/types'

/**
 * Requires a bearer token with `scope` (owner passes everything; write implies read) and
 * puts the acting identity in `c.var.actor`.
 */
export function requireScope(scope: TokenScope) {
  return createMiddleware<AppBindings>(async function requireScopeHandler(c, next) {
    const header = c.req.header('authorization') ?? ''
    const match = /^Bearer\s+(\S+)$/i.exec(header)
    if (!match) {
      throw new CandorError('unauthorized', 'Send an API token as "Authorization: Bearer <token>".')
    }
    const actor = await authenticate(c.env.DB, match[1]!, c.env.ADMIN_TOKEN, new Date())
    if (!actor) throw new CandorError('unauthorized', 'This API token is not valid or was revoked.')
    if (!hasScope(actor, scope)) {
      throw new CandorError('forbidden', `This API token lacks the "${scope}" scope.`, {
        required: scope,
        scopes: actor.scopes,
      })
    }
    c.set('actor', actor)
    await next()
  })
}

/** Read for safe methods, write for the rest. */
export function requireReadOrWrite() {
  const read = requireScope('read')
  const write = requireScope('write')
  return createMiddleware<AppBindings>(async function requireReadOrWriteHandler(c, next) {
    const safe = c.req.method === 'GET' || c.req.method === 'HEAD'
    return (safe ? read : write)(c, next)
  })
}
