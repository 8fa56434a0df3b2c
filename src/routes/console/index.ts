import { Hono } from 'hono'
import type { AppBindings } from '../../app-types'
import { ensureFirstOwner } from '../../domain/members'
import { limitBody } from '../../middleware/limits'
import { accountRoutes } from './account'
import { consoleSession, writesNeedEditor } from './console-session'
import { auditScreenRoutes } from './audit'
import { nowRoutes } from './now'
import { opsAlertScreenRoutes } from './ops-alerts'
import { signInRoutes } from './sign-in-pages'
import { subscriberScreenRoutes } from './subscribers'
import { webhookScreenRoutes } from './webhooks'

/**
 * The console at `/console`. In order: signing in (no session yet), then `consoleSession()`
 * (a session for every screen; every POST same-origin with the session's form token), the
 * member's own account, then `writesNeedEditor()` (every other write needs an editor) and the
 * screens, each of which may ask for more (`requireRole('owner')`).
 */
export const consoleRoutes = new Hono<AppBindings>()

// The first owner (OWNER_EMAIL) is made on the first console request when there is no member.
consoleRoutes.use('*', async (c, next) => {
  await ensureFirstOwner(c.env.DB, c.env.OWNER_EMAIL, new Date())
  await next()
})
consoleRoutes.use('*', limitBody())
consoleRoutes.route('/', signInRoutes)

consoleRoutes.use('*', consoleSession())
consoleRoutes.route('/', accountRoutes)

consoleRoutes.use('*', writesNeedEditor())
for (const screen of [
  nowRoutes,
  subscriberScreenRoutes,
  webhookScreenRoutes,
  opsAlertScreenRoutes,
  auditScreenRoutes,
])
  consoleRoutes.route('/', screen)
