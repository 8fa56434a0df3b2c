import { createRoute, type RouteConfig } from '@hono/zod-openapi'
import { declareAccess, type Access } from '../middleware/access'
import { bearerSecurity } from './openapi-helpers'

/** A route definition as `createRoute` takes it, plus who may call it (required). */
export type ApiRouteConfig = Omit<RouteConfig, 'security' | 'middleware' | 'path'> & {
  access: Access
}

/**
 * The one way Candor defines an API route: `createRoute` with a required `access`. It puts
 * the middleware that enforces the access first on the route, and records the access in the
 * OpenAPI operation as `x-candor-access` and `security` (the bearer token; none on public
 * routes). The guard under `/api/v1` (`denyByDefault`) refuses routes defined without it.
 */
export function apiRoute<P extends string, R extends ApiRouteConfig & { path: P }>(config: R) {
  const { access, ...route } = config
  return createRoute({
    ...route,
    middleware: declareAccess(access),
    ...(access === 'public' ? {} : { security: bearerSecurity }),
    'x-candor-access': access,
  } as Omit<R, 'access'> & {
    middleware: ReturnType<typeof declareAccess>
    security?: { Bearer: string[] }[]
    'x-candor-access': Access
  })
}
