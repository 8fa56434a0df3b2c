import { Hono, type MiddlewareHandler } from 'hono'
import type { AppBindings } from '../../app-types'
import { CandorError } from '../../domain/errors'
import { signInOptions, signInWithPasskey } from '../../domain/passkeys'
import { errorBody } from '../../middleware/errors'
import { limitLookups } from '../../middleware/lookup-limits'
import { fromOwnOrigin, sendsJson } from '../../middleware/same-origin'
import { refused } from './console-session'
import { ceremonyAnswer, consoleRelyingParty, jsonObject } from './passkeys'
import { setSessionCookie } from './session-cookie'

/**
 * Both steps of signing in with a passkey, before any session: a script's JSON requests from a
 * page of ours (`fromOwnOrigin`); anything else — a form, another site — is refused (403).
 * Each step writes or reads D1 for anyone, so each counts against LOOKUP_BY_IP (429 over it).
 * Paths under `/passkeys/`, apart from `/sign-in/:token`.
 */
export const passkeySignInRoutes = new Hono<AppBindings>()

const ownScriptsOnly: MiddlewareHandler<AppBindings> = async (c, next) => {
  if (!sendsJson(c)) return refused(c)
  if (!fromOwnOrigin(c)) {
    c.header('Cache-Control', 'no-store')
    return c.json(errorBody('forbidden', 'This request did not come from this console.'), 403)
  }
  await next()
}

passkeySignInRoutes.post('/passkeys/sign-in/options', ownScriptsOnly, limitLookups(), async (c) =>
  ceremonyAnswer(c, async () => signInOptions(c.env.DB, await consoleRelyingParty(c), new Date())),
)

passkeySignInRoutes.post('/passkeys/sign-in/verify', ownScriptsOnly, limitLookups(), async (c) =>
  ceremonyAnswer(c, async () => {
    const body = await jsonObject(c)
    if (!body || !body.response || typeof body.response !== 'object') {
      throw new CandorError('bad_request', 'Send the browser’s answer as `response`.')
    }
    const session = await signInWithPasskey(
      c.env.DB,
      await consoleRelyingParty(c),
      body.response as Parameters<typeof signInWithPasskey>[2],
      new Date(),
    )
    setSessionCookie(c, session.sessionToken, session.expiresAt)
    return { location: '/console' }
  }),
)
