import type { ConfirmationRequest } from '../../domain/subscriptions'
import { renderConfirmationEmail } from './email-render'
import type { Mailer, OutgoingEmail } from '../types'

/** The confirmation email for one subscribe request (the only mail an unconfirmed address gets). */
export function confirmationEmail(pageName: string, request: ConfirmationRequest): OutgoingEmail {
  const rendered = renderConfirmationEmail({
    pageName,
    confirmUrl: request.confirmUrl,
    kind: request.kind,
    ...(request.url !== undefined ? { url: request.url } : {}),
  })
  return { to: request.to, ...rendered, headers: { 'Auto-Submitted': 'auto-generated' } }
}

/**
 * Sends confirmation emails over one mailer call and logs what could not be sent: the person
 * can ask again, and the answer they were given did not depend on it.
 */
export async function sendConfirmations(
  mailer: Mailer,
  pageName: string,
  requests: ConfirmationRequest[],
): Promise<void> {
  if (requests.length === 0) return
  try {
    const results = await mailer.send(requests.map((r) => confirmationEmail(pageName, r)))
    const failed = results.filter((r) => !r.ok)
    if (failed.length > 0) {
      console.error(`${failed.length} of ${requests.length} confirmation emails not sent`, failed)
    }
  } catch (error) {
    console.error('confirmation emails not sent', error)
  }
}
