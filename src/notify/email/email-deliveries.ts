import type { AppEnv } from '../../env'
import { notificationHeaders } from './email-headers'
import { renderEventEmail } from './email-render'
import { createMailer } from './mailer'
import type { EmailLinks, EmailResult, EventMessage, OutgoingEmail } from '../types'

/** One notification email to send: the address, the event, and the links it carries. */
export interface EmailDelivery {
  to: string
  message: EventMessage
  links: EmailLinks
}

/**
 * Renders each delivery's email (text and HTML, one-click unsubscribe headers) and sends them
 * all through one mailer call, so SMTP reuses one connection. One result per delivery, in order.
 */
export async function sendEmailDeliveries(
  env: AppEnv,
  deliveries: EmailDelivery[],
): Promise<EmailResult[]> {
  const results: (EmailResult | null)[] = []
  const outgoing: OutgoingEmail[] = []
  for (const delivery of deliveries) {
    try {
      const rendered = renderEventEmail(delivery.message, delivery.links)
      outgoing.push({
        to: delivery.to,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        headers: notificationHeaders(delivery.links.unsubscribe),
      })
      results.push(null)
    } catch (error) {
      results.push({ ok: false, temporary: true, error: `could not render: ${String(error)}` })
    }
  }
  let sent: EmailResult[]
  try {
    sent = outgoing.length > 0 ? await createMailer(env).send(outgoing) : []
  } catch (error) {
    const failure: EmailResult = { ok: false, temporary: true, error: String(error) }
    sent = outgoing.map(() => failure)
  }
  let next = 0
  return results.map(
    (r) => r ?? sent[next++] ?? { ok: false, temporary: true, error: 'the mailer gave no result' },
  )
}
