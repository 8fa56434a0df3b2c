import { Hono } from 'hono'
import type { AppBindings } from '../../app-types'
import { ensureFirstOwner } from '../../domain/members'
import { afterWrite } from '../../middleware/after-write'
import { accessSignIn } from '../../middleware/access-sign-in'
import { limitBody } from '../../middleware/limits'
import { accessConsoleSession } from './access-session'
import { accountRoutes } from './account'
import { componentsRoutes } from './components'
import { consoleSession, writesNeedEditor } from './console-session'
import { auditScreenRoutes } from './audit'
import { incidentNewRoutes } from './incident-new'
import { incidentScreenRoutes } from './incidents'
import { maintenanceRoutes } from './maintenance'
import { memberScreens } from './members'
import { nowRoutes } from './now'
import { opsAlertScreenRoutes } from './ops-alerts'
import { postmortemScreenRoutes } from './postmortems'
import { previewRoutes } from './preview'
import { settingsRoutes } from './settings'
import { BRAND_FORM_MAX_BYTES } from './settings-brand-form'
import { signInRoutes } from './sign-in-pages'
import { subscriberScreenRoutes } from './subscribers'
import { webhookScreenRoutes } from './webhooks'
import { templateScreenRoutes } from './templates'
import { tokenScreens } from './tokens'

/**
 * The console at `/console`. In order: Cloudflare Access (a verified member is signed in),
 * signing in (no session yet), then `consoleSession()`
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
// The brand form carries the logo and favicon files.
consoleRoutes.use('*', limitBody({ larger: { '/console/settings/brand': BRAND_FORM_MAX_BYTES } }))
// Cloudflare Access (when configured): a verified member is signed in, anyone else refused.
consoleRoutes.use('*', accessSignIn(), accessConsoleSession())
consoleRoutes.route('/', signInRoutes)

consoleRoutes.use('*', consoleSession())
consoleRoutes.route('/', accountRoutes)

// A screen's write changes what the public snapshot and subscribers get, as the API's do.
consoleRoutes.use('*', afterWrite())
consoleRoutes.use('*', writesNeedEditor())
// One screen a line. `/incidents/new` and `/incidents/preview` come before any `/incidents/:id`.
// prettier-ignore
for (const screen of [
  incidentNewRoutes,
  previewRoutes,
  nowRoutes,
  incidentScreenRoutes,
  postmortemScreenRoutes,
  maintenanceRoutes,
  componentsRoutes,
  templateScreenRoutes,
  subscriberScreenRoutes,
  webhookScreenRoutes,
  opsAlertScreenRoutes,
  auditScreenRoutes,
  settingsRoutes,
  memberScreens,
  tokenScreens,
]) consoleRoutes.route('/', screen)
