import type { AppEnv } from '../../env'
import { createEmailServiceMailer } from './email-service-mailer'
import { senderFromEnv } from './email-sender'
import { mailerOverSessions } from './mail-session'
import { createSmtpMailer } from './smtp-mailer'
import { parseSmtpUrl, SmtpUrlError } from './smtp-url'
import type { EmailResult, Mailer } from '../types'

/** A Mailer whose every message fails temporarily with `error` (nothing is lost: retries follow). */
function failingMailer(error: string): Mailer {
  const failure: EmailResult = { ok: false, temporary: true, error }
  return mailerOverSessions(() => ({ send: async () => failure, close: async () => {} }))
}

/**
 * The transport chosen by configuration: SMTP when `SMTP_URL` is set (smtp:// with STARTTLS
 * when offered, smtps:// with implicit TLS), else the Cloudflare Email Service when the
 * `EMAIL` binding exists, else a Mailer that answers "no email transport configured" for
 * every message. The sender comes from `EMAIL_FROM` (see senderFromEnv).
 */
export function createMailer(env: AppEnv): Mailer {
  const sender = senderFromEnv(env)
  if (env.SMTP_URL) {
    try {
      return createSmtpMailer(parseSmtpUrl(env.SMTP_URL), sender)
    } catch (error) {
      if (error instanceof SmtpUrlError) return failingMailer(error.message)
      throw error
    }
  }
  if (env.EMAIL) return createEmailServiceMailer(env.EMAIL, sender)
  return failingMailer('no email transport configured')
}
