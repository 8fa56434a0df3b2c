import { z } from '@hono/zod-openapi'
import {
  exportSubscribers,
  resendConfirmation,
  unsubscribeSubscriber,
} from '../domain/subscriber-admin'
import {
  countSubscribers,
  SUBSCRIBER_STATES,
  reactivateSubscriber,
  reactivateSubscribers,
  subscriberHistogram,
} from '../domain/subscriber-states'
import { SUBSCRIBER_KINDS, SUBSCRIBER_STATUSES } from '../domain/subscriber-types'
import { checkAddressLimit } from '../middleware/subscribe-limits'
import { ErrorSchema, IdParam } from '../schemas/inputs'
import {
  ReactivateInput,
  ReactivateReport,
  SubscriberCounts,
  SubscriberCountsQuery,
  SubscriberJson,
} from '../schemas/subscriptions'
import { apiRoute } from './api-route'
import { baseUrl, verbContext } from './context'
import {
  authErrors,
  bodyErrors,
  conflictError,
  jsonBody,
  jsonResponse,
  newApiApp,
  notFoundError,
} from './openapi-helpers'
import { presentSubscriber } from './subscribers'
import { sendConfirmationsLater } from './subscription-context'

export const SubscriberExportQuery = z.object({
  kind: z.enum(SUBSCRIBER_KINDS).optional(),
  status: z.enum(SUBSCRIBER_STATUSES).optional(),
  state: z.enum(SUBSCRIBER_STATES).optional(),
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
    const { kind, status, state, q } = c.req.valid('query')
    const search = q?.trim() || undefined
    const csv = await exportSubscribers(c.env.DB, { kind, status, state, search })
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

subscriberActionRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'get',
    path: '/subscribers/counts',
    tags: ['Subscribers'],
    summary: 'Count subscribers by kind and state',
    description:
      "`by_kind_and_state`: every kind's subscribers by state (Statuspage's `histogram_by_state`, plus `unsubscribed`); `by_kind`: how many of each kind are in `state` (default `active`, `all` = every state but unsubscribed), as Statuspage's `count`.",
    request: { query: SubscriberCountsQuery },
    responses: {
      200: jsonResponse(SubscriberCounts, 'The counts'),
      400: jsonResponse(ErrorSchema, 'Invalid filter'),
      ...authErrors,
    },
  }),
  async (c) => {
    const { kind, state } = c.req.valid('query')
    const [histogram, byKind] = await Promise.all([
      subscriberHistogram(c.env.DB),
      countSubscribers(c.env.DB, { state: state ?? 'active', kind }),
    ])
    return c.json({ by_kind_and_state: histogram, by_kind: byKind }, 200)
  },
)

subscriberActionRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'post',
    path: '/subscribers/reactivate',
    tags: ['Subscribers'],
    summary: 'Reactivate many quarantined subscribers',
    description:
      'The ids given, or `all` quarantined ones (at most 1000 a call), optionally of one `kind`. Ids not quarantined are skipped. Each one brought back is in the audit log.',
    request: { body: jsonBody(ReactivateInput) },
    responses: {
      200: jsonResponse(ReactivateReport, 'The ids reactivated'),
      ...authErrors,
      ...bodyErrors,
    },
  }),
  async (c) => {
    const { subscribers, kind } = c.req.valid('json')
    const reactivated = await reactivateSubscribers(verbContext(c), { ids: subscribers, kind })
    return c.json({ reactivated }, 200)
  },
)

subscriberActionRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'post',
    path: '/subscribers/{id}/reactivate',
    tags: ['Subscribers'],
    summary: 'Reactivate a quarantined subscriber',
    description:
      'A subscriber quarantined (`status` disabled) after its deliveries kept failing, or its receiver answered 410, is sent events again; its failure count starts from zero. 409 when it is not quarantined, or is a webhook whose receiver never answered `webhook.verify`.',
    request: { params: IdParam },
    responses: {
      200: jsonResponse(SubscriberJson, 'The subscriber, active again'),
      ...authErrors,
      ...notFoundError,
      ...conflictError,
    },
  }),
  async (c) => {
    const subscriber = await reactivateSubscriber(verbContext(c), c.req.valid('param').id)
    return c.json(presentSubscriber(subscriber), 200)
  },
)
