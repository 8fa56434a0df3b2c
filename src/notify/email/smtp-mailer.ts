import { isUsableAddress, withDefaultHeaders, type Sender } from './email-sender'
import { HeaderValueError } from './mime-encoding'
import { buildMimeMessage } from './mime-message'
import { SmtpConnectionError, SmtpRejection, SmtpSession, type SmtpTimeouts } from './smtp-session'
import type { SmtpSettings } from './smtp-url'
import type { EmailResult, Mailer, OutgoingEmail } from '../types'

/** How many connections one send() may open when the server drops them along the way. */
const MAX_CONNECTIONS_PER_CALL = 3

/**
 * What a refusal means for one message. The recipient or the content refused with 5xx is
 * permanent; the sender refused is a configuration problem, never the subscriber's, so it is
 * temporary like every 4xx and every connection failure.
 */
function resultOf(error: unknown): EmailResult {
  if (error instanceof SmtpRejection) {
    const permanent = error.reply.code >= 500 && error.stage !== 'sender'
    return { ok: false, temporary: !permanent, error: error.message }
  }
  if (error instanceof SmtpConnectionError) {
    return { ok: false, temporary: true, error: error.message }
  }
  return {
    ok: false,
    temporary: true,
    error: error instanceof Error ? error.message : String(error),
  }
}

/** The message as SMTP carries it, or why it cannot be sent at all. */
function prepare(sender: Sender, email: OutgoingEmail): string | EmailResult {
  if (!isUsableAddress(email.to)) {
    return { ok: false, temporary: false, error: `not a usable email address: ${email.to}` }
  }
  try {
    return buildMimeMessage({
      from: sender.mailbox,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      headers: withDefaultHeaders(email.headers),
      date: new Date(),
      messageId: `${crypto.randomUUID()}@${sender.address.split('@').pop()}`,
    })
  } catch (error) {
    if (error instanceof HeaderValueError) {
      return { ok: false, temporary: false, error: error.message }
    }
    throw error
  }
}

/**
 * A Mailer speaking SMTP: one connection for all messages of a send() call, one result per
 * message in order. A refused message does not stop the others; if the connection drops, the
 * message in flight fails (temporarily) and the rest go over a new connection.
 */
export function createSmtpMailer(
  settings: SmtpSettings,
  sender: Sender,
  timeouts?: Partial<SmtpTimeouts>,
): Mailer {
  const heloName = sender.address.split('@').pop() || 'localhost'
  return {
    async send(messages) {
      const results: EmailResult[] = []
      let session: SmtpSession | null = null
      let connections = 0
      let givenUp: EmailResult | null = null
      try {
        for (const email of messages) {
          const prepared = prepare(sender, email)
          if (typeof prepared !== 'string') {
            results.push(prepared)
            continue
          }
          if (givenUp) {
            results.push(givenUp)
            continue
          }
          if (!session?.usable) {
            if (connections === MAX_CONNECTIONS_PER_CALL) {
              givenUp = resultOf(
                new SmtpConnectionError(
                  `the SMTP connection failed ${connections} times in one batch; not trying again now`,
                ),
              )
              results.push(givenUp)
              continue
            }
            connections++
            try {
              session = await SmtpSession.open(settings, { heloName, timeouts })
            } catch (error) {
              // The server cannot be reached now: every remaining message waits for a retry.
              givenUp = resultOf(error)
              results.push(givenUp)
              continue
            }
          }
          try {
            await session.sendMail(sender.address, email.to, prepared)
            results.push({ ok: true })
          } catch (error) {
            results.push(resultOf(error))
          }
        }
      } finally {
        await session?.close()
      }
      return results
    },
  }
}
