import type { Context, MiddlewareHandler } from 'hono'
import { createMiddleware } from 'hono/factory'
import { matchedRoutes } from 'hono/route'
import { METHOD_NAME_ALL } from 'hono/router'
import { COMPOSED_HANDLER } from 'hono/utils/constants'
import type { AppBindings } from '../app-types'
import { TOKEN_SCOPES, type TokenScope } from '../domain/types'
import { requireScope, requireToken } from './auth'

/** Who may call a route: anyone (`public`), or a bearer token with this scope. */
export type Access = 'public' | TokenScope

/** The access each route's marker middleware declares, keyed by that middleware. */
const declarations = new WeakMap<object, Access>()

/**
 * The middleware that declares a route's access and enforces it: a public route passes, any
 * other needs a token with that scope. `apiRoute` puts it first on every route it defines.
 */
export function declareAccess(access: Access): MiddlewareHandler<AppBindings> {
  const handler =
    access === 'public'
      ? createMiddleware<AppBindings>(async function publicAccess(_c, next) {
          await next()
        })
      : requireScope(access)
  declarations.set(handler, access)
  return handler
}

/** The access a route handler declares, looking through the wrappers `app.route()` adds. */
export function declaredAccessOf(handler: unknown): Access | undefined {
  let current = handler
  while (typeof current === 'function') {
    const access = declarations.get(current)
    if (access) return access
    current = (current as unknown as Record<string, unknown>)[COMPOSED_HANDLER]
  }
  return undefined
}

/**
 * The request's route: the first matched entry registered for a method on a concrete path.
 * Middleware is skipped: `use()` registers it for every method, and middleware for one method
 * (`on('POST', '/api/v1/*', …)`) sits on a wildcard path. Undefined when no route matches.
 */
export function matchedRoute(c: Context<AppBindings>) {
  return matchedRoutes(c).find(
    (route) => route.method !== METHOD_NAME_ALL && !route.path.endsWith('*'),
  )
}

/**
 * Deny by default, for everything mounted under it: a route declared public passes; a route
 * declared with a scope needs a token with it (checked here, before any other middleware);
 * a route registered without a declaration needs an owner token; a path no route answers
 * needs a valid token (then it is a 404). A CORS preflight (`OPTIONS`, which never carries a
 * token) that no route answers passes, so CORS middleware can answer it.
 */
export function denyByDefault(): MiddlewareHandler<AppBindings> {
  const anyToken = requireToken()
  const scoped = new Map(TOKEN_SCOPES.map((scope) => [scope, requireScope(scope)]))
  return createMiddleware<AppBindings>(async function denyByDefaultHandler(c, next) {
    const route = matchedRoute(c)
    if (!route) return c.req.method === 'OPTIONS' ? next() : anyToken(c, next)
    const access = declaredAccessOf(route.handler)
    if (access === 'public') return next()
    return scoped.get(access ?? 'owner')!(c, next)
  })
}
