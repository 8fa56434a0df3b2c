import { z } from '@hono/zod-openapi'
import { webhookDeliveries, type DeliveryWithAttempts } from '../domain/delivery-log'
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listWebhooks,
  rotateSecret,
  type Webhook,
} from '../domain/webhooks'
import { IdParam } from '../schemas/inputs'
import {
  DELIVERY_LOG_REACH_HEADERS,
  DeliveryJson,
  DeliveryListQuery,
  RotateSecretInput,
  WebhookCreated,
  WebhookEventJson,
  WebhookInput,
  WebhookJson,
} from '../schemas/webhooks'
import { apiRoute } from './api-route'
import { verbContext } from './context'
import { setDeliveryLogReach } from './delivery-log-reach'
import {
  authErrors,
  bodyErrors,
  jsonBody,
  jsonResponse,
  newApiApp,
  notFoundError,
} from './openapi-helpers'

/** A webhook as the API shows it (never its secret). */
export function presentWebhook(w: Webhook): z.infer<typeof WebhookJson> {
  return {
    id: w.id,
    url: w.url,
    format: w.format,
    status: w.status,
    email: w.email,
    component_ids: w.componentIds,
    area_ids: w.areaIds,
    created_at: w.createdAt,
    updated_at: w.updatedAt,
    disabled_at: w.disabledAt,
    disabled_reason: w.disabledReason,
    consecutive_failures: w.consecutiveFailures,
    previous_secret_expires_at: w.previousSecretExpiresAt,
  }
}

/** A delivery with its attempt log, as the delivery-log endpoints show it. */
export function presentDelivery(d: DeliveryWithAttempts): z.infer<typeof DeliveryJson> {
  return {
    id: d.id,
    event_id: d.eventId,
    event_type: d.eventType,
    incident_id: d.incidentId,
    component_id: d.componentId,
    subscriber_id: d.subscriberId,
    channel: d.channel,
    recipient: d.recipient,
    status: d.status,
    attempts: d.attempts,
    last_status_code: d.lastStatusCode,
    last_error: d.lastError,
    created_at: d.createdAt,
    updated_at: d.updatedAt,
    sent_at: d.sentAt,
    attempt_log: d.attemptLog.map((a) => ({
      attempt: a.attempt,
      at: a.at,
      status_code: a.statusCode,
      error: a.error,
      duration_ms: a.durationMs,
    })),
  }
}

/**
 * Webhooks ops manage: create (active at once, secret shown once), list, remove, rotate the
 * secret, and read each one's delivery log. Webhook URLs are credentials (a Slack URL is all it
 * takes to post), so every route needs the write scope.
 */
export const webhookRoutes = newApiApp()

webhookRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'post',
    path: '/webhooks',
    tags: ['Webhooks'],
    summary: 'Create a webhook (active at once, no verification; the secret is shown once)',
    request: { body: jsonBody(WebhookInput) },
    responses: {
      201: jsonResponse(WebhookCreated, 'The webhook and its signing secret'),
      ...authErrors,
      ...bodyErrors,
    },
  }),
  async (c) => {
    const { webhook, secret } = await createWebhook(verbContext(c), c.req.valid('json'), {
      allowHttp: c.env.ALLOW_HTTP_WEBHOOKS === 'true',
    })
    return c.json({ ...presentWebhook(webhook), secret }, 201)
  },
)

webhookRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'get',
    path: '/webhooks',
    tags: ['Webhooks'],
    summary: 'List webhooks, newest first',
    responses: { 200: jsonResponse(z.array(WebhookJson), 'Webhooks'), ...authErrors },
  }),
  async (c) => c.json((await listWebhooks(c.env.DB)).map(presentWebhook), 200),
)

webhookRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'get',
    path: '/webhooks/{id}',
    tags: ['Webhooks'],
    summary: 'Get a webhook',
    request: { params: IdParam },
    responses: { 200: jsonResponse(WebhookJson, 'The webhook'), ...authErrors, ...notFoundError },
  }),
  async (c) => c.json(presentWebhook(await getWebhook(c.env.DB, c.req.valid('param').id)), 200),
)

webhookRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'delete',
    path: '/webhooks/{id}',
    tags: ['Webhooks'],
    summary: 'Remove a webhook (with its delivery log)',
    request: { params: IdParam },
    responses: { 204: { description: 'Removed' }, ...authErrors, ...notFoundError },
  }),
  async (c) => {
    await deleteWebhook(verbContext(c), c.req.valid('param').id)
    return c.body(null, 204)
  },
)

webhookRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'post',
    path: '/webhooks/{id}/rotate-secret',
    tags: ['Webhooks'],
    summary: 'Rotate the signing secret; the old one keeps signing during the overlap',
    request: {
      params: IdParam,
      body: { content: { 'application/json': { schema: RotateSecretInput } }, required: false },
    },
    responses: {
      200: jsonResponse(WebhookCreated, 'The webhook and its new secret (shown once)'),
      ...authErrors,
      ...bodyErrors,
      ...notFoundError,
    },
  }),
  async (c) => {
    const { webhook, secret } = await rotateSecret(
      verbContext(c),
      c.req.valid('param').id,
      c.req.valid('json')?.overlap_minutes,
    )
    return c.json({ ...presentWebhook(webhook), secret }, 200)
  },
)

webhookRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'get',
    path: '/webhooks/{id}/deliveries',
    tags: ['Webhooks'],
    summary: 'The webhook’s deliveries, newest first, with every attempt',
    request: { params: IdParam, query: DeliveryListQuery },
    responses: {
      200: {
        ...jsonResponse(z.array(DeliveryJson), 'Deliveries'),
        headers: DELIVERY_LOG_REACH_HEADERS,
      },
      ...authErrors,
      400: bodyErrors[400],
      ...notFoundError,
    },
  }),
  async (c) => {
    const limit = c.req.valid('query').limit ?? 50
    const list = await webhookDeliveries(c.env.DB, c.req.valid('param').id, limit)
    setDeliveryLogReach(c)
    return c.json(list.map(presentDelivery), 200)
  },
)

// What Candor sends (OpenAPI 3.1 `webhooks`), so the document describes both directions.
webhookRoutes.openAPIRegistry.registerWebhook({
  method: 'post',
  path: 'webhook-event',
  tags: ['Webhooks'],
  summary: 'An event Candor POSTs to a standard webhook',
  description:
    'Signed per Standard Webhooks: webhook-id (the delivery id, the same on every retry), webhook-timestamp, webhook-signature (v1,<base64 HMAC-SHA256 of "id.timestamp.body"> with the whsec_ secret; two signatures during a secret rotation). Answer 2xx to acknowledge; 410 disables the webhook; 429/503 with Retry-After delay the retry. A webhook subscribed through the public API first gets a `webhook.verify` event (meta and page only) and is active once that is answered 2xx.',
  request: {
    headers: z.object({
      'webhook-id': z.string(),
      'webhook-timestamp': z.string(),
      'webhook-signature': z.string(),
    }),
    body: jsonBody(WebhookEventJson),
  },
  responses: {
    200: { description: 'Received (any 2xx)' },
    410: { description: 'Gone: Candor disables the webhook' },
  },
})
