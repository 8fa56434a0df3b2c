import type { DeliveryTarget } from '../../db/deliveries'
import type { AppEnv } from '../../env'
import { stopWebhook, type WebhookOwner } from './webhook-disable'

/** Whether this delivery is a webhook's `webhook.verify` event. */
export function isVerifyDelivery(target: Pick<DeliveryTarget, 'eventType'>): boolean {
  return target.eventType === 'webhook.verify'
}

/** Whether a webhook subscribed by the public still waits for its receiver's 2xx. */
export function awaitsVerification(
  subscriber: Pick<DeliveryTarget['subscriber'], 'status' | 'verification'>,
): boolean {
  return subscriber.status === 'pending' && subscriber.verification === 'pending'
}

/**
 * The receiver never answered `webhook.verify` with 2xx (its retries are spent, it answered 410,
 * or its URL is refused): the webhook is disabled with the reason, and — the first time only —
 * its owner is told by email. Returns whether this call disabled it.
 */
export function failVerification(
  env: AppEnv,
  subscriber: WebhookOwner,
  reason: string,
  now: Date,
): Promise<boolean> {
  return stopWebhook(env, subscriber, reason, now, 'unverified')
}
