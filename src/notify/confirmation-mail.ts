import type { NewMail } from '../db/transactional-mail'
import type { ConfirmationRequest } from '../domain/subscriptions'
import { newId } from '../lib/ids'
import { renderConfirmationEmail } from './email-render'
import type { MailContext } from './transactional-mail'
import type { OutgoingEmail } from './types'

/** What a confirmation mail's row keeps: its link, and what it confirms. */
interface ConfirmationParams {
  confirmUrl: string
  kind: 'email' | 'webhook'
  url?: string
}

/**
 * The `confirmation` template of transactional mail: the confirmation email for one subscribe
 * request (the only mail an unconfirmed address gets).
 */
export function confirmationTemplate(
  params: Record<string, unknown> | ConfirmationParams,
  ctx: MailContext,
): Omit<OutgoingEmail, 'to' | 'messageId'> {
  const p = params as ConfirmationParams
  const rendered = renderConfirmationEmail({
    pageName: ctx.pageName,
    confirmUrl: p.confirmUrl,
    kind: p.kind,
    ...(p.url !== undefined ? { url: p.url } : {}),
  })
  return { ...rendered, headers: { 'Auto-Submitted': 'auto-generated' } }
}

/**
 * The transactional-mail row of one confirmation, to be written in the same batch as its link
 * token; it is not worth sending after the link expires.
 */
export function confirmationMail(
  request: Omit<ConfirmationRequest, 'mailId'>,
  expiresAt: string,
): NewMail & { request: ConfirmationRequest } {
  const id = newId(20)
  const params: ConfirmationParams = {
    confirmUrl: request.confirmUrl,
    kind: request.kind,
    ...(request.url !== undefined ? { url: request.url } : {}),
  }
  return {
    id,
    template: 'confirmation',
    recipient: request.to,
    params: { ...params },
    expiresAt,
    request: { ...request, mailId: id },
  }
}
