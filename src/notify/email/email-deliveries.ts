import type { AppEnv } from '../../env'
import { subscriberReaderOf } from '../notice-reader'
import { notificationHeaders } from './email-headers'
import { renderEventEmail } from './email-render'
import { stableMessageId } from './message-id'
import type { EmailLinks, EmailResult, EventMessage, MailSession, OutgoingEmail } from '../types'

/** One notification email to send: its delivery, the address, the event and its links. */
export interface EmailDelivery {
  deliveryId: string
  to: string
  message: EventMessage
  links: EmailLinks
  /** The subscriber's own language and time zone, where it chose them. */
  reader?: { language: string | null; timeZone: string | null }
}

/**
 * The delivery's email: rendered (text and HTML) in the subscriber's language and zone, else
 * the page's, with one-click unsubscribe headers and the
 * Message-ID derived from the delivery id, so every resend of it carries the same one.
 */
export function deliveryEmail(
  env: Pick<AppEnv, 'PUBLIC_URL'>,
  delivery: EmailDelivery,
): OutgoingEmail {
  const rendered = renderEventEmail(
    delivery.message,
    delivery.links,
    subscriberReaderOf(delivery.message, delivery.reader ?? {}),
  )
  return {
    to: delivery.to,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    headers: notificationHeaders(delivery.links.unsubscribe),
    messageId: stableMessageId(delivery.deliveryId, env),
  }
}

/** Renders and sends one delivery over an open session; a rendering failure is temporary. */
export async function sendEmailDelivery(
  env: Pick<AppEnv, 'PUBLIC_URL'>,
  session: MailSession,
  delivery: EmailDelivery,
): Promise<EmailResult> {
  let email: OutgoingEmail
  try {
    email = deliveryEmail(env, delivery)
  } catch (error) {
    return { ok: false, temporary: true, error: `could not render: ${String(error)}` }
  }
  return session.send(email)
}
