import { isUsableAddress, withDefaultHeaders, type Sender } from './email-sender'
import type { EmailResult, Mailer } from '../types'

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
 * its own result.
 */
export function createEmailServiceMailer(binding: SendEmail, sender: Sender): Mailer {
  const from = sender.name ? { email: sender.address, name: sender.name } : sender.address
  return {
    async send(messages) {
      const results: EmailResult[] = []
      for (const email of messages) {
        if (!isUsableAddress(email.to)) {
          results.push({
            ok: false,
            temporary: false,
            error: `not a usable email address: ${email.to}`,
          })
          continue
        }
        try {
          await binding.send({
            from,
            to: email.to,
            subject: email.subject,
            text: email.text,
            html: email.html,
            headers: withDefaultHeaders(email.headers),
          })
          results.push({ ok: true })
        } catch (error) {
          results.push(resultOf(error))
        }
      }
      return results
    },
  }
}
