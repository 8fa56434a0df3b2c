import type { EventType } from '../domain/event-types'
import type { ComponentJson, IncidentJson, MaintenanceJson } from '../schemas/statuspage'

/** Body of a message on the EVENTS queue: an outbox row to fan out. */
export interface EventQueueMessage {
  outboxId: string
}

/** Body of a message on the DELIVERIES queue (and its dead-letter queue). */
export interface DeliveryQueueMessage {
  deliveryId: string
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
  /** Who is concerned: an event reaches a subscriber following any of these. */
  componentIds: string[]
  /** Areas concerned; empty means every area. */
  areaIds: string[]
}

/** One email ready for a transport. */
export interface OutgoingEmail {
  to: string
  subject: string
  text: string
  html: string
  /** Extra headers: List-Unsubscribe, List-Unsubscribe-Post, Auto-Submitted, … */
  headers: Record<string, string>
}

/** What happened to one email handed to a transport. */
export type EmailResult = { ok: true } | { ok: false; error: string; temporary: boolean }

/** Sends emails; one connection is reused for all messages of a call where the transport allows. */
export interface Mailer {
  send(messages: OutgoingEmail[]): Promise<EmailResult[]>
}

/** The links one notification email carries. */
export interface EmailLinks {
  incident: string
  manage: string
  unsubscribe: string
  /** A resolution email's single-purpose answer links, one pair per subscriber. */
  answers?: { fixed: string; stillBroken: string }
}
