import type { MiddlewareHandler } from 'hono'
import type { AppBindings } from '../../app-types'
import { signInWithAccess } from '../../domain/sessions'
import { NotAMemberPage } from '../../views/console/sign-in-pages'
import { pageNameOf, privatePage } from '../html-page'
import { currentSession } from './console-session'
import { setSessionCookie } from './session-cookie'

/**
 * Cloudflare Access in front of the console (after `accessSignIn()`): a request whose
 * assertion verified (`accessEmail`) is the member with that address. Without a session of
 * theirs, one is started and its cookie set (so forms get their form token), an invited
 * member becoming active; a verified person who is no member gets a 403 page. Requests without
 * a verified assertion go on to the usual sign-in.
 */
export function accessConsoleSession(): MiddlewareHandler<AppBindings> {
  return async function accessConsoleSessionHandler(c, next) {
    const email = c.get('accessEmail')
    if (!email) return next()
    const current = await currentSession(c)
    if (current && current.member.email.toLowerCase() === email) {
      c.set('session', current)
      return next()
    }
    const signedIn = await signInWithAccess(c.env.DB, email, new Date())
    if (!signedIn) {
      return privatePage(c, <NotAMemberPage pageName={await pageNameOf(c)} email={email} />, 403)
    }
    setSessionCookie(c, signedIn.sessionToken, signedIn.session.expiresAt)
    c.set('session', signedIn.session)
    await next()
  }
}
