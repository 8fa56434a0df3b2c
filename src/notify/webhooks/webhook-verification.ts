import type { DeliveryTarget } from '../../db/deliveries'
import { disableSubscriber } from '../../db/subscriber-health'
import { ensurePage, pageName } from '../../domain/page'
import type { AppEnv } from '../../env'
import { renderWebhookUnverifiedEmail } from '../email/email-render'
import { createMailer } from '../email/mailer'

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
export async function failVerification(
  env: AppEnv,
  subscriber: { id: string; url: string | null; email: string | null },
  reason: string,
  now: Date,
): Promise<boolean> {
  const result = await disableSubscriber(env.DB, subscriber.id, reason, now.toISOString()).run()
  if (result.meta.changes !== 1) return false
  if (subscriber.email) {
    const page = await ensurePage(env.DB, now)
    const rendered = renderWebhookUnverifiedEmail({
      pageName: pageName(page, env.PAGE_NAME),
      url: subscriber.url ?? '',
      reason,
    })
    const [sent] = await createMailer(env).send([
      { to: subscriber.email, ...rendered, headers: { 'Auto-Submitted': 'auto-generated' } },
    ])
    if (sent && !sent.ok)
      console.error(
        `could not tell ${subscriber.email} about the unverified webhook: ${sent.error}`,
      )
  }
  return true
}
