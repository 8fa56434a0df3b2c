/** The events subscribers will be told about (delivered by the notification pipeline). */
export const EVENT_TYPES = [
  'incident.created',
  'incident.updated',
  'incident.resolved',
  // A postmortem published with notify_subscribers.
  'incident.postmortem',
  'maintenance.scheduled',
  'maintenance.reminder',
  'maintenance.started',
  'maintenance.completed',
  'component.updated',
  // The first delivery to a webhook subscribed through the public API, to that webhook only.
  'webhook.verify',
] as const
/** One of `EVENT_TYPES`. */
export type EventType = (typeof EVENT_TYPES)[number]

/** The ops alerts Candor sends (docs/honesty-engine.md). */
export const OPS_EVENT_TYPES = [
  'ops.update_overdue',
  'ops.eta_passed',
  'ops.resolution_disputed',
] as const
/** One of `OPS_EVENT_TYPES`. */
export type OpsEventType = (typeof OPS_EVENT_TYPES)[number]

/** An alert an incident calls for now; `episode` tells it apart from the same alert later. */
export interface DueAlert {
  eventType: OpsEventType
  episode: string
  /** What the alert says, in the message's `alert` object. */
  facts: Record<string, string | number | boolean | null>
}
