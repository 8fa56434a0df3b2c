import { LINK_TTL_MS } from '../../domain/link-purpose'
import { DEFAULT_READER, type Reader } from '../../i18n/reader'
import { pageReaderOf } from '../notice-reader'
import type { EmailLinks, EventMessage } from '../types'
import { eventEmailHtml } from './event-email'
import { eventEmailContent } from './event-email-content'
import { eventEmailText } from './event-email-text'
import { noticeEmailHtml, type NoticeEmailProps } from './notice-email'

/** A rendered email: what the Mailer needs besides the recipient and headers. */
export interface RenderedEmail {
  subject: string
  text: string
  html: string
}

/** A subject is one line: names typed with line breaks or tabs must not break the header. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * The notification for one event: a subject a person understands at a glance
 * ("[Major outage] Broadband in M14 — ETA 18:00 GMT, moved twice"), and text and HTML parts
 * that say what is wrong, the impact, the stage, components and areas, the ETA and how it
 * moved, when the next update comes, progress, the workaround and the latest update, with
 * links to the incident page, the subscription's manage page and one-click unsubscribe. Written
 * for `reader` (the subscriber's language and zone; the page's by default).
 */
export function renderEventEmail(
  message: EventMessage,
  links: EmailLinks,
  reader: Reader = pageReaderOf(message),
): RenderedEmail {
  const content = eventEmailContent(message, reader)
  const pageName = message.page.name
  const text = eventEmailText(content, pageName, links, reader)
  const html = eventEmailHtml({ content, pageName, links, reader, accent: message.accentColor })
  return { subject: oneLine(content.subject), text, html }
}

/** A short notice in both parts: its subject, what comes before and after its one action. */
function renderNotice(
  reader: Reader,
  input: Omit<NoticeEmailProps, 'reader'> & { subject: string },
): RenderedEmail {
  const action = input.action
    ? ['', `${reader.t('email.text.label', { label: input.action.label })} ${input.action.href}`]
    : []
  const text = [
    input.subject,
    '',
    input.before,
    ...action,
    '',
    input.after,
    '',
    '-- ',
    input.footer,
    '',
  ].join('\n')
  return { subject: oneLine(input.subject), text, html: noticeEmailHtml({ ...input, reader }) }
}

const CONFIRM_HOURS = Math.round(LINK_TTL_MS.confirm / 3_600_000)

/**
 * The double opt-in message: a link to a page whose button confirms (the link alone changes
 * nothing, so mail scanners that follow links cannot subscribe anyone). For a self-serve
 * webhook it names the webhook URL that the address vouches for.
 */
export function renderConfirmationEmail(
  input: { pageName: string; confirmUrl: string; kind: 'email' | 'webhook'; url?: string },
  reader: Reader = DEFAULT_READER,
): RenderedEmail {
  const { pageName } = input
  const webhook = input.kind === 'webhook'
  const subject = reader.t(webhook ? 'email.confirm.subjectWebhook' : 'email.confirm.subject', {
    pageName,
  })
  const action = reader.t(webhook ? 'email.confirm.actionWebhook' : 'email.confirm.action')
  return renderNotice(reader, {
    pageName,
    subject,
    title: subject,
    preview: reader.t('email.confirm.preview', { action }),
    before: webhook
      ? reader.t('email.confirm.beforeWebhook', {
          pageName,
          url: input.url ?? reader.t('email.confirm.noUrl'),
        })
      : reader.t('email.confirm.before', { pageName }),
    action: { label: action, href: input.confirmUrl },
    after: reader.t(webhook ? 'email.confirm.afterWebhook' : 'email.confirm.after', {
      hours: CONFIRM_HOURS,
    }),
    footer: reader.t('email.notice.automatic', { pageName }),
  })
}

/** The host of a URL, or the URL as given. */
function hostOf(url: string): string {
  try {
    return new URL(url).host || url
  } catch {
    return url
  }
}

/** What a webhook's owner is told when Candor stops sending to it. */
interface WebhookStoppedInput {
  pageName: string
  url: string
  reason: string
}

/** The email to a webhook's owner that Candor stopped (or never started) sending to it. */
function renderWebhookStoppedEmail(
  kind: 'disabled' | 'unverified',
  input: WebhookStoppedInput,
  reader: Reader,
): RenderedEmail {
  const values = { ...input, host: hostOf(input.url) }
  return renderNotice(reader, {
    pageName: input.pageName,
    subject: reader.t(`email.${kind}.subject`, values),
    title: reader.t(`email.${kind}.title`, values),
    preview: input.reason,
    before: reader.t(`email.${kind}.before`, values),
    after: reader.t(`email.${kind}.after`, values),
    footer: reader.t('email.webhookOwner.footer', values),
  })
}

/** Tells a webhook's owner that Candor stopped sending to it, and why. */
export function renderWebhookDisabledEmail(
  input: WebhookStoppedInput,
  reader: Reader = DEFAULT_READER,
): RenderedEmail {
  return renderWebhookStoppedEmail('disabled', input, reader)
}

/**
 * The email to a public webhook's owner when its receiver never answered the `webhook.verify`
 * event with 2xx (retries spent, or refused): the webhook was not switched on.
 */
export function renderWebhookUnverifiedEmail(
  input: WebhookStoppedInput,
  reader: Reader = DEFAULT_READER,
): RenderedEmail {
  return renderWebhookStoppedEmail('unverified', input, reader)
}
