import { insertAuditIfChanged } from '../db/audit'
import { markReactivated, selectReactivatable, selectStateCounts } from '../db/subscriber-states'
import { selectSubscriber } from '../db/subscribers'
import type { VerbContext } from './context'
import { CandorError, notFound } from './errors'
import {
  SUBSCRIBER_KINDS,
  type Subscriber,
  type SubscriberKind,
  type SubscriberStatus,
} from './subscriber-types'

/**
 * Statuspage's subscriber states, and Candor's word for one that left. Candor's own statuses
 * map onto them: `pending` and `pending_verification` are `unconfirmed`; `disabled` (its
 * deliveries kept failing, or its receiver asked to stop) is `quarantined`: kept, told nothing,
 * until it is reactivated.
 */
export const SUBSCRIBER_STATES = ['unconfirmed', 'active', 'quarantined', 'unsubscribed'] as const
export type SubscriberState = (typeof SUBSCRIBER_STATES)[number]

const STATE: Record<SubscriberStatus, SubscriberState> = {
  pending: 'unconfirmed',
  pending_verification: 'unconfirmed',
  active: 'active',
  disabled: 'quarantined',
  unsubscribed: 'unsubscribed',
}

/** A subscriber's state in Statuspage's sense. */
export function subscriberState(s: Pick<Subscriber, 'status'>): SubscriberState {
  return STATE[s.status]
}

/** When it was quarantined: when it was disabled, while it is. */
export function quarantinedAt(s: Pick<Subscriber, 'status' | 'disabledAt'>): string | null {
  return s.status === 'disabled' ? s.disabledAt : null
}

/** Counts of one kind's subscribers by state; `total` counts those not unsubscribed. */
export interface StateCounts {
  unconfirmed: number
  active: number
  quarantined: number
  unsubscribed: number
  total: number
}

function emptyCounts(): StateCounts {
  return { unconfirmed: 0, active: 0, quarantined: 0, unsubscribed: 0, total: 0 }
}

/**
 * Subscribers counted by kind and then state (Statuspage's `histogram_by_state`), with the
 * same counts over every kind under `all`.
 */
export async function subscriberHistogram(
  db: D1Database,
): Promise<Record<SubscriberKind | 'all', StateCounts>> {
  const out = { all: emptyCounts() } as Record<SubscriberKind | 'all', StateCounts>
  for (const kind of SUBSCRIBER_KINDS) out[kind] = emptyCounts()
  for (const row of await selectStateCounts(db)) {
    const state = row.state as SubscriberState
    for (const counts of [out[row.kind], out.all]) {
      counts[state] += row.n
      if (state !== 'unsubscribed') counts.total += row.n
    }
  }
  return out
}

/**
 * How many subscribers of each kind are in `state` (Statuspage's `count`; `all` = any state but
 * unsubscribed), optionally only of one kind (the others count 0).
 */
export async function countSubscribers(
  db: D1Database,
  filter: { state: SubscriberState | 'all'; kind?: SubscriberKind },
): Promise<Record<SubscriberKind, number>> {
  const histogram = await subscriberHistogram(db)
  const out = {} as Record<SubscriberKind, number>
  for (const kind of SUBSCRIBER_KINDS) {
    const counts = histogram[kind]
    const n = filter.state === 'all' ? counts.total : counts[filter.state]
    out[kind] = filter.kind === undefined || filter.kind === kind ? n : 0
  }
  return out
}

function reactivateAudit(ctx: VerbContext, subscriber: Subscriber, at: string) {
  return insertAuditIfChanged(
    ctx.db,
    ctx.actor,
    'subscriber.reactivate',
    { type: 'subscriber', id: subscriber.id },
    { kind: subscriber.kind, disabled_reason: subscriber.disabledReason },
    at,
  )
}

/**
 * Brings a quarantined subscriber back to active: it is sent events again, its failure count
 * starts from zero. Recorded in the audit log with who did it. 409 when it is not quarantined,
 * or is a webhook whose receiver never answered `webhook.verify` (subscribe it again).
 */
export async function reactivateSubscriber(ctx: VerbContext, id: string): Promise<Subscriber> {
  const subscriber = await selectSubscriber(ctx.db, id)
  if (!subscriber) throw notFound('subscriber', id)
  const at = ctx.now.toISOString()
  const [changed] = await ctx.db.batch([
    markReactivated(ctx.db, id, at),
    reactivateAudit(ctx, subscriber, at),
  ])
  if ((changed?.meta.changes ?? 0) !== 1) {
    throw new CandorError(
      'conflict',
      subscriber.status === 'disabled'
        ? 'This webhook never proved its receiver (it did not answer webhook.verify); subscribe it again instead.'
        : `Only a quarantined subscriber can be reactivated; this one is ${subscriberState(subscriber)}.`,
      { state: subscriberState(subscriber) },
    )
  }
  return (await selectSubscriber(ctx.db, id)) ?? subscriber
}

/** The most subscribers one bulk reactivation brings back. */
export const REACTIVATE_LIMIT = 1000

/**
 * Brings back many quarantined subscribers at once (Statuspage's bulk `reactivate`): the ids
 * given, or `all` quarantined ones, optionally only of one kind. Ids that are unknown or not
 * quarantined are skipped. Each one brought back has its own audit entry. Returns the ids
 * reactivated.
 */
export async function reactivateSubscribers(
  ctx: VerbContext,
  which: { ids: string[] | 'all'; kind?: SubscriberKind },
): Promise<string[]> {
  const ids =
    which.ids === 'all'
      ? await selectReactivatable(ctx.db, which.kind ?? null, REACTIVATE_LIMIT)
      : which.ids.slice(0, REACTIVATE_LIMIT)
  const done: string[] = []
  const at = ctx.now.toISOString()
  for (const id of ids) {
    const subscriber = await selectSubscriber(ctx.db, id)
    if (!subscriber || (which.kind && subscriber.kind !== which.kind)) continue
    const [changed] = await ctx.db.batch([
      markReactivated(ctx.db, id, at),
      reactivateAudit(ctx, subscriber, at),
    ])
    if ((changed?.meta.changes ?? 0) === 1) done.push(id)
  }
  return done
}
