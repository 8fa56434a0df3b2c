import type { MiddlewareHandler } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { AppBindings } from '../app-types'
import { accessIdentity } from '../domain/access-identity'

/**
 * Reads a Cloudflare Access sign-in: when `ACCESS_TEAM_DOMAIN` and `ACCESS_AUD` are set and the
 * request's `Cf-Access-Jwt-Assertion` verifies, sets `c.var.accessEmail` to the person's
 * (lower-cased) email. It never answers by itself: without Access configured, or with an
 * assertion that does not verify, the request goes on without `accessEmail`. What that email
 * may do is the console's decision (the member with that email, or a 403 page).
 */
export function accessSignIn(): MiddlewareHandler<AppBindings> {
  return createMiddleware<AppBindings>(async function accessSignInHandler(c, next) {
    const identity = await accessIdentity(c.req.raw.headers, {
      teamDomain: c.env.ACCESS_TEAM_DOMAIN,
      aud: c.env.ACCESS_AUD,
      allowHttp: c.env.ALLOW_HTTP_WEBHOOKS === 'true',
    })
    if (identity.ok) c.set('accessEmail', identity.email)
    await next()
  })
}
