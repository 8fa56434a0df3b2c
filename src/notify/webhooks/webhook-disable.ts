import { disableSubscriber } from '../../db/subscriber-health'
import { ensurePage, pageName } from '../../domain/page'
import type { AppEnv } from '../../env'
import { isLanguage } from '../../i18n/languages'
import { readerFor } from '../../i18n/reader'
import { renderWebhookDisabledEmail, renderWebhookUnverifiedEmail } from '../email/email-render'
import { createMailer } from '../email/mailer'

/** A webhook as its switching off needs it: where it went, who owns it, in which language. */
export interface WebhookOwner {
  id: string
  url: string | null
  email: string | null
  language?: string | null
}

/** Why a webhook is switched off, which picks the email its owner gets. */
export type WebhookStopped = 'disabled' | 'unverified'

const NOTICES = {
  disabled: { render: renderWebhookDisabledEmail, what: 'the disabled webhook' },
  unverified: { render: renderWebhookUnverifiedEmail, what: 'the unverified webhook' },
} as const

/**
 * Disables a webhook and — the first time only — tells its owner by email when the webhook has
 * one: `disabled` when it asked to stop (410) or kept failing, `unverified` when its receiver
 * never answered `webhook.verify` with 2xx. Written in the subscriber's language if it chose
 * one, else the page's. Returns whether this call disabled it.
 */
export async function stopWebhook(
  env: AppEnv,
  subscriber: WebhookOwner,
  reason: string,
  now: Date,
  why: WebhookStopped,
): Promise<boolean> {
  const result = await disableSubscriber(env.DB, subscriber.id, reason, now.toISOString()).run()
  if (result.meta.changes !== 1) return false
  if (subscriber.email) {
    const page = await ensurePage(env.DB, now)
    const notice = NOTICES[why]
    const language = isLanguage(subscriber.language) ? subscriber.language : page.language
    const rendered = notice.render(
      { pageName: pageName(page, env.PAGE_NAME), url: subscriber.url ?? '', reason },
      readerFor(language, page.timeZone),
    )
    const [sent] = await createMailer(env).send([
      { to: subscriber.email, ...rendered, headers: { 'Auto-Submitted': 'auto-generated' } },
    ])
    if (sent && !sent.ok)
      console.error(`could not tell ${subscriber.email} about ${notice.what}: ${sent.error}`)
  }
  return true
}

/**
 * Disables a webhook that asked to stop (410) or kept failing, and — the first time only — tells
 * its owner by email when the webhook has one. Returns whether this call disabled it.
 */
export function disableWebhook(
  env: AppEnv,
  subscriber: WebhookOwner,
  reason: string,
  now: Date,
): Promise<boolean> {
  return stopWebhook(env, subscriber, reason, now, 'disabled')
}
