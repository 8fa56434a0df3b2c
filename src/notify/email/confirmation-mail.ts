import type { ConfirmationParams } from '../../domain/confirmation-mail'
import { isLanguage } from '../../i18n/languages'
import { readerFor } from '../../i18n/reader'
import { renderConfirmationEmail } from './email-render'
import type { MailContext } from '../delivery/transactional-mail'
import type { OutgoingEmail } from '../types'

/**
 * The `confirmation` template of transactional mail: the confirmation email for one subscribe
 * request (the only mail an unconfirmed address gets), in the subscriber's language if it chose
 * one, else the page's.
 */
export function confirmationTemplate(
  params: Record<string, unknown> | ConfirmationParams,
  ctx: MailContext,
): Omit<OutgoingEmail, 'to' | 'messageId'> {
  const p = params as ConfirmationParams
  const reader = readerFor(isLanguage(p.language) ? p.language : ctx.language, ctx.timeZone)
  const rendered = renderConfirmationEmail(
    {
      pageName: ctx.pageName,
      confirmUrl: p.confirmUrl,
      kind: p.kind,
      ...(p.url !== undefined ? { url: p.url } : {}),
    },
    reader,
  )
  return { ...rendered, headers: { 'Auto-Submitted': 'auto-generated' } }
}
