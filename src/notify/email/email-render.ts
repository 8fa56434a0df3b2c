import { eventEmailHtml } from './event-email'
import { noticeEmailHtml } from './notice-email'
import {
  ANSWER_HINT,
  ANSWER_QUESTION,
  eventEmailContent,
  type EmailFact,
} from './event-email-content'
import { LINK_TTL_MS } from '../../domain/link-purpose'
import type { EmailLinks, EventMessage } from '../types'

/** A rendered email: what the Mailer needs besides the recipient and headers. */
export interface RenderedEmail {
  subject: string
  text: string
  html: string
}

const LABEL_WIDTH = 13

/** A subject is one line: names typed with line breaks or tabs must not break the header. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** "Next update:  By Mon 23 Nov, 15:30 UTC", continuation lines indented under the value. */
function factLines(facts: EmailFact[]): string[] {
  return facts.map((fact) => {
    const label = `${fact.label}:`.padEnd(LABEL_WIDTH)
    const value = `${fact.warning ? '⚠ ' : ''}${fact.value}`
    return `${label} ${value.replace(/\n/g, `\n${' '.repeat(LABEL_WIDTH + 1)}`)}`
  })
}

/**
 * The notification for one event: a subject a person understands at a glance
 * ("[Major outage] Broadband in M14 — ETA 18:00 UTC, moved twice"), and text and HTML parts
 * that say what is wrong, the impact, the stage, components and areas, the ETA and how it
 * moved, when the next update comes, progress, the workaround and the latest update, with
 * links to the incident page, the subscription's manage page and one-click unsubscribe.
 */
export function renderEventEmail(message: EventMessage, links: EmailLinks): RenderedEmail {
  const content = eventEmailContent(message)
  const answers = links.answers
  const pageName = message.page.name
  const text = [
    `${pageName} · ${content.kicker}`,
    '',
    content.title,
    content.badge.label,
    '',
    ...(content.description
      ? [`${content.description.heading}:`, content.description.body, '']
      : []),
    ...(content.latest ? [`${content.latest.heading}:`, content.latest.body, ''] : []),
    ...factLines(content.facts),
    '',
    `${content.linkLabel}: ${links.incident}`,
    '',
    ...(answers
      ? [
          `${ANSWER_QUESTION} ${ANSWER_HINT}`,
          `Fixed for me: ${answers.fixed}`,
          `Still broken: ${answers.stillBroken}`,
          '',
        ]
      : []),
    '-- ',
    `You receive this because you subscribed to status notices from ${pageName}.`,
    `Manage your subscription: ${links.manage}`,
    `Unsubscribe: ${links.unsubscribe}`,
    '',
  ].join('\n')
  const html = eventEmailHtml({ content, pageName, links, accent: message.accentColor })
  return { subject: oneLine(content.subject), text, html }
}

const CONFIRM_HOURS = Math.round(LINK_TTL_MS.confirm / 3_600_000)

/**
 * The double opt-in message: a link to a page whose button confirms (the link alone changes
 * nothing, so mail scanners that follow links cannot subscribe anyone). For a self-serve
 * webhook it names the webhook URL that the address vouches for.
 */
export function renderConfirmationEmail(input: {
  pageName: string
  confirmUrl: string
  kind: 'email' | 'webhook'
  url?: string
}): RenderedEmail {
  const { pageName, confirmUrl } = input
  const webhook = input.kind === 'webhook'
  const subject = webhook
    ? `Confirm your webhook for ${pageName}`
    : `Confirm your subscription to ${pageName}`
  const before = webhook
    ? `Someone, hopefully you, asked ${pageName} to send its status updates as webhooks to:\n${input.url ?? '(no URL given)'}\n\nThis address was given as the webhook's owner: if the webhook keeps failing and is switched off, we will tell you here.`
    : `Someone, hopefully you, asked to receive status updates from ${pageName} at this address: incidents, maintenance and their updates.`
  const after = `The link opens a page with a button; nothing happens until you press it. It works for ${CONFIRM_HOURS} hours.\n\nIf you did not ask for this, ignore this email: nothing will be sent${webhook ? ' to that URL' : ''}, and you will not hear from us again.`
  const action = webhook ? 'Confirm the webhook' : 'Confirm my subscription'
  const footer = `This is an automatic message from ${pageName}.`
  const text = [
    subject,
    '',
    before,
    '',
    `${action}: ${confirmUrl}`,
    '',
    after,
    '',
    '-- ',
    footer,
    '',
  ].join('\n')
  const html = noticeEmailHtml({
    pageName,
    title: subject,
    preview: `${action}: one click, then press the button.`,
    before,
    action: { label: action, href: confirmUrl },
    after,
    footer,
  })
  return { subject: oneLine(subject), text, html }
}

/** Tells a webhook's owner that Candor stopped sending to it, and why. */
export function renderWebhookDisabledEmail(input: {
  pageName: string
  url: string
  reason: string
}): RenderedEmail {
  const { pageName, url, reason } = input
  let host = url
  try {
    host = new URL(url).host || url
  } catch {
    // keep the URL as given
  }
  const subject = `Webhook disabled: ${pageName} stopped sending to ${host}`
  const before = `${pageName} has stopped sending status updates to your webhook:\n${url}\n\nWhy: ${reason}`
  const after = `No further events will be sent to it. Once the receiver works again, subscribe it again on the ${pageName} status page, or ask the page's operators to switch it back on.`
  const footer = `This is an automatic message from ${pageName}: this address was given as the webhook's owner.`
  const text = [subject, '', before, '', after, '', '-- ', footer, ''].join('\n')
  const html = noticeEmailHtml({
    pageName,
    title: `Your webhook to ${host} was disabled`,
    preview: reason,
    before,
    after,
    footer,
  })
  return { subject: oneLine(subject), text, html }
}

/**
 * The email to a public webhook's owner when its receiver never answered the `webhook.verify`
 * event with 2xx (retries spent, or refused): the webhook was not switched on.
 */
export function renderWebhookUnverifiedEmail(input: {
  pageName: string
  url: string
  reason: string
}): RenderedEmail {
  const { pageName, url, reason } = input
  let host = url
  try {
    host = new URL(url).host || url
  } catch {
    // keep the URL as given
  }
  const subject = `Webhook not verified: ${pageName} will not send to ${host}`
  const before = `${pageName} sent a signed webhook.verify event to your webhook and never got a 2xx answer:\n${url}\n\nWhy: ${reason}`
  const after = `The webhook was not switched on and receives nothing. Once the receiver answers 2xx, subscribe it again on the ${pageName} status page.`
  const footer = `This is an automatic message from ${pageName}: this address was given as the webhook's owner.`
  const text = [subject, '', before, '', after, '', '-- ', footer, ''].join('\n')
  const html = noticeEmailHtml({
    pageName,
    title: `Your webhook to ${host} could not be verified`,
    preview: reason,
    before,
    after,
    footer,
  })
  return { subject: oneLine(subject), text, html }
}
