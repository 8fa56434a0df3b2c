import { isUsableAddress, withDefaultHeaders, type Sender } from './email-sender'
import { mailerOverSessions } from './mail-session'
import type { EmailResult, Mailer, OutgoingEmail } from '../types'

/**
 * Error codes of the Email Service that concern the recipient or the message itself:
 * retrying cannot help. Everything else (limits, an unverified sender, internal errors, codes
 * not known here) is temporary, so a configuration mistake never writes subscribers off.
 */
const PERMANENT_CODES = new Set([
  'E_VALIDATION_ERROR',
  'E_RECIPIENT_NOT_ALLOWED',
  'E_RECIPIENT_SUPPRESSED',
  'E_CONTENT_TOO_LARGE',
])

function resultOf(error: unknown): EmailResult {
  const code = (error as { code?: unknown } | null)?.code
  const message = error instanceof Error ? error.message : String(error)
  return {
    ok: false,
    temporary: !(typeof code === 'string' && PERMANENT_CODES.has(code)),
    error: typeof code === 'string' ? `${code}: ${message}` : message,
  }
}

/**
 * A Mailer over the Cloudflare Email Service `send_email` binding, with its structured
 * message (the service writes the MIME itself). Messages go one after the other; each gets
 * its own result. The service sets Message-ID itself, so a stable id travels as
 * `X-Candor-Message-Id` instead.
 */
export function createEmailServiceMailer(binding: SendEmail, sender: Sender): Mailer {
  const from = sender.name ? { email: sender.address, name: sender.name } : sender.address
  async function sendOne(email: OutgoingEmail): Promise<EmailResult> {
    if (!isUsableAddress(email.to)) {
      return { ok: false, temporary: false, error: `not a usable email address: ${email.to}` }
    }
    const stableId: Record<string, string> = email.messageId
      ? { 'X-Candor-Message-Id': `<${email.messageId}>` }
      : {}
    try {
      await binding.send({
        from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        headers: withDefaultHeaders({ ...email.headers, ...stableId }),
      })
      return { ok: true }
    } catch (error) {
      return resultOf(error)
    }
  }
  return mailerOverSessions(() => ({ send: sendOne, close: async () => {} }))
}
