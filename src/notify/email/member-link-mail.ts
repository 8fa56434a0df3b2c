import type { MemberLinkParams } from '../../domain/member-mail'
import type { MailContext } from '../delivery/transactional-mail'
import type { OutgoingEmail } from '../types'
import { noticeEmailHtml } from './notice-email'

/**
 * The `member_link` template of transactional mail: an invitation to the console (72 h) or a
 * sign-in link (15 min). Either link opens a page with a button; nothing happens until it is
 * pressed.
 */
export function memberLinkTemplate(
  params: Record<string, unknown> | MemberLinkParams,
  ctx: MailContext,
): Omit<OutgoingEmail, 'to' | 'messageId'> {
  const p = params as MemberLinkParams
  const invite = p.purpose === 'invite'
  const subject = invite
    ? `You are invited to the ${ctx.pageName} console`
    : `Sign in to the ${ctx.pageName} console`
  const before = invite
    ? `You have been invited to help run the status page of ${ctx.pageName}.`
    : `Someone, hopefully you, asked to sign in to the console of ${ctx.pageName}.`
  const after = `The link opens a page with a button; nothing happens until you press it. It works once, for ${invite ? '72 hours' : '15 minutes'}.\n\nIf you did not expect this, ignore this email.`
  const action = invite ? 'Accept and sign in' : 'Sign in'
  const footer = `This is an automatic message from ${ctx.pageName}.`
  const text = [
    subject,
    '',
    before,
    '',
    `${action}: ${p.url}`,
    '',
    after,
    '',
    '-- ',
    footer,
    '',
  ].join('\n')
  const html = noticeEmailHtml({
    pageName: ctx.pageName,
    title: subject,
    preview: `${action}: one click, then press the button.`,
    before,
    action: { label: action, href: p.url },
    after,
    footer,
  })
  return { subject, text, html, headers: { 'Auto-Submitted': 'auto-generated' } }
}
