import { z } from '@hono/zod-openapi'
import {
  exportSubscribers,
  resendConfirmation,
  unsubscribeSubscriber,
} from '../domain/subscriber-admin'
import { SUBSCRIBER_KINDS, SUBSCRIBER_STATUSES } from '../domain/subscriber-types'
import { checkAddressLimit } from '../middleware/subscribe-limits'
import { ErrorSchema, IdParam } from '../schemas/inputs'
import { SubscriberJson } from '../schemas/subscriptions'
import { apiRoute } from './api-route'
import { baseUrl, verbContext } from './context'
import {
  authErrors,
  conflictError,
  jsonResponse,
  newApiApp,
  notFoundError,
} from './openapi-helpers'
import { presentSubscriber } from './subscribers'
import { sendConfirmationsLater } from './subscription-context'

export const SubscriberExportQuery = z.object({
  kind: z.enum(SUBSCRIBER_KINDS).optional(),
  status: z.enum(SUBSCRIBER_STATUSES).optional(),
  q: z
    .string()
    .max(254)
    .optional()
    .openapi({ description: 'Part of the address (or webhook URL), without regard to case.' }),
})

/**
 * What ops do to subscribers beyond listing them: export them as CSV, unsubscribe one, send a
 * pending one a new confirmation. Mounted before the subscriber routes, so `/subscribers/export`
 * is not read as an id. Write scope, as every route that shows addresses.
 */
export const subscriberActionRoutes = newApiApp()

subscriberActionRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'get',
    path: '/subscribers/export',
    tags: ['Subscribers'],
    summary: 'Export subscribers as CSV',
    description:
      "Columns: `id, kind, email, url, status, components, areas, consent, created_at, confirmed_at, unsubscribed_at` (components and areas as ids separated by `;`, as the import reads them). Filter by `kind`, `status` and `q` (part of the address). A cell a spreadsheet would take for a formula is prefixed with `'`.",
    request: { query: SubscriberExportQuery },
    responses: {
      200: {
        description: 'The subscribers, one line each, after a header line',
        content: { 'text/csv': { schema: { type: 'string' } } },
      },
      400: jsonResponse(ErrorSchema, 'Invalid filter'),
      ...authErrors,
    },
  }),
  async (c) => {
    const { kind, status, q } = c.req.valid('query')
    const csv = await exportSubscribers(c.env.DB, { kind, status, search: q?.trim() || undefined })
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="subscribers.csv"',
    })
  },
)

subscriberActionRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'post',
    path: '/subscribers/{id}/unsubscribe',
    tags: ['Subscribers'],
    summary: 'Unsubscribe a subscriber (as its own unsubscribe link does)',
    description:
      'It hears about nothing more, and an import never signs the address up again. Safe to repeat.',
    request: { params: IdParam },
    responses: {
      200: jsonResponse(SubscriberJson, 'The subscriber, unsubscribed'),
      ...authErrors,
      ...notFoundError,
    },
  }),
  async (c) => {
    const subscriber = await unsubscribeSubscriber(verbContext(c), c.req.valid('param').id)
    return c.json(presentSubscriber(subscriber), 200)
  },
)

subscriberActionRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'post',
    path: '/subscribers/{id}/resend-confirmation',
    tags: ['Subscribers'],
    summary: 'Send a pending subscriber a new confirmation email',
    description:
      'A fresh link valid 48 hours; the confirmation window starts again. Only for `pending` subscribers (409 otherwise). Counts against the per-address limit of public subscribes (429).',
    request: { params: IdParam },
    responses: {
      202: jsonResponse(SubscriberJson, 'The subscriber; the email is on its way'),
      ...authErrors,
      ...notFoundError,
      ...conflictError,
      429: jsonResponse(ErrorSchema, 'Too many emails to this address'),
    },
  }),
  async (c) => {
    const { subscriber, confirmation } = await resendConfirmation(
      { ...verbContext(c), baseUrl: baseUrl(c) },
      c.req.valid('param').id,
      (address) => checkAddressLimit(c.env, address),
    )
    sendConfirmationsLater(c, [confirmation])
    return c.json(presentSubscriber(subscriber), 202)
  },
)
