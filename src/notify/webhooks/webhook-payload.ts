import type { EventMessage } from '../types'

/** The JSON body of a Standard Webhooks event (docs/notifications.md, "Webhook requests"). */
export function standardWebhookBody(
  message: EventMessage,
  unsubscribeUrl: string | null,
): Record<string, unknown> {
  const body: Record<string, unknown> = {
    meta: {
      event_type: message.eventType,
      event_id: message.eventId,
      generated_at: message.generatedAt,
      unsubscribe: unsubscribeUrl,
      documentation: `${message.baseUrl}/api/v1/openapi.json`,
    },
    page: message.page,
  }
  if (message.incident) body.incident = message.incident
  if (message.postmortem) body.postmortem = message.postmortem
  if (message.component_update) body.component_update = message.component_update
  if (message.component) body.component = message.component
  return body
}
