import { createRoute, z } from '@hono/zod-openapi'
import { incidentDeliveries, listDeliveries } from '../domain/delivery-log'
import { deliveryLogReach } from '../domain/retention'
import { requireScope } from '../middleware/auth'
import { IdParam } from '../schemas/inputs'
import {
  DELIVERY_LOG_REACH_HEADERS,
  DeliveryJson,
  DeliveryStatusQuery,
  IncidentDeliveriesJson,
} from '../schemas/webhooks'
import {
  authErrors,
  bearerSecurity,
  bodyErrors,
  jsonResponse,
  newApiApp,
  notFoundError,
} from './openapi-helpers'
import { setDeliveryLogReach } from './delivery-log-reach'
import { presentDelivery } from './webhooks'

/**
 * The delivery log for ops: how an incident's notices went (counts only, read scope), and
 * deliveries by status across subscribers — e.g. `?status=dead` (addresses and URLs, write scope).
 */
export const deliveryRoutes = newApiApp()
deliveryRoutes.use('/incidents/:id/deliveries', requireScope('read'))
deliveryRoutes.use('/deliveries', requireScope('write'))

deliveryRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/incidents/{id}/deliveries',
    tags: ['Deliveries'],
    summary: 'Delivery counts of an incident’s notices, per status and channel',
    security: bearerSecurity,
    request: { params: IdParam },
    responses: {
      200: jsonResponse(IncidentDeliveriesJson, 'Counts'),
      ...authErrors,
      ...notFoundError,
    },
  }),
  async (c) => {
    const s = await incidentDeliveries(c.env.DB, c.req.valid('param').id)
    const reach = deliveryLogReach(c.env, new Date())
    return c.json(
      {
        incident_id: s.incidentId,
        events: s.events.map((e) => ({
          id: e.id,
          event_type: e.eventType,
          created_at: e.createdAt,
          dispatched_at: e.dispatchedAt,
        })),
        total: s.total,
        by_status: s.byStatus,
        by_channel: s.byChannel,
        retention_days: reach.days,
        retained_since: reach.since,
      },
      200,
    )
  },
)

deliveryRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/deliveries',
    tags: ['Deliveries'],
    summary: 'Deliveries across subscribers, most recently changed first (e.g. ?status=dead)',
    security: bearerSecurity,
    request: { query: DeliveryStatusQuery },
    responses: {
      200: {
        ...jsonResponse(z.array(DeliveryJson), 'Deliveries'),
        headers: DELIVERY_LOG_REACH_HEADERS,
      },
      ...authErrors,
      400: bodyErrors[400],
    },
  }),
  async (c) => {
    const { status, limit } = c.req.valid('query')
    const list = await listDeliveries(c.env.DB, status ?? null, limit ?? 50)
    setDeliveryLogReach(c)
    return c.json(list.map(presentDelivery), 200)
  },
)
