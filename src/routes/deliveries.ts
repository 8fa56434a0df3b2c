import { z } from '@hono/zod-openapi'
import { listDeadLetters } from '../domain/dead-letters'
import { incidentDeliveries, listDeliveries } from '../domain/delivery-log'
import { deliveryLogReach } from '../domain/retention'
import { DeadLetterJson, DeadLetterQuery } from '../schemas/dead-letters'
import { IdParam } from '../schemas/inputs'
import {
  DELIVERY_LOG_REACH_HEADERS,
  DeliveryJson,
  DeliveryStatusQuery,
  IncidentDeliveriesJson,
} from '../schemas/webhooks'
import { apiRoute } from './api-route'
import { setDeliveryLogReach } from './delivery-log-reach'
import { authErrors, bodyErrors, jsonResponse, newApiApp, notFoundError } from './openapi-helpers'
import { presentDelivery } from './webhooks'

/**
 * The delivery log for ops: how an incident's notices went (counts only, read scope),
 * deliveries by status across subscribers — e.g. `?status=dead` (addresses and URLs, write
 * scope) — and the dead letters of every queue (write scope).
 */
export const deliveryRoutes = newApiApp()

deliveryRoutes.openapi(
  apiRoute({
    access: 'read',
    method: 'get',
    path: '/incidents/{id}/deliveries',
    tags: ['Deliveries'],
    summary: 'Delivery counts of an incident’s notices, per status and channel',
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
  apiRoute({
    access: 'write',
    method: 'get',
    path: '/deliveries',
    tags: ['Deliveries'],
    summary: 'Deliveries across subscribers, most recently changed first (e.g. ?status=dead)',
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

deliveryRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'get',
    path: '/dead-letters',
    tags: ['Deliveries'],
    summary: 'Queue messages whose retries were spent, most recent first',
    description:
      'One entry per queue and subject (event, delivery, transactional mail or ops-alert send); `times` counts how often it died. A dead delivery is also `status: dead` in GET /api/v1/deliveries, a dead ops-alert send in GET /api/v1/ops-alerts; a dead event stays undispatched and the clock tries it again.',
    request: { query: DeadLetterQuery },
    responses: {
      200: jsonResponse(z.array(DeadLetterJson), 'Dead letters'),
      ...authErrors,
      400: bodyErrors[400],
    },
  }),
  async (c) => {
    const { queue, limit } = c.req.valid('query')
    const list = await listDeadLetters(c.env.DB, { queue: queue ?? null, limit: limit ?? 50 })
    return c.json(
      list.map((d) => ({
        queue: d.queue as z.infer<typeof DeadLetterJson>['queue'],
        subject_id: d.subjectId,
        message: JSON.parse(d.body) as Record<string, string>,
        error: d.error,
        times: d.times,
        first_at: d.firstAt,
        last_at: d.lastAt,
      })),
      200,
    )
  },
)
