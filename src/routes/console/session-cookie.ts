import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { AppBindings } from '../../app-types'

type Ctx = Context<AppBindings>

/**
 * The session cookie's name: `__Host-candor_session` on https (Secure, Path=/, no Domain), the
 * plain `candor_session` on http (local development).
 */
function cookieName(c: Ctx): { name: string; secure: boolean } {
  const secure = new URL(c.req.url).protocol === 'https:'
  return { name: secure ? '__Host-candor_session' : 'candor_session', secure }
}

/** The session token the request's cookie carries, if any. */
export function sessionCookie(c: Ctx): string | undefined {
  return getCookie(c, cookieName(c).name) || undefined
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, until the session's absolute expiry. */
export function setSessionCookie(c: Ctx, token: string, expiresAt: string): void {
  const { name, secure } = cookieName(c)
  setCookie(c, name, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure,
    path: '/',
    expires: new Date(expiresAt),
  })
}

/** Clears the session cookie. */
export function clearSessionCookie(c: Ctx): void {
  const { name, secure } = cookieName(c)
  deleteCookie(c, name, { path: '/', secure, httpOnly: true, sameSite: 'Lax' })
}
