import type { EventType } from '../domain/event-types'
import type { ComponentJson, IncidentJson, MaintenanceJson } from '../schemas/statuspage'

/** Body of a message on the EVENTS queue: an outbox row to fan out. */
export interface EventQueueMessage {
  outboxId: string
}

/** A DELIVERIES message naming one delivery (an event to one subscriber). */
export interface DeliveryQueueMessage {
  deliveryId: string
}

/** A DELIVERIES message naming one transactional mail (a confirmation, a sign-in link, …). */
export interface MailQueueMessage {
  mailId: string
}

/** Body of a message on the DELIVERIES queue (and its dead-letter queue). */
export type DeliveriesQueueMessage = DeliveryQueueMessage | MailQueueMessage

/** True for a message naming a transactional mail. */
export function isMailMessage(body: DeliveriesQueueMessage): body is MailQueueMessage {
  return typeof (body as MailQueueMessage).mailId === 'string'
}

/**
 * What an event says, built once when it is fanned out and stored on the outbox row, so every
 * subscriber and every retry receives the same content.
 */
export interface EventMessage {
  eventId: string
  eventType: EventType
  generatedAt: string
  baseUrl: string
  page: {
    id: string
    name: string
    url: string
    status_indicator: string
    status_description: string
  }
  incident?: IncidentJson | MaintenanceJson
  component?: ComponentJson
  component_update?: {
    created_at: string
    new_status: string
    old_status: string
    id: string
    component_id: string
  }
  /** An `incident.postmortem` event's postmortem: markdown, and rendered, sanitised HTML. */
  postmortem?: { body: string; html: string; published_at: string }
  /** The page's accent colour (`#rrggbb`) for its emails; absent when it has none. */
  accentColor?: string
  /** Who is concerned: an event reaches a subscriber following any of these. */
  componentIds: string[]
  /** Areas concerned; empty means every area. */
  areaIds: string[]
  /**
   * The page's default language and time zone when the message was built: what its emails use
   * for a subscriber who chose neither, and its chat messages always. Absent on messages built
   * before messages carried it (English in UTC then). Not part of any webhook body.
   */
  pageLocale?: { language: string; timeZone: string }
}

/** One email ready for a transport. */
export interface OutgoingEmail {
  to: string
  subject: string
  text: string
  html: string
  /** Extra headers: List-Unsubscribe, List-Unsubscribe-Post, Auto-Submitted, … */
  headers: Record<string, string>
  /**
   * The Message-ID without angle brackets (`id@domain`), the same on every resend of one
   * delivery so a resend is recognisable; a random one is made when absent.
   */
  messageId?: string
}

/** What happened to one email handed to a transport. */
export type EmailResult = { ok: true } | { ok: false; error: string; temporary: boolean }

/** Messages sent one at a time over one connection (where the transport has one), then closed. */
export interface MailSession {
  /** Sends one message and says how it went; never throws. */
  send(message: OutgoingEmail): Promise<EmailResult>
  close(): Promise<void>
}

/** Sends emails; one connection is reused for all messages of a call where the transport allows. */
export interface Mailer {
  send(messages: OutgoingEmail[]): Promise<EmailResult[]>
  /** A session for sending one message at a time, each answer known before the next is sent. */
  open(): MailSession
}

/** The links one notification email carries. */
export interface EmailLinks {
  incident: string
  manage: string
  unsubscribe: string
  /** A resolution email's single-purpose answer links, one pair per subscriber. */
  answers?: { fixed: string; stillBroken: string }
}
