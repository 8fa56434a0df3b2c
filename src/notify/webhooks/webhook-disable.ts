import { disableSubscriber } from '../../db/subscriber-health'
import { ensurePage, pageName } from '../../domain/page'
import type { AppEnv } from '../../env'
import { renderWebhookDisabledEmail } from '../email/email-render'
import { createMailer } from '../email/mailer'

/**
 * Disables a webhook that asked to stop (410) or kept failing, and — the first time only — tells
 * its owner by email when the webhook has one. Returns whether this call disabled it.
 */
export async function disableWebhook(
  env: AppEnv,
  subscriber: { id: string; url: string | null; email: string | null },
  reason: string,
  now: Date,
): Promise<boolean> {
  const result = await disableSubscriber(env.DB, subscriber.id, reason, now.toISOString()).run()
  if (result.meta.changes !== 1) return false
  if (subscriber.email) {
    const page = await ensurePage(env.DB, now)
    const rendered = renderWebhookDisabledEmail({
      pageName: pageName(page, env.PAGE_NAME),
      url: subscriber.url ?? '',
      reason,
    })
    const [sent] = await createMailer(env).send([
      { to: subscriber.email, ...rendered, headers: { 'Auto-Submitted': 'auto-generated' } },
    ])
    if (sent && !sent.ok)
      console.error(`could not tell ${subscriber.email} about the disabled webhook: ${sent.error}`)
  }
  return true
}
