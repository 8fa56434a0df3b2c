import { insertAudit } from '../db/audit'
import {
  deleteSubscriberRows,
  selectSubscriber,
  selectSubscriberPage,
  type SubscriberPageFilter,
} from '../db/subscribers'
import type { VerbContext } from './context'
import { notFound } from './errors'
import type { Subscriber } from './subscriber-types'

/** One subscriber, or a 404. */
export async function getSubscriber(db: D1Database, id: string): Promise<Subscriber> {
  const subscriber = await selectSubscriber(db, id)
  if (!subscriber) throw notFound('subscriber', id)
  return subscriber
}

/** One page of subscribers for ops, with the cursor of the next page (null at the end). */
export async function listSubscribers(
  db: D1Database,
  filter: SubscriberPageFilter,
): Promise<{ subscribers: Subscriber[]; nextCursor: string | null }> {
  const page = await selectSubscriberPage(db, { ...filter, limit: filter.limit + 1 })
  const subscribers = page.slice(0, filter.limit)
  const more = page.length > filter.limit
  return { subscribers, nextCursor: more ? (subscribers.at(-1)?.id ?? null) : null }
}

/** Removes a subscriber for good, with its choices, link tokens and delivery history. */
export async function removeSubscriber(ctx: VerbContext, id: string): Promise<void> {
  const subscriber = await getSubscriber(ctx.db, id)
  await ctx.db.batch([
    ...deleteSubscriberRows(ctx.db, id),
    insertAudit(
      ctx.db,
      ctx.actor,
      'subscriber.delete',
      { type: 'subscriber', id },
      { kind: subscriber.kind, status: subscriber.status },
      ctx.now.toISOString(),
    ),
  ])
}
