import type { NewMail } from '../db/transactional-mail'
import { newId } from '../lib/ids'
import type { ConfirmationRequest } from './subscriptions'

/** What a confirmation mail's row keeps: its link, and what it confirms. */
export interface ConfirmationParams {
  confirmUrl: string
  kind: 'email' | 'webhook'
  url?: string
  /** The subscriber's own language, when it chose one (else the page's is used). */
  language?: string
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
    ...(request.language ? { language: request.language } : {}),
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
