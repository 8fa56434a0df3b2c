import { Hono, type Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppBindings } from '../../app-types'
import { CandorError } from '../../domain/errors'
import { listTokens, mintToken, revokeToken } from '../../domain/tokens'
import { TokenInput } from '../../schemas/inputs'
import { EMPTY_FORM, valueOf, valuesOf, type FormState } from '../../views/console/fields'
import { MintedTokenPage, TokensPage } from '../../views/console/tokens-page'
import { verbContext } from '../context'
import { privatePage } from '../html-page'
import { consoleFrame, parseWith, readConsoleForm } from './console-form'
import { requireRole } from './console-session'

type Ctx = Context<AppBindings>

/**
 * API tokens (owner only): every token (never a secret), minting one (its secret shown once,
 * on the answer page) and revoking. A token minted here belongs to the member who minted it.
 */
export const tokenScreens = new Hono<AppBindings>()

// Scoped to this screen's paths: a `*` here would reach every screen mounted after it.
tokenScreens.use('/tokens/*', requireRole('owner'))

async function listPage(
  c: Ctx,
  form: FormState = EMPTY_FORM,
  status: ContentfulStatusCode = 200,
  problem?: string,
) {
  return privatePage(
    c,
    <TokensPage
      frame={await consoleFrame(c)}
      tokens={await listTokens(c.env.DB)}
      form={form}
      fresh={form === EMPTY_FORM}
      notice={c.req.query('done') === 'revoked' ? 'Revoked: the token no longer works.' : undefined}
      problem={problem}
    />,
    status,
  )
}

tokenScreens.get('/tokens', (c) => listPage(c))

tokenScreens.post('/tokens', async (c) => {
  const form = await readConsoleForm(c)
  const parsed = parseWith(TokenInput, {
    name: valueOf(form, 'name'),
    scopes: valuesOf(form, 'scopes'),
  })
  if (!parsed.ok) return listPage(c, { ...form, errors: parsed.errors }, 400)
  const token = await mintToken(verbContext(c), parsed.value)
  // The secret is on this answer only (no redirect: it is never stored to be shown again).
  return privatePage(c, <MintedTokenPage frame={await consoleFrame(c)} token={token} />)
})

tokenScreens.post('/tokens/:id/revoke', async (c) => {
  try {
    await revokeToken(verbContext(c), c.req.param('id'))
  } catch (error) {
    if (error instanceof CandorError && error.code === 'conflict') {
      return listPage(c, EMPTY_FORM, 409, error.message)
    }
    throw error
  }
  return c.redirect('/console/tokens?done=revoked', 303)
})
