import { Hono, type Context } from 'hono'
import type { AppBindings } from '../../app-types'
import { CandorError } from '../../domain/errors'
import {
  listPasskeys,
  registerPasskey,
  registrationOptions,
  relyingParty,
  removePasskey,
  renamePasskey,
  type RelyingParty,
} from '../../domain/passkeys'
import { errorBody } from '../../middleware/errors'
import { AccountPage } from '../../views/console/account-page'
import { baseUrl, verbContext } from '../context'
import { pageNameOf, privatePage } from '../html-page'
import { attempt, consoleFrame, readConsoleForm } from './console-form'
import { sessionOf } from './console-session'

type Ctx = Context<AppBindings>

/** The relying party of this console: the host of PUBLIC_URL, else of the request. */
export async function consoleRelyingParty(c: Ctx): Promise<RelyingParty> {
  return relyingParty(baseUrl(c), await pageNameOf(c))
}

/** A JSON request's body as an object, or null when it is not one. */
export async function jsonObject(c: Ctx): Promise<Record<string, unknown> | null> {
  try {
    const body: unknown = await c.req.json()
    return body && typeof body === 'object' && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : null
  } catch {
    return null
  }
}

/**
 * Runs a ceremony step for a script: its JSON answer, or a refused step (a domain error) as the
 * API's error body with its status. Never cached.
 */
export async function ceremonyAnswer(c: Ctx, step: () => Promise<unknown>): Promise<Response> {
  c.header('Cache-Control', 'no-store')
  try {
    return c.json(await step())
  } catch (error) {
    if (!(error instanceof CandorError)) throw error
    return c.json(errorBody(error.code, error.message, error.details), error.status)
  }
}

const NOTICES: Record<string, string> = {
  'passkey-added': 'Passkey added. You can sign in with it from now on.',
  'passkey-renamed': 'Passkey renamed.',
  'passkey-removed': 'Passkey removed. It no longer signs you in.',
}

/** The account page with the member's passkeys; a notice after a change. */
export async function accountPage(
  c: Ctx,
  rename?: { id: string; state: Awaited<ReturnType<typeof readConsoleForm>> },
  status: 200 | 400 = 200,
) {
  const frame = await consoleFrame(c)
  const passkeys = await listPasskeys(c.env.DB, frame.member.id)
  const notice = NOTICES[c.req.query('done') ?? '']
  return privatePage(
    c,
    <AccountPage frame={frame} passkeys={passkeys} notice={notice} rename={rename} />,
    status,
  )
}

/**
 * A member's own passkeys, whatever their role: adding one (two JSON steps from
 * `passkeys.js`, each with the session's form token in `X-Candor-Csrf`), renaming and
 * removing (forms). Under `consoleSession()`, before `writesNeedEditor()`.
 */
export const passkeyRoutes = new Hono<AppBindings>()

passkeyRoutes.post('/passkeys/register/options', async (c) =>
  ceremonyAnswer(c, async () =>
    registrationOptions(c.env.DB, sessionOf(c).member, await consoleRelyingParty(c), new Date()),
  ),
)

passkeyRoutes.post('/passkeys/register/verify', async (c) =>
  ceremonyAnswer(c, async () => {
    const body = await jsonObject(c)
    if (!body || !body.response || typeof body.response !== 'object') {
      throw new CandorError('bad_request', 'Send the browser’s answer as `response`.')
    }
    const passkey = await registerPasskey(
      verbContext(c),
      sessionOf(c).member,
      await consoleRelyingParty(c),
      body.response as Parameters<typeof registerPasskey>[3],
      body.name,
    )
    return { id: passkey.id, name: passkey.name, location: '/console/account?done=passkey-added' }
  }),
)

passkeyRoutes.post('/passkeys/:id/rename', async (c) => {
  const id = c.req.param('id')
  const form = await readConsoleForm(c)
  const result = await attempt(() =>
    renamePasskey(verbContext(c), sessionOf(c).member, id, form.values.name),
  )
  if (!result.ok) return accountPage(c, { id, state: { ...form, errors: result.errors } }, 400)
  return c.redirect('/console/account?done=passkey-renamed', 303)
})

passkeyRoutes.post('/passkeys/:id/remove', async (c) => {
  await removePasskey(verbContext(c), sessionOf(c).member, c.req.param('id'))
  return c.redirect('/console/account?done=passkey-removed', 303)
})
