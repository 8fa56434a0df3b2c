import { insertVerifyEvent } from '../db/outbox'
import { markLinkTokenUsed, selectLinkToken } from '../db/link-tokens'
import { replaceChoices, selectSubscriber } from '../db/subscribers'
import {
  markAwaitingVerification,
  markConfirmed,
  markUnsubscribed,
} from '../db/subscriber-transitions'
import { newId, sha256Hex } from '../lib/ids'
import type { LinkPurpose } from './link-purpose'
import { issueLinkToken, resolveLinkToken } from './link-tokens'
import type { Subscriber } from './subscriber-types'
import { checkChoices, loadCatalog } from './subscription-input'
import type { SubscriptionContext } from './subscriptions'

/** What following a link found: its subscriber, or why the link no longer works. */
export type LinkOutcome<T> = { ok: true; value: T } | { ok: false; reason: 'unknown' | 'expired' }

/** The subscriber behind a link, or why the link does not work (unknown, or expired/used). */
async function followLink(
  db: D1Database,
  token: string,
  purpose: LinkPurpose,
  now: Date,
): Promise<LinkOutcome<{ subscriber: Subscriber; tokenHash: string }>> {
  if (token.length === 0 || token.length > 128) return { ok: false, reason: 'unknown' }
  const found = await resolveLinkToken(db, token, purpose, now)
  if (!found) {
    const row = await selectLinkToken(db, await sha256Hex(token))
    return { ok: false, reason: row?.purpose === purpose ? 'expired' : 'unknown' }
  }
  const subscriber = await selectSubscriber(db, found.subscriberId)
  if (!subscriber) return { ok: false, reason: 'unknown' }
  return { ok: true, value: { subscriber, tokenHash: found.tokenHash } }
}

function subscriberOf(outcome: LinkOutcome<{ subscriber: Subscriber }>): LinkOutcome<Subscriber> {
  return outcome.ok ? { ok: true, value: outcome.value.subscriber } : outcome
}

/** What a confirm link would confirm; reading it changes nothing. */
export async function viewConfirmation(
  db: D1Database,
  token: string,
  now: Date,
): Promise<LinkOutcome<Subscriber>> {
  return subscriberOf(await followLink(db, token, 'confirm', now))
}

/** What confirming gave: the subscriber, its manage link and, once, a webhook's secret. */
export interface Confirmation {
  subscriber: Subscriber
  manageUrl: string
  /** The webhook's signing secret, only on the request that activated it. */
  secret: string | null
  /** False when it was already active (a second click, another email's link). */
  confirmedNow: boolean
  /**
   * True when this confirmation started the receiver's verification: a `webhook.verify` event
   * is in the outbox, and the webhook is active once its receiver answers it with 2xx.
   */
  verificationStarted: boolean
}

/** A webhook subscribed by the public proves its receiver before it gets any event. */
function needsVerification(subscriber: Subscriber): boolean {
  return subscriber.kind === 'webhook' && subscriber.consent === 'double_opt_in'
}

/**
 * The confirm button: a pending subscriber becomes active (confirmed now); the link is used up
 * and a manage link is issued. A subscriber that left in the meantime is not brought back.
 * A webhook subscribed through the public API becomes `pending_verification` instead, and a
 * `webhook.verify` event for it alone is written to the outbox in the same batch.
 */
export async function confirmSubscription(
  ctx: SubscriptionContext,
  token: string,
): Promise<LinkOutcome<Confirmation>> {
  const found = await followLink(ctx.db, token, 'confirm', ctx.now)
  if (!found.ok) return found
  const { subscriber, tokenHash } = found.value
  if (!['pending', 'pending_verification', 'active'].includes(subscriber.status)) {
    return { ok: false, reason: 'expired' }
  }
  const at = ctx.now.toISOString()
  const manage = await issueLinkToken(ctx.db, subscriber.id, 'manage', ctx.baseUrl, ctx.now)
  const verify = needsVerification(subscriber)
  const change = verify
    ? markAwaitingVerification(ctx.db, subscriber.id, at)
    : markConfirmed(ctx.db, subscriber.id, at)
  const [activated] = await ctx.db.batch([
    change,
    markLinkTokenUsed(ctx.db, tokenHash, at),
    manage.statement,
    ...(verify
      ? [
          insertVerifyEvent(ctx.db, {
            id: newId(),
            subscriberId: subscriber.id,
            baseUrl: ctx.baseUrl,
            at,
          }),
        ]
      : []),
  ])
  const confirmedNow = (activated?.meta.changes ?? 0) === 1
  return {
    ok: true,
    value: {
      subscriber: (await selectSubscriber(ctx.db, subscriber.id)) ?? subscriber,
      manageUrl: manage.url,
      secret: confirmedNow && subscriber.kind === 'webhook' ? subscriber.secret : null,
      confirmedNow,
      verificationStarted: verify && confirmedNow,
    },
  }
}

/** The subscriber a manage link is for; reading it changes nothing. */
export async function viewManage(
  db: D1Database,
  token: string,
  now: Date,
): Promise<LinkOutcome<Subscriber>> {
  return subscriberOf(await followLink(db, token, 'manage', now))
}

/**
 * Saves new choices from the manage page (nothing chosen means everything, except for one that
 * follows incidents: it keeps hearing about those, and about everything only if it did).
 * Only an active subscription changes; the subscriber is returned as it now stands.
 */
export async function saveChoices(
  ctx: SubscriptionContext,
  token: string,
  input: { componentIds: string[]; areaIds: string[] },
): Promise<LinkOutcome<Subscriber>> {
  const found = await followLink(ctx.db, token, 'manage', ctx.now)
  if (!found.ok) return found
  const { subscriber } = found.value
  const choices = checkChoices(await loadCatalog(ctx.db), input)
  if (subscriber.status !== 'active') return { ok: true, value: subscriber }
  await ctx.db.batch(
    replaceChoices(ctx.db, subscriber.id, choices, ctx.now.toISOString(), 'active'),
  )
  return { ok: true, value: (await selectSubscriber(ctx.db, subscriber.id)) ?? subscriber }
}

/** The subscriber an unsubscribe link is for; reading it changes nothing. */
export async function viewUnsubscribe(
  db: D1Database,
  token: string,
  now: Date,
): Promise<LinkOutcome<Subscriber>> {
  return subscriberOf(await followLink(db, token, 'unsubscribe', now))
}

/**
 * Leaves at once (the unsubscribe link's POST, RFC 8058 one-click, or the manage page's leave
 * button). Safe to repeat: the first time is kept.
 */
export async function unsubscribe(
  ctx: SubscriptionContext,
  token: string,
  purpose: 'unsubscribe' | 'manage',
): Promise<LinkOutcome<Subscriber>> {
  const found = await followLink(ctx.db, token, purpose, ctx.now)
  if (!found.ok) return found
  const { subscriber } = found.value
  await markUnsubscribed(ctx.db, subscriber.id, ctx.now.toISOString()).run()
  return { ok: true, value: (await selectSubscriber(ctx.db, subscriber.id)) ?? subscriber }
}
