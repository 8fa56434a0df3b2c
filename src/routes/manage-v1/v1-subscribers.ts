import { Hono, type Context } from 'hono'
import type { z } from '@hono/zod-openapi'
import type { AppBindings } from '../../app-types'
import { CandorError } from '../../domain/errors'
import { unsubscribeSubscriber } from '../../domain/subscriber-admin'
import { createEmailSubscriber } from '../../domain/subscriber-create'
import type { Subscriber, SubscriberKind } from '../../domain/subscriber-types'
import { getSubscriber, listSubscribers } from '../../domain/subscriber-list'
import {
  V1_SUBSCRIBER_STATES,
  V1SubscriberInput,
  type V1SubscriberStateFilter,
} from '../../schemas/manage-v1-subscribers'
import { baseUrl, presentContextFromDb, verbContext } from '../context'
import { sendConfirmationsLater } from '../subscription-context'
import { v1Route } from './v1-access'
import { readV1Input } from './v1-body'
import { pageNumber, pageSize, paginate, type PageRule } from './v1-pagination'
import { presentV1Subscriber, typeQuery } from './v1-subscriber-present'

/**
 * `/v1/pages/{page_id}/subscribers`: Candor's email and webhook subscribers, through the verbs
 * of `/api/v1/subscribers`. Every operation needs the write scope, as there: addresses and
 * webhook URLs are personal data, which a read token never sees.
 */
export const v1SubscriberRoutes = new Hono<AppBindings>()

const BASE = '/pages/:page_id/subscribers'

/**
 * Statuspage pages the subscriber list with `limit` (100 by default and at most) and a `page`
 * counted from 0 ("The first page is page 0"), unlike its other lists.
 */
const LIMIT_100: PageRule = { size: 'limit', defaultSize: 100, maxSize: 100, firstPage: 0 }

/** How many subscribers a page of a list needs read: all of them up to its end. */
function neededFor(c: Context<AppBindings>, rule: PageRule): number {
  return pageNumber(c, rule) * pageSize(c, rule)
}

/**
 * Subscribers in id order, up to `needed` of them, of one kind and state (`all`: any state but
 * unsubscribed), optionally whose address or URL contains `search`.
 */
export async function subscribersUpTo(
  db: D1Database,
  filter: {
    kind?: SubscriberKind
    state: V1SubscriberStateFilter | 'unsubscribed'
    search?: string
  },
  needed: number,
): Promise<Subscriber[]> {
  const out: Subscriber[] = []
  let cursor: string | undefined
  do {
    const page = await listSubscribers(db, {
      kind: filter.kind,
      state: filter.state === 'all' ? undefined : filter.state,
      search: filter.search,
      cursor,
      limit: 1000,
    })
    for (const s of page.subscribers) {
      if (filter.state !== 'all' || s.status !== 'unsubscribed') out.push(s)
    }
    cursor = page.nextCursor ?? undefined
  } while (cursor && out.length < needed)
  return out
}

/** The `state` query parameter: one of Statuspage's, `active` by default. */
function stateQuery(c: Context<AppBindings>): V1SubscriberStateFilter {
  const raw = c.req.query('state')
  if (raw === undefined || raw === '') return 'active'
  if (!(V1_SUBSCRIBER_STATES as readonly string[]).includes(raw)) {
    throw new CandorError('validation_failed', `Unknown subscriber state "${raw}".`, [
      { path: 'state', message: `one of ${V1_SUBSCRIBER_STATES.join(', ')}` },
    ])
  }
  return raw as V1SubscriberStateFilter
}

v1Route(v1SubscriberRoutes, 'GET', BASE, 'write', async (c) => {
  const filter = {
    kind: typeQuery(c),
    state: stateQuery(c),
    search: c.req.query('q')?.trim().slice(0, 254) || undefined,
  }
  const ctx = await presentContextFromDb(c)
  const found = await subscribersUpTo(c.env.DB, filter, neededFor(c, LIMIT_100))
  return c.json(
    paginate(c, found, LIMIT_100).map((s) => presentV1Subscriber(s, ctx)),
    200,
  )
})

/**
 * The address of a v1 subscriber body, or a 422: Candor has no SMS subscribers, creates no
 * webhook here, and needs an email.
 */
export function emailOfV1Subscriber(input: z.infer<typeof V1SubscriberInput>): string {
  if (input.phone_number !== undefined || input.phone_country !== undefined) {
    throw new CandorError('validation_failed', 'Candor has no SMS subscribers.', [
      { path: 'subscriber.phone_number', message: 'SMS is not supported' },
    ])
  }
  if (input.endpoint !== undefined) {
    throw new CandorError(
      'validation_failed',
      "Webhook subscribers are not created through this API: the webhook's owner subscribes it on the status page (or through /api/v1), and confirms it.",
      [{ path: 'subscriber.endpoint', message: 'webhooks are not created here' }],
    )
  }
  if (input.email === undefined) {
    throw new CandorError('validation_failed', 'Invalid subscriber.email: required.', [
      { path: 'subscriber.email', message: 'required' },
    ])
  }
  return input.email
}

v1Route(v1SubscriberRoutes, 'POST', BASE, 'write', async (c) => {
  const { input } = await readV1Input(c, 'subscriber', V1SubscriberInput)
  const { subscriber, confirmation } = await createEmailSubscriber(
    { ...verbContext(c), baseUrl: baseUrl(c) },
    {
      email: emailOfV1Subscriber(input),
      componentIds: input.component_ids,
      consented: input.skip_confirmation_notification === true,
    },
  )
  if (confirmation) sendConfirmationsLater(c, [confirmation])
  return c.json(presentV1Subscriber(subscriber, await presentContextFromDb(c)), 201)
})

v1Route(v1SubscriberRoutes, 'GET', `${BASE}/:subscriber_id`, 'write', async (c) => {
  const subscriber = await getSubscriber(c.env.DB, c.req.param('subscriber_id'))
  return c.json(presentV1Subscriber(subscriber, await presentContextFromDb(c)), 200)
})

// Statuspage's DELETE unsubscribes: the subscriber is kept, and hears nothing more.
v1Route(v1SubscriberRoutes, 'DELETE', `${BASE}/:subscriber_id`, 'write', async (c) => {
  const subscriber = await unsubscribeSubscriber(verbContext(c), c.req.param('subscriber_id'))
  return c.json(presentV1Subscriber(subscriber, await presentContextFromDb(c)), 200)
})
