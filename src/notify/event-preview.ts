import type { EventReach } from '../db/subscriber-matching'
import type { EventType } from '../domain/event-types'
import type { ComponentStatus, Incident } from '../domain/types'
import type { AppEnv } from '../env'
import { asksIfFixed } from './delivery/delivery-links'
import { renderEventEmail, type RenderedEmail } from './email/email-render'
import { incidentPart, messagePage, reachOf } from './event-message'
import type { EventMessage } from './types'
import { slackMessage } from './webhooks/chat-formats'

/** What subscribers would receive for a change not made yet, rendered as it would be sent. */
export interface EventPreview {
  message: EventMessage
  email: RenderedEmail
  /** The Slack incoming-webhook body (its `text` is what notifications show). */
  slack: Record<string, unknown>
  /** Who the event concerns, for counting the subscribers it reaches. */
  reach: EventReach
}

/** Stands in for each subscriber's own links, which are only issued when a mail is sent. */
const OWN_LINK = '(each subscriber’s own link)'

/**
 * The message, email and chat message an event about `incident` (as a change would leave it)
 * would carry: the same message builder, email renderer and chat formatter the fan-out and
 * deliveries use. `statuses` are the component statuses the change would set (the sent event
 * reads them from the components once set). Writes nothing.
 */
export async function previewEvent(
  db: D1Database,
  env: AppEnv,
  baseUrl: string,
  incident: Incident,
  eventType: EventType,
  now: Date,
  statuses?: ReadonlyMap<string, ComponentStatus>,
): Promise<EventPreview> {
  const { page, locale, ctx, components } = await messagePage(db, env, baseUrl, now, statuses)
  const message: EventMessage = {
    eventId: 'preview',
    eventType,
    generatedAt: now.toISOString(),
    baseUrl,
    page,
    ...incidentPart(incident, ctx, components, now),
    pageLocale: locale,
  }
  const email = renderEventEmail(message, {
    incident: message.incident?.shortlink ?? page.url,
    manage: OWN_LINK,
    unsubscribe: OWN_LINK,
    ...(asksIfFixed(message) ? { answers: { fixed: OWN_LINK, stillBroken: OWN_LINK } } : {}),
  })
  return { message, email, slack: slackMessage(message), reach: reachOf(message) }
}
