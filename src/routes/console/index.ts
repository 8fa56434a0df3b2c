import { Hono } from 'hono'
import type { AppBindings } from '../../app-types'
import { ensureFirstOwner } from '../../domain/members'
import { limitBody } from '../../middleware/limits'
import { accountRoutes } from './account'
import { consoleSession, writesNeedEditor } from './console-session'
import { incidentNewRoutes } from './incident-new'
import { nowRoutes } from './now'
import { previewRoutes } from './preview'
import { signInRoutes } from './sign-in-pages'
import { templateScreenRoutes } from './templates'

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
// One screen a line. `/incidents/new` and `/incidents/preview` come before any `/incidents/:id`.
// prettier-ignore
for (const screen of [
  incidentNewRoutes,
  previewRoutes,
  templateScreenRoutes,
  nowRoutes,
]) consoleRoutes.route('/', screen)
