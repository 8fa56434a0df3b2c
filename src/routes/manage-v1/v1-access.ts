import type { Context, Handler, Hono } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { AppBindings } from '../../app-types'
import { CandorError } from '../../domain/errors'
import type { TokenScope } from '../../domain/types'
import { declareAccess, declaredAccessOf, matchedRoute } from '../../middleware/access'
import { authenticateToken } from '../../middleware/auth'

/** The HTTP methods a Manage API v1 operation may use. */
export type V1Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

/**
 * Defines one Manage API v1 operation: its access (a token scope: every v1 operation needs a
 * token) first on the route, then its handler. The guard refuses routes defined any other way.
 */
export function v1Route<P extends string>(
  app: Hono<AppBindings>,
  method: V1Method,
  path: P,
  access: TokenScope,
  handler: Handler<AppBindings, P>,
): void {
  app.on(method, path, declareAccess(access), handler)
}

/** The token of a request as Statuspage's clients send it: `OAuth`, `Bearer` or `?api_key=`. */
function credentialOf(c: Context<AppBindings>): string | null {
  const header = c.req.header('authorization') ?? ''
  const match = /^(?:OAuth|Bearer)\s+(\S+)$/i.exec(header.trim())
  if (match) return match[1]!
  return c.req.query('api_key') || null
}

/**
 * Deny by default for the Manage API v1: every request needs a valid token (401 before
 * anything else, even for a path nothing answers); a route that declared its access through
 * `v1Route` then checks its scope (403); a route registered without a declaration is never
 * served (404), whatever the token.
 */
export function v1Guard() {
  return createMiddleware<AppBindings>(async function v1GuardHandler(c, next) {
    const token = credentialOf(c)
    if (!token) {
      throw new CandorError(
        'unauthorized',
        'Send an API key as "Authorization: OAuth <key>" (or Bearer, or ?api_key=).',
      )
    }
    await authenticateToken(c, token)
    const route = matchedRoute(c)
    if (route && !declaredAccessOf(route.handler)) {
      throw new CandorError('not_found', `Nothing at ${c.req.method} ${c.req.path}.`)
    }
    await next()
  })
}
