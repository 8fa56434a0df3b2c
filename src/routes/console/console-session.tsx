import type { Context, MiddlewareHandler } from 'hono'
import type { AppBindings } from '../../app-types'
import { memberActor, roleReaches, type MemberRole } from '../../domain/members'
import { lookUpSession, type Session } from '../../domain/sessions'
import { sessionFormAllowed } from '../../middleware/console-forms'
import { RefusedPage, RoleRefusedPage } from '../../views/console/sign-in-pages'
import { pageNameOf, privatePage } from '../html-page'
import { sessionCookie } from './session-cookie'

type Ctx = Context<AppBindings>

/**
 * The signed-in member's session, or null (no cookie, ended, or member gone); the one this
 * request already started or found (Cloudflare Access) when there is one.
 */
export async function currentSession(c: Ctx): Promise<Session | null> {
  const known = c.get('session')
  if (known) return known
  const token = sessionCookie(c)
  return token ? lookUpSession(c.env.DB, token, new Date()) : null
}

/** 403 as a page: a form without its session, its form token or our origin. Nothing written. */
export async function refused(c: Ctx) {
  return privatePage(c, <RefusedPage pageName={await pageNameOf(c)} />, 403)
}

/** The session `consoleSession()` found (only under it). */
export function sessionOf(c: Ctx): Session {
  const session = c.get('session')
  if (!session) throw new Error('sessionOf() used outside consoleSession()')
  return session
}

const READS = new Set(['GET', 'HEAD'])

/**
 * Every console screen sits behind this: no session → a GET goes to the sign-in page and
 * anything else is refused (403); every other method must be a same-origin form carrying the
 * session's form token, or a same-origin JSON request carrying it in `X-Candor-Csrf` (403
 * otherwise, nothing written). Sets `session` and `actor` (the
 * member, whose address the audit log records).
 */
export function consoleSession(): MiddlewareHandler<AppBindings> {
  return async function consoleSessionHandler(c, next) {
    const session = await currentSession(c)
    const reading = READS.has(c.req.method)
    if (!session) return reading ? c.redirect('/console/sign-in', 303) : refused(c)
    if (!reading && !(await sessionFormAllowed(c, session.csrfToken))) return refused(c)
    c.set('session', session)
    c.set('actor', memberActor(session.member))
    c.header('Cache-Control', 'no-store')
    await next()
  }
}

/**
 * The role a screen needs, for reading and writing alike: below it, a 403 page and nothing
 * done. Mount it on owner-only screens (members, tokens, settings).
 */
export function requireRole(needed: MemberRole): MiddlewareHandler<AppBindings> {
  return async function requireRoleHandler(c, next) {
    const { member } = sessionOf(c)
    if (!roleReaches(member.role, needed)) {
      return privatePage(
        c,
        <RoleRefusedPage pageName={await pageNameOf(c)} role={member.role} needed={needed} />,
        403,
      )
    }
    await next()
  }
}

/**
 * Writes need an editor by default: mounted after the few actions any member may take (sign
 * out, their own passkeys) and before every screen, so a new form cannot be forgotten.
 */
export function writesNeedEditor(): MiddlewareHandler<AppBindings> {
  const editor = requireRole('editor')
  return async function writesNeedEditorHandler(c, next) {
    if (READS.has(c.req.method)) return next()
    return editor(c, next)
  }
}
