import { countMatchingSubscribers, type EventReach } from '../db/subscriber-matching'
import type { VerbContext } from './context'
import type { EventType } from './event-types'
import type { UpdateFields } from './update-fields'
import { planIncidentUpdate, planNewIncident, type NewIncidentInput } from './incidents'
import { eventTypeFor } from './incident-transitions'
import type { Incident, IncidentUpdate } from './types'

/** A change worked out but not made: the incident as it would stand and what it announces. */
export interface IncidentPreview {
  incident: Incident
  update: IncidentUpdate
  /** The event subscribers would be sent. */
  eventType: EventType
  /** False when nobody would be told (notify off, or a draft). */
  announces: boolean
}

/** What `createIncident` would do with this input, written nowhere. */
export async function previewNewIncident(
  ctx: VerbContext,
  input: NewIncidentInput,
  options: { draft?: boolean } = {},
): Promise<IncidentPreview> {
  const plan = await planNewIncident(ctx, input, options)
  return {
    incident: plan.incident,
    update: plan.update,
    eventType: eventTypeFor('incident', true, null, plan.incident.status),
    announces: plan.update.deliverNotifications,
  }
}

/** What `postIncidentUpdate` would do to incident `id` with this input, written nowhere. */
export async function previewIncidentUpdate(
  ctx: VerbContext,
  id: string,
  input: UpdateFields,
): Promise<IncidentPreview & { current: Incident }> {
  const { current, plan } = await planIncidentUpdate(ctx, id, 'incident', input)
  return {
    current,
    incident: plan.incident,
    update: plan.update,
    eventType: eventTypeFor('incident', false, current.status, plan.incident.status),
    announces: plan.update.deliverNotifications,
  }
}

/** How many active subscribers an event with this reach would be delivered to. */
export async function countReachedSubscribers(db: D1Database, reach: EventReach): Promise<number> {
  return countMatchingSubscribers(db, reach)
}
