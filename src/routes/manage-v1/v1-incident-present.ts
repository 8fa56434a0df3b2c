import {
  presentAdminIncident,
  presentComponent,
  presentMaintenance,
  type PresentContext,
} from '../../domain/present'
import type { StatuspageFields } from '../../domain/statuspage-fields'
import type { Postmortem } from '../../domain/postmortems'
import type { Template } from '../../domain/templates'
import type { Incident, IncidentUpdate } from '../../domain/types'

/**
 * Incidents, their updates and templates as the Manage API v1's `Incident`, `IncidentUpdate`
 * and `IncidentTemplate`: the public v2 shapes with Statuspage's admin fields beside Candor's.
 */

/**
 * The Statuspage-only fields an incident request may carry: Candor has no use for them but
 * keeps them (`Incident.statuspageFields`), so every answer gives back what was last sent.
 */
export const STATUSPAGE_ONLY_FIELDS = [
  'metadata',
  'impact_override',
  'reminder_intervals',
  'wants_twitter_update',
  'auto_transition_to_maintenance_state',
  'auto_transition_to_operational_state',
  'auto_transition_deliver_notifications_at_start',
  'auto_transition_deliver_notifications_at_end',
] as const

/** The Statuspage-only fields a parsed request body carries, for the verbs to keep. */
export function statuspageFieldsOf(input: Record<string, unknown>): StatuspageFields {
  const fields: StatuspageFields = {}
  for (const key of STATUSPAGE_ONLY_FIELDS) {
    if (input[key] !== undefined && input[key] !== '') fields[key] = input[key]
  }
  return fields
}

/** An update as Statuspage's `IncidentUpdate`, with Candor's ETA and promise fields. */
export function presentV1Update(incident: Incident, update: IncidentUpdate, twitter = false) {
  return {
    id: update.id,
    incident_id: incident.id,
    status: update.status === 'postmortem' ? 'resolved' : update.status,
    body: update.body,
    created_at: update.createdAt,
    updated_at: update.updatedAt,
    display_at: update.displayAt,
    affected_components: update.affectedComponents,
    deliver_notifications: update.deliverNotifications,
    custom_tweet: null,
    tweet_id: null,
    twitter_updated_at: null,
    wants_twitter_update: twitter,
    eta: update.eta,
    next_update_at: update.nextUpdateAt,
    progress: update.progress,
    next_steps: update.nextSteps,
    workaround: update.workaround,
  }
}

/** Statuspage's `postmortem_*` fields of an incident: its published postmortem, if any. */
function postmortemFields(p: Postmortem | undefined) {
  return {
    postmortem_body: p?.body ?? null,
    postmortem_body_last_updated_at: p?.bodyUpdatedAt ?? null,
    postmortem_ignored: false,
    postmortem_notified_subscribers: p?.notifySubscribers ?? false,
    postmortem_notified_twitter: false,
    postmortem_published_at: p?.publishedAt ?? null,
  }
}

/**
 * An incident or maintenance as Statuspage's `Incident`, with its published postmortem (the
 * caller loads those, one query for a whole list). Maintenance-only fields are null on an
 * incident; Candor's `postmortem` status reads as `resolved` (Statuspage has no such status).
 */
export function presentV1Incident(i: Incident, ctx: PresentContext, postmortem?: Postmortem) {
  const maintenance = i.kind === 'maintenance'
  const base = maintenance ? presentMaintenance(i, ctx) : presentAdminIncident(i, ctx)
  return {
    ...base,
    status: i.status === 'postmortem' ? 'resolved' : i.status,
    incident_updates: i.updates.map((u) => presentV1Update(i, u)),
    impact_override: null,
    metadata: {},
    ...postmortemFields(postmortem),
    scheduled_for: maintenance ? (i.scheduledFor ?? i.startedAt) : null,
    scheduled_until: maintenance ? (i.scheduledUntil ?? i.startedAt) : null,
    scheduled_remind_prior: maintenance ? i.remindBeforeMinutes !== null : false,
    scheduled_reminded_at: null,
    scheduled_auto_in_progress: maintenance && i.autoStart,
    scheduled_auto_completed: maintenance && i.autoComplete,
    // What Candor's autopilot does when a maintenance starts and ends.
    auto_transition_to_maintenance_state: maintenance,
    auto_transition_to_operational_state: maintenance,
    auto_transition_deliver_notifications_at_start: maintenance,
    auto_transition_deliver_notifications_at_end: maintenance,
    reminder_intervals: null,
    ...i.statuspageFields,
  }
}

/** A template as Statuspage's `IncidentTemplate`; its components carry the template's status. */
export function presentV1Template(t: Template, ctx: PresentContext) {
  const components = Object.entries(t.components).flatMap(([id, status]) => {
    const component = ctx.components.get(id)
    return component ? [{ ...component, status }] : []
  })
  return {
    id: t.id,
    name: t.name,
    title: t.title ?? t.name,
    body: t.body,
    group_id: null,
    update_status: t.status,
    should_tweet: false,
    should_send_notifications: true,
    components: components.map((c) => presentComponent(c, ctx)),
    created_at: t.createdAt,
    updated_at: t.updatedAt,
  }
}
