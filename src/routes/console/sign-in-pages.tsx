import { Hono, type Context } from 'hono'
import type { AppBindings } from '../../app-types'
import {
  inspectMemberLink,
  requestSignIn,
  signInWithLink,
  type LinkState,
} from '../../domain/sessions'
import { isMemberAddress } from '../../lib/email-address'
import { limitLookups } from '../../middleware/lookup-limits'
import { sameOriginForms } from '../../middleware/same-origin'
import { enqueueMails } from '../../notify/delivery/transactional-mail'
import {
  LinkPage,
  LinkProblemPage,
  SignInPage,
  SignInSentPage,
} from '../../views/console/sign-in-pages'
import { baseUrl } from '../context'
import { readForm } from '../form-body'
import { pageNameOf, privatePage } from '../html-page'
import { refused } from './console-session'
import { passkeySignInRoutes } from './passkey-sign-in'
import { setSessionCookie } from './session-cookie'

type Ctx = Context<AppBindings>

const LINK_STATUS = { unknown: 404, used: 409, expired: 410 } as const

async function linkProblem(c: Ctx, why: LinkState) {
  const state = why.state === 'ok' ? 'used' : why.state
  return privatePage(
    c,
    <LinkProblemPage pageName={await pageNameOf(c)} state={state} />,
    LINK_STATUS[state],
  )
}

/** Signing in by email link: the form, and the page and button behind each link. */
export const signInRoutes = new Hono<AppBindings>()

// The sign-in form and the links have no session yet: only the origin check covers them.
const signInForms = sameOriginForms({ refuse: refused })

// Signing in with a passkey: its two JSON steps (under /passkeys/sign-in/).
signInRoutes.route('/', passkeySignInRoutes)

signInRoutes.get('/sign-in', async (c) =>
  privatePage(c, <SignInPage pageName={await pageNameOf(c)} />),
)

signInRoutes.post('/sign-in', signInForms, limitLookups(), async (c) => {
  const form = await readForm(c)
  const email = typeof form['email'] === 'string' ? form['email'].trim() : ''
  const pageName = await pageNameOf(c)
  if (!isMemberAddress(email) || email.length > 254) {
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

signInRoutes.get('/sign-in/:token', async (c) => {
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

signInRoutes.post('/sign-in/:token', signInForms, async (c) => {
  const result = await signInWithLink(c.env.DB, c.req.param('token'), new Date())
  if (!result.ok) return linkProblem(c, result.why)
  setSessionCookie(c, result.sessionToken, result.expiresAt)
  c.header('Cache-Control', 'no-store')
  return c.redirect('/console', 303)
})
