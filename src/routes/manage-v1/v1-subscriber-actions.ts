import { Hono, type Context } from 'hono'
import type { z } from '@hono/zod-openapi'
import type { AppBindings } from '../../app-types'
import { CandorError } from '../../domain/errors'
import { resendConfirmation, unsubscribeSubscriber } from '../../domain/subscriber-admin'
import {
  countSubscribers,
  reactivateSubscribers,
  subscriberHistogram,
  type StateCounts,
} from '../../domain/subscriber-states'
import { setSubscriberComponents } from '../../domain/subscriber-components'
import { getSubscriber } from '../../domain/subscriber-list'
import { checkAddressLimit } from '../../middleware/subscribe-limits'
import {
  V1_SUBSCRIBER_STATES,
  V1BulkReactivate,
  V1BulkResend,
  V1BulkUnsubscribe,
  V1SubscriberChanges,
  type V1SubscriberStateFilter,
} from '../../schemas/manage-v1-subscribers'
import { baseUrl, presentContextFromDb, verbContext } from '../context'
import { sendConfirmationsLater } from '../subscription-context'
import { v1Route } from './v1-access'
import { readV1Body } from './v1-body'
import { paginate } from './v1-pagination'
import { candorKind, presentV1Subscriber, typeQuery } from './v1-subscriber-present'
import { subscribersUpTo } from './v1-subscribers'

/**
 * What Statuspage does to subscribers beyond the list: counts, the unsubscribed list, bulk
 * unsubscribe and reactivate, a new confirmation, a change of components. Mounted before the subscriber routes, so
 * `/subscribers/count` is not read as an id. Write scope, as every subscriber route.
 */
export const v1SubscriberActionRoutes = new Hono<AppBindings>()

const BASE = '/pages/:page_id/subscribers'

/** The most subscribers one bulk resend of confirmations reaches. */
const BULK_RESEND_LIMIT = 1000

/** Statuspage's most subscribers one bulk unsubscribe takes. */
const BULK_UNSUBSCRIBE_LIMIT = 100

/** The types Statuspage counts, Candor's with real numbers and the others at 0. */
const NO_SUCH_TYPES = ['sms', 'slack', 'teams', 'integration_partner'] as const

/** A bulk body (its fields at the top level), checked with `schema`; 422 naming the field. */
async function readBulk<S extends z.ZodType>(c: Context<AppBindings>, schema: S) {
  return parseFields(await readV1Body(c), schema)
}

/** `fields` checked with `schema`; 422 naming the first field that does not fit. */
function parseFields<S extends z.ZodType>(fields: unknown, schema: S): z.infer<S> {
  const result = schema.safeParse(fields)
  if (!result.success) {
    const issue = result.error.issues[0]!
    const path = issue.path.join('.') || '(body)'
    throw new CandorError('validation_failed', `Invalid ${path}: ${issue.message}`, [
      { path, message: issue.message },
    ])
  }
  return result.data as z.infer<S>
}

function countsByState(counts: StateCounts) {
  return {
    active: counts.active,
    unconfirmed: counts.unconfirmed,
    quarantined: counts.quarantined,
    total: counts.total,
  }
}

v1Route(v1SubscriberActionRoutes, 'GET', `${BASE}/histogram_by_state`, 'write', async (c) => {
  const histogram = await subscriberHistogram(c.env.DB)
  const empty = countsByState({
    active: 0,
    unconfirmed: 0,
    quarantined: 0,
    unsubscribed: 0,
    total: 0,
  })
  return c.json(
    {
      email: countsByState(histogram.email),
      webhook: countsByState(histogram.webhook),
      ...Object.fromEntries(NO_SUCH_TYPES.map((t) => [t, empty])),
    },
    200,
  )
})

v1Route(v1SubscriberActionRoutes, 'GET', `${BASE}/count`, 'write', async (c) => {
  const kind = typeQuery(c)
  const raw = c.req.query('state') || 'active'
  if (!(V1_SUBSCRIBER_STATES as readonly string[]).includes(raw)) {
    throw new CandorError('validation_failed', `Unknown subscriber state "${raw}".`, [
      { path: 'state', message: `one of ${V1_SUBSCRIBER_STATES.join(', ')}` },
    ])
  }
  const counts = await countSubscribers(c.env.DB, {
    state: raw as V1SubscriberStateFilter,
    kind,
  })
  return c.json({ ...counts, ...Object.fromEntries(NO_SUCH_TYPES.map((t) => [t, 0])) }, 200)
})

v1Route(v1SubscriberActionRoutes, 'GET', `${BASE}/unsubscribed`, 'write', async (c) => {
  const page = Number(c.req.query('page')) || 1
  const size = Math.min(Number(c.req.query('per_page')) || 100, 100)
  const found = await subscribersUpTo(c.env.DB, { state: 'unsubscribed' }, page * size)
  const ctx = await presentContextFromDb(c)
  return c.json(
    paginate(c, found).map((s) => presentV1Subscriber(s, ctx)),
    200,
  )
})

v1Route(v1SubscriberActionRoutes, 'POST', `${BASE}/unsubscribe`, 'write', async (c) => {
  const input = await readBulk(c, V1BulkUnsubscribe)
  const kind = candorKind(input.type)
  let ids: string[]
  if (input.subscribers === 'all') {
    const found = await subscribersUpTo(
      c.env.DB,
      { kind, state: input.state ?? 'active' },
      BULK_UNSUBSCRIBE_LIMIT + 1,
    )
    if (found.length > BULK_UNSUBSCRIBE_LIMIT) {
      throw new CandorError(
        'validation_failed',
        `"all" unsubscribes at most ${BULK_UNSUBSCRIBE_LIMIT} subscribers; more match. Name them by id, ${BULK_UNSUBSCRIBE_LIMIT} at a time.`,
        [{ path: 'subscribers', message: 'too many' }],
      )
    }
    ids = found.map((s) => s.id)
  } else {
    if (input.subscribers.length > BULK_UNSUBSCRIBE_LIMIT) {
      throw new CandorError(
        'validation_failed',
        `At most ${BULK_UNSUBSCRIBE_LIMIT} subscribers a call.`,
        [{ path: 'subscribers', message: 'too many' }],
      )
    }
    // Every id must be a subscriber before any is unsubscribed: a wrong one changes nothing.
    ids = [...new Set(input.subscribers)]
    for (const id of ids) await getSubscriber(c.env.DB, id)
  }
  const ctx = verbContext(c)
  for (const id of ids) await unsubscribeSubscriber(ctx, id)
  return c.json({ unsubscribed: ids }, 201)
})

v1Route(v1SubscriberActionRoutes, 'POST', `${BASE}/reactivate`, 'write', async (c) => {
  const input = await readBulk(c, V1BulkReactivate)
  const reactivated = await reactivateSubscribers(verbContext(c), {
    ids: input.subscribers,
    kind: candorKind(input.type),
  })
  return c.json({ reactivated }, 201)
})

// Only unconfirmed email subscribers are sent one, as on Statuspage; the others given, and
// addresses that reached their limit of emails, are skipped.
v1Route(v1SubscriberActionRoutes, 'POST', `${BASE}/resend_confirmation`, 'write', async (c) => {
  const input = await readBulk(c, V1BulkResend)
  let ids: string[]
  if (input.subscribers === 'all') {
    const found = await subscribersUpTo(
      c.env.DB,
      { kind: 'email', state: 'unconfirmed' },
      BULK_RESEND_LIMIT,
    )
    ids = found.slice(0, BULK_RESEND_LIMIT).map((s) => s.id)
  } else {
    ids = [...new Set(input.subscribers)].slice(0, BULK_RESEND_LIMIT)
    for (const id of ids) await getSubscriber(c.env.DB, id)
  }
  const ctx = { ...verbContext(c), baseUrl: baseUrl(c) }
  const resent: string[] = []
  const confirmations = []
  for (const id of ids) {
    const subscriber = await getSubscriber(c.env.DB, id)
    if (subscriber.kind !== 'email' || subscriber.status !== 'pending') continue
    try {
      const { confirmation } = await resendConfirmation(ctx, id, (address) =>
        checkAddressLimit(c.env, address),
      )
      confirmations.push(confirmation)
      resent.push(id)
    } catch (error) {
      if (!(error instanceof CandorError) || error.code !== 'rate_limited') throw error
    }
  }
  sendConfirmationsLater(c, confirmations)
  return c.json({ resent }, 201)
})

v1Route(
  v1SubscriberActionRoutes,
  'POST',
  `${BASE}/:subscriber_id/resend_confirmation`,
  'write',
  async (c) => {
    const { confirmation } = await resendConfirmation(
      { ...verbContext(c), baseUrl: baseUrl(c) },
      c.req.param('subscriber_id'),
      (address) => checkAddressLimit(c.env, address),
    )
    sendConfirmationsLater(c, [confirmation])
    return c.body(null, 201)
  },
)

// Statuspage's document puts `component_ids` at the top of the body; `subscriber[component_ids]`
// is read too, as other v1 bodies wrap their fields.
v1Route(v1SubscriberActionRoutes, 'PATCH', `${BASE}/:subscriber_id`, 'write', async (c) => {
  const body = await readV1Body(c)
  const fields =
    typeof body.subscriber === 'object' && body.subscriber !== null ? body.subscriber : body
  const input = parseFields(fields, V1SubscriberChanges)
  const subscriber = await setSubscriberComponents(
    verbContext(c),
    c.req.param('subscriber_id'),
    input.component_ids ?? [],
  )
  return c.json(presentV1Subscriber(subscriber, await presentContextFromDb(c)), 200)
})
