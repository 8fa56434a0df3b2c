import type { Context } from 'hono'
import type { AppBindings } from '../app-types'
import type { ConfirmationRequest, SubscriptionContext } from '../domain/subscriptions'
import { enqueueMails } from '../notify/delivery/transactional-mail'
import { baseUrl } from './context'

/** The public subscription verbs' context for this request. */
export function subscriptionContext(c: Context<AppBindings>): SubscriptionContext {
  return {
    db: c.env.DB,
    now: new Date(),
    baseUrl: baseUrl(c),
    allowHttpWebhooks: c.env.ALLOW_HTTP_WEBHOOKS === 'true',
  }
}

/**
 * Hands confirmation emails, already recorded in D1 by the subscribe verb, to the DELIVERIES
 * queue after the answer has gone out, so that how long the answer takes does not tell whether
 * an address was already subscribed. The queue retries a failed send; if this enqueue itself
 * fails, the clock's sweep sends the recorded mail within a few minutes.
 */
export function sendConfirmationsLater(
  c: Context<AppBindings>,
  requests: ConfirmationRequest[],
): void {
  if (requests.length === 0) return
  const ids = requests.map((r) => r.mailId)
  c.executionCtx.waitUntil(
    enqueueMails(c.env.DELIVERIES, ids).catch((error: unknown) =>
      console.error('enqueueing confirmation emails failed; the sweep sends them', error),
    ),
  )
}
