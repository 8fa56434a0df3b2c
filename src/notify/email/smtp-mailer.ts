import { isUsableAddress, withDefaultHeaders, type Sender } from './email-sender'
import { HeaderValueError } from './mime-encoding'
import { buildMimeMessage } from './mime-message'
import { SmtpConnectionError, SmtpRejection, SmtpSession, type SmtpTimeouts } from './smtp-session'
import type { SmtpSettings } from './smtp-url'
import { mailerOverSessions } from './mail-session'
import type { EmailResult, MailSession, Mailer, OutgoingEmail } from '../types'

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
      messageId: email.messageId ?? `${crypto.randomUUID()}@${sender.address.split('@').pop()}`,
    })
  } catch (error) {
    if (error instanceof HeaderValueError) {
      return { ok: false, temporary: false, error: error.message }
    }
    throw error
  }
}

/**
 * One SMTP session for many messages: the connection is opened with the first message and
 * reused; if it drops, the message in flight fails (temporarily) and the next opens a new one,
 * up to MAX_CONNECTIONS_PER_CALL, after which every further message fails temporarily.
 */
class SmtpMailSession implements MailSession {
  private session: SmtpSession | null = null
  private connections = 0
  private givenUp: EmailResult | null = null

  constructor(
    private readonly settings: SmtpSettings,
    private readonly sender: Sender,
    private readonly heloName: string,
    private readonly timeouts: Partial<SmtpTimeouts> | undefined,
  ) {}

  async send(email: OutgoingEmail): Promise<EmailResult> {
    let prepared: string | EmailResult
    try {
      prepared = prepare(this.sender, email)
    } catch (error) {
      return resultOf(error)
    }
    if (typeof prepared !== 'string') return prepared
    if (this.givenUp) return this.givenUp
    if (!this.session?.usable) {
      if (this.connections === MAX_CONNECTIONS_PER_CALL) {
        this.givenUp = resultOf(
          new SmtpConnectionError(
            `the SMTP connection failed ${this.connections} times in one batch; not trying again now`,
          ),
        )
        return this.givenUp
      }
      this.connections++
      try {
        this.session = await SmtpSession.open(this.settings, {
          heloName: this.heloName,
          timeouts: this.timeouts,
        })
      } catch (error) {
        // The server cannot be reached now: every remaining message waits for a retry.
        this.givenUp = resultOf(error)
        return this.givenUp
      }
    }
    try {
      await this.session.sendMail(this.sender.address, email.to, prepared)
      return { ok: true }
    } catch (error) {
      return resultOf(error)
    }
  }

  async close(): Promise<void> {
    await this.session?.close()
    this.session = null
  }
}

/**
 * A Mailer speaking SMTP: one connection for all messages of a send() call or session, one
 * result per message in order. A refused message does not stop the others; if the connection
 * drops, the message in flight fails (temporarily) and the rest go over a new connection.
 */
export function createSmtpMailer(
  settings: SmtpSettings,
  sender: Sender,
  timeouts?: Partial<SmtpTimeouts>,
): Mailer {
  const heloName = sender.address.split('@').pop() || 'localhost'
  return mailerOverSessions(() => new SmtpMailSession(settings, sender, heloName, timeouts))
}
