import { Hono, type Context } from 'hono'
import type { AppBindings } from '../../app-types'
import { ensureFirstOwner } from '../../domain/members'
import {
  inspectMemberLink,
  lookUpSession,
  requestSignIn,
  signInWithLink,
  signOut,
  signOutEverywhere,
  type LinkState,
  type Session,
} from '../../domain/sessions'
import { isEmailAddress } from '../../lib/email-address'
import { sessionFormAllowed } from '../../middleware/console-forms'
import { limitBody } from '../../middleware/limits'
import { sameOriginForms } from '../../middleware/same-origin'
import { enqueueMails } from '../../notify/delivery/transactional-mail'
import {
  ConsoleHomePage,
  LinkPage,
  LinkProblemPage,
  RefusedPage,
  SignInPage,
  SignInSentPage,
} from '../../views/console/console-pages'
import { baseUrl } from '../context'
import { readForm } from '../form-body'
import { pageNameOf, privatePage } from '../html-page'
import { clearSessionCookie, sessionCookie, setSessionCookie } from './session-cookie'

type Ctx = Context<AppBindings>

/** The signed-in member's session, or null (no cookie, ended, or member gone). */
async function currentSession(c: Ctx): Promise<Session | null> {
  const token = sessionCookie(c)
  return token ? lookUpSession(c.env.DB, token, new Date()) : null
}

async function refused(c: Ctx) {
  return privatePage(c, <RefusedPage pageName={await pageNameOf(c)} />, 403)
}

const LINK_STATUS = { unknown: 404, used: 409, expired: 410 } as const

async function linkProblem(c: Ctx, why: LinkState) {
  const state = why.state === 'ok' ? 'used' : why.state
  return privatePage(
    c,
    <LinkProblemPage pageName={await pageNameOf(c)} state={state} />,
    LINK_STATUS[state],
  )
}

/**
 * A POST made with a session (sign-out, and later every console form): refused with 403 and
 * nothing written unless it carries the session's form token from our own origin.
 */
async function withSessionForm(c: Ctx, act: (session: Session) => Promise<Response>) {
  const session = await currentSession(c)
  if (!session || !(await sessionFormAllowed(c, session.csrfToken))) return refused(c)
  return act(session)
}

/**
 * The console's pages: `/console` (signed in; otherwise to the sign-in page), email-link
 * sign-in and sign-out. Passkeys, Cloudflare Access and the console's screens hook in here.
 */
export const consoleRoutes = new Hono<AppBindings>()

// The first owner (OWNER_EMAIL) is made on the first console request when there is no member.
consoleRoutes.use('*', async (c, next) => {
  await ensureFirstOwner(c.env.DB, c.env.OWNER_EMAIL, new Date())
  await next()
})
consoleRoutes.use('*', limitBody())

// The sign-in form and the links have no session yet: only the origin check covers them.
const signInForms = sameOriginForms({ refuse: refused })

consoleRoutes.get('/', async (c) => {
  const session = await currentSession(c)
  if (!session) return c.redirect('/console/sign-in', 303)
  return privatePage(
    c,
    <ConsoleHomePage
      pageName={await pageNameOf(c)}
      member={session.member}
      csrfToken={session.csrfToken}
    />,
  )
})

consoleRoutes.get('/sign-in', async (c) =>
  privatePage(c, <SignInPage pageName={await pageNameOf(c)} />),
)

consoleRoutes.post('/sign-in', signInForms, async (c) => {
  const form = await readForm(c)
  const email = typeof form['email'] === 'string' ? form['email'].trim() : ''
  const pageName = await pageNameOf(c)
  if (!isEmailAddress(email) || email.length > 254) {
    return privatePage(
      c,
      <SignInPage
        pageName={pageName}
        email={email}
        error="Give an email address such as name@example.com."
      />,
      400,
    )
  }
  const mailId = await requestSignIn(c.env.DB, email, baseUrl(c), new Date())
  if (mailId) {
    // Recorded with the link; if this enqueue is lost, the clock's sweep sends the mail.
    c.executionCtx.waitUntil(
      enqueueMails(c.env.DELIVERIES, [mailId]).catch((error: unknown) =>
        console.error('enqueueing a sign-in link failed; the sweep sends it', error),
      ),
    )
  }
  return privatePage(c, <SignInSentPage pageName={pageName} email={email} />)
})

consoleRoutes.get('/sign-in/:token', async (c) => {
  const link = await inspectMemberLink(c.env.DB, c.req.param('token'), new Date())
  if (link.state !== 'ok') return linkProblem(c, link)
  return privatePage(
    c,
    <LinkPage
      pageName={await pageNameOf(c)}
      email={link.email}
      invite={link.purpose === 'invite'}
    />,
  )
})

consoleRoutes.post('/sign-in/:token', signInForms, async (c) => {
  const result = await signInWithLink(c.env.DB, c.req.param('token'), new Date())
  if (!result.ok) return linkProblem(c, result.why)
  setSessionCookie(c, result.sessionToken, result.expiresAt)
  c.header('Cache-Control', 'no-store')
  return c.redirect('/console', 303)
})

consoleRoutes.post('/sign-out', (c) =>
  withSessionForm(c, async (session) => {
    await signOut(c.env.DB, session)
    clearSessionCookie(c)
    return c.redirect('/console/sign-in', 303)
  }),
)

consoleRoutes.post('/sign-out-everywhere', (c) =>
  withSessionForm(c, async (session) => {
    await signOutEverywhere(c.env.DB, session)
    clearSessionCookie(c)
    return c.redirect('/console/sign-in', 303)
  }),
)
