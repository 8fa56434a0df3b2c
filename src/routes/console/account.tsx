import { Hono } from 'hono'
import type { AppBindings } from '../../app-types'
import { signOut, signOutEverywhere } from '../../domain/sessions'
import { sessionOf } from './console-session'
import { accountPage, passkeyRoutes } from './passkeys'
import { clearSessionCookie } from './session-cookie'

/**
 * What any member may do for themselves, whatever their role: see their account, manage their
 * passkeys, sign out here or everywhere. Mounted before `writesNeedEditor()`.
 */
export const accountRoutes = new Hono<AppBindings>()

accountRoutes.get('/account', async (c) => accountPage(c))
accountRoutes.route('/', passkeyRoutes)

accountRoutes.post('/sign-out', async (c) => {
  await signOut(c.env.DB, sessionOf(c))
  clearSessionCookie(c)
  return c.redirect('/console/sign-in', 303)
})

accountRoutes.post('/sign-out-everywhere', async (c) => {
  await signOutEverywhere(c.env.DB, sessionOf(c))
  clearSessionCookie(c)
  return c.redirect('/console/sign-in', 303)
})
