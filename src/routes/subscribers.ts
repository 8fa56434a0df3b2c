import { CandorError } from '../domain/errors'
import type { Subscriber } from '../domain/subscriber-types'
import { quarantinedAt, subscriberState } from '../domain/subscriber-states'
import { importSubscribers } from '../domain/subscriber-import'
import { getSubscriber, listSubscribers, removeSubscriber } from '../domain/subscriber-list'
import { ErrorSchema, IdParam } from '../schemas/inputs'
import {
  ImportQuery,
  ImportReportJson,
  SubscriberJson,
  SubscriberList,
  SubscriberListQuery,
} from '../schemas/subscriptions'
import { apiRoute } from './api-route'
import { verbContext } from './context'
import { authErrors, jsonResponse, newApiApp, notFoundError } from './openapi-helpers'
import { sendConfirmationsLater } from './subscription-context'

/** A subscriber as the admin API shows it; a webhook's secret never leaves through here. */
export function presentSubscriber(s: Subscriber) {
  return {
    id: s.id,
    kind: s.kind,
    email: s.email,
    url: s.url,
    format: s.format,
    status: s.status,
    state: subscriberState(s),
    quarantined_at: quarantinedAt(s),
    everything: s.everything,
    component_ids: s.componentIds,
    area_ids: s.areaIds,
    incident_ids: s.incidentIds,
    consent: s.consent,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
    confirmed_at: s.confirmedAt,
    unsubscribed_at: s.unsubscribedAt,
    disabled_at: s.disabledAt,
    disabled_reason: s.disabledReason,
    consecutive_failures: s.consecutiveFailures,
    time_zone: s.timeZone,
    language: s.language,
  }
}

const CSV_TYPE = /^text\/csv\b/i

/**
 * Admin: list, read, remove and import subscribers (email and webhook). Every route needs the
 * write scope: addresses and webhook URLs are personal data or credentials, which read never sees.
 */
export const subscriberRoutes = newApiApp()

subscriberRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'get',
    path: '/subscribers',
    tags: ['Subscribers'],
    summary: 'List subscribers, a page at a time',
    description:
      "In id order; pass `next_cursor` as `cursor` for the next page. Filter by `kind`, `status` (Candor's) or `state` (Statuspage's: unconfirmed, active, quarantined, unsubscribed).",
    request: { query: SubscriberListQuery },
    responses: {
      200: jsonResponse(SubscriberList, 'A page of subscribers'),
      400: jsonResponse(ErrorSchema, 'Invalid filter'),
      ...authErrors,
    },
  }),
  async (c) => {
    const { kind, status, state, cursor, limit } = c.req.valid('query')
    const page = await listSubscribers(c.env.DB, {
      kind,
      status,
      state,
      cursor,
      limit: limit ?? 100,
    })
    return c.json(
      { subscribers: page.subscribers.map(presentSubscriber), next_cursor: page.nextCursor },
      200,
    )
  },
)

subscriberRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'get',
    path: '/subscribers/{id}',
    tags: ['Subscribers'],
    summary: 'Get a subscriber',
    request: { params: IdParam },
    responses: {
      200: jsonResponse(SubscriberJson, 'The subscriber'),
      ...authErrors,
      ...notFoundError,
    },
  }),
  async (c) => {
    const subscriber = await getSubscriber(c.env.DB, c.req.valid('param').id)
    return c.json(presentSubscriber(subscriber), 200)
  },
)

subscriberRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'delete',
    path: '/subscribers/{id}',
    tags: ['Subscribers'],
    summary: 'Remove a subscriber for good',
    description:
      'Deletes the subscriber with its choices, link tokens and delivery history (the audit log keeps that it was removed, without the address).',
    request: { params: IdParam },
    responses: { 204: { description: 'Removed' }, ...authErrors, ...notFoundError },
  }),
  async (c) => {
    await removeSubscriber(verbContext(c), c.req.valid('param').id)
    return c.body(null, 204)
  },
)

subscriberRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'post',
    path: '/subscribers/import',
    tags: ['Subscribers'],
    summary: 'Import email subscribers from CSV',
    description:
      'Body: `text/csv` whose first line names the columns: `email`, optionally `components` and `areas` (ids or names, several separated by `;`). With `?consented=true` (you state every address agreed) rows are active at once; otherwise each gets a confirmation email and stays pending until confirmed (48 h). Known addresses are skipped, and one that unsubscribed is never signed up again. Rows with errors are listed; valid rows are kept.',
    request: {
      query: ImportQuery,
      body: {
        content: { 'text/csv': { schema: { type: 'string' } } },
        required: true,
      },
    },
    responses: {
      200: jsonResponse(ImportReportJson, 'What was imported, skipped, and why rows failed'),
      400: jsonResponse(ErrorSchema, 'No header line with an email column, or unreadable CSV'),
      ...authErrors,
      409: jsonResponse(ErrorSchema, 'An address subscribed while the import ran'),
      413: jsonResponse(ErrorSchema, 'Body larger than 64 KB'),
      415: jsonResponse(ErrorSchema, 'Body is not text/csv'),
    },
  }),
  async (c) => {
    const type = c.req.header('content-type') ?? ''
    if (!CSV_TYPE.test(type)) {
      throw new CandorError('unsupported_media_type', 'Send the subscribers as text/csv.', {
        content_type: type || null,
      })
    }
    const consented = c.req.valid('query').consented === 'true'
    const ctx = verbContext(c)
    const { report, confirmations } = await importSubscribers(
      { ...ctx, baseUrl: ctx.baseUrl ?? '' },
      await c.req.text(),
      consented,
    )
    sendConfirmationsLater(c, confirmations)
    return c.json(
      {
        added: report.added,
        active: report.active,
        pending: report.pending,
        skipped: report.skipped,
        errors: report.errors,
        ignored_columns: report.ignoredColumns,
      },
      200,
    )
  },
)
