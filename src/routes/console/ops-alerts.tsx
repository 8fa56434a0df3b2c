import { Hono } from 'hono'
import type { AppBindings } from '../../app-types'
import { roleReaches } from '../../domain/members'
import { listOpsAlerts } from '../../domain/ops-alert-log'
import { opsChannels, opsWebhookSetting } from '../../notify/ops-alerts/ops-alerts'
import { OpsAlertsPage } from '../../views/console/ops-alerts-page'
import { privatePage } from '../html-page'
import { consoleFrame } from './console-form'
import { sessionOf } from './console-session'

/**
 * Ops alerts, for every member: where they go (OPS_WEBHOOK_URL as read, or why it is refused,
 * and OPS_EMAIL), and the alerts raised, newest first. Viewers see webhook URLs by origin only.
 */
export const opsAlertScreenRoutes = new Hono<AppBindings>()

opsAlertScreenRoutes.get('/ops-alerts', async (c) => {
  const webhook = opsWebhookSetting(c.env)
  const alerts = await listOpsAlerts(c.env.DB, { limit: 100 })
  return privatePage(
    c,
    <OpsAlertsPage
      frame={await consoleFrame(c)}
      channels={{
        webhook,
        email: { configured: !!c.env.OPS_EMAIL?.trim(), target: opsChannels(c.env).email },
      }}
      alerts={alerts}
      fullTargets={roleReaches(sessionOf(c).member.role, 'editor')}
    />,
  )
})
