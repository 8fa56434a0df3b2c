import { z } from '@hono/zod-openapi'
import { listOpsAlerts } from '../domain/ops-alert-log'
import { opsChannels, opsWebhookSetting } from '../notify/ops-alerts/ops-alerts'
import { OpsAlertJson, OpsAlertQuery, OpsAlertSettingsJson } from '../schemas/ops-alerts'
import { apiRoute } from './api-route'
import { authErrors, bodyErrors, jsonResponse, newApiApp } from './openapi-helpers'

/** The ops alerts the clock raised and how each was sent (write scope: the targets are credentials). */
export const opsAlertRoutes = newApiApp()

opsAlertRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'get',
    path: '/ops-alerts/settings',
    tags: ['Ops alerts'],
    summary: 'Where ops alerts go: OPS_WEBHOOK_URL as read (or why it is refused) and OPS_EMAIL',
    responses: { 200: jsonResponse(OpsAlertSettingsJson, 'The channels'), ...authErrors },
  }),
  async (c) => {
    const webhook = opsWebhookSetting(c.env)
    const email = opsChannels(c.env).email
    return c.json(
      {
        webhook: {
          configured: webhook.configured,
          target: webhook.target,
          usable: webhook.target !== null,
          refused_reason: webhook.refused,
        },
        email: { configured: !!c.env.OPS_EMAIL?.trim(), target: email, usable: email !== null },
      },
      200,
    )
  },
)

opsAlertRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'get',
    path: '/ops-alerts',
    tags: ['Ops alerts'],
    summary: 'Ops alerts raised (update overdue, ETA passed, resolution disputed), newest first',
    request: { query: OpsAlertQuery },
    responses: {
      200: jsonResponse(z.array(OpsAlertJson), 'Alerts'),
      ...authErrors,
      400: bodyErrors[400],
    },
  }),
  async (c) => {
    const { incident_id, limit } = c.req.valid('query')
    const alerts = await listOpsAlerts(c.env.DB, { incidentId: incident_id, limit: limit ?? 50 })
    return c.json(
      alerts.map((a) => ({
        id: a.id,
        event_type: a.eventType as z.infer<typeof OpsAlertJson>['event_type'],
        incident_id: a.incidentId,
        episode: a.episode,
        created_at: a.createdAt,
        sends: a.sends.map((s) => ({
          channel: s.channel,
          target: s.target,
          status: s.status,
          attempts: s.attempts,
          last_status_code: s.lastStatusCode,
          last_error: s.lastError,
          sent_at: s.sentAt,
        })),
      })),
      200,
    )
  },
)
