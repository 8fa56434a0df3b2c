import type { Context } from 'hono'
import type { AppBindings } from '../app-types'
import type { ConfirmationRequest, SubscriptionContext } from '../domain/subscriptions'
import { sendConfirmations } from '../notify/email/confirmation-mail'
import { createMailer } from '../notify/email/mailer'
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
 * Sends confirmation emails after the answer has gone out, so that how long the answer takes
 * does not tell whether an address was already subscribed.
 */
export function sendConfirmationsLater(
  c: Context<AppBindings>,
  pageName: string,
  requests: ConfirmationRequest[],
): void {
  if (requests.length === 0) return
  c.executionCtx.waitUntil(sendConfirmations(createMailer(c.env), pageName, requests))
}
