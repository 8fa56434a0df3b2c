import { z } from '@hono/zod-openapi'
import { listDeadLetters } from '../domain/dead-letters'
import { retryDelivery } from '../domain/delivery-retry'
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
import { enqueueDeliveries } from '../notify/delivery/requeue-delivery'
import { verbContext } from './context'
import {
  authErrors,
  bodyErrors,
  conflictError,
  jsonResponse,
  newApiApp,
  notFoundError,
} from './openapi-helpers'
import { presentDelivery } from './webhooks'

/**
 * The delivery log for ops: how an incident's notices went (counts only, read scope),
 * deliveries by status across subscribers — e.g. `?status=dead` (addresses and URLs, write
 * scope) — and the dead letters of every queue (write scope); a dead delivery can be retried.
 */
export const deliveryRoutes = newApiApp()

deliveryRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'post',
    path: '/deliveries/{id}/retry',
    tags: ['Deliveries'],
    summary: 'Retry a dead delivery now',
    description:
      'Puts the delivery back on the queue for another attempt at once (its attempt log keeps growing). If that attempt fails, the usual retry schedule follows. Only a `dead` delivery whose subscriber is active can be retried (409 otherwise).',
    request: { params: IdParam },
    responses: {
      202: jsonResponse(z.object({ id: z.string(), status: z.literal('pending') }), 'Queued'),
      ...authErrors,
      ...notFoundError,
      ...conflictError,
    },
  }),
  async (c) => {
    const id = await retryDelivery(verbContext(c), c.req.valid('param').id)
    // Pending in D1 already: if this enqueue is lost, the sweep sends it within minutes.
    c.executionCtx.waitUntil(
      enqueueDeliveries(c.env.DELIVERIES, [id]).catch((error: unknown) =>
        console.error('enqueueing a retried delivery failed; the sweep sends it', error),
      ),
    )
    return c.json({ id, status: 'pending' as const }, 202)
  },
)

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
