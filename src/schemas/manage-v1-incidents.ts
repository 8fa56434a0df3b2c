import { z } from '@hono/zod-openapi'
import {
  COMPONENT_STATUSES,
  IMPACTS,
  INCIDENT_STATUSES,
  MAINTENANCE_STATUSES,
} from '../domain/types'
import { formBoolean, idList } from './manage-v1'

/**
 * Incident, incident update and template bodies of the Manage API v1, in Statuspage's field
 * names, with Candor's own fields (eta, next_update_at, progress, area_ids, workaround) beside
 * them. Objects are loose: Statuspage fields Candor has no use for never fail.
 */

const isoTime = z.iso.datetime({
  offset: true,
  message: 'Use an ISO-8601 time such as 2026-11-23T18:00:00Z.',
})

/** A time a form may send as empty to clear it. */
const clearableTime = z.union([isoTime, z.literal('').transform(() => null), z.null()])

/** A whole number as JSON sends it or as a form does. */
const formInt = (min: number, max: number) =>
  z.preprocess(
    (value) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value),
    z.number().int().min(min).max(max),
  )

/** Statuspage's component map: an empty status means "leave it". */
const componentMap = z.record(z.string().min(1).max(64), z.enum([...COMPONENT_STATUSES, '']))

/** A Twitter flag: echoed when it reads as a boolean, otherwise ignored, never an error. */
const twitterFlag = formBoolean.optional().catch(undefined)

/** Every status Statuspage knows, realtime and scheduled, and Candor's `postmortem`. */
export const V1_STATUSES = [...INCIDENT_STATUSES, ...MAINTENANCE_STATUSES] as const

const incidentFields = {
  name: z.string().trim().min(1).max(300).optional(),
  status: z.enum(V1_STATUSES).optional(),
  impact_override: z.enum([...IMPACTS, 'maintenance', '']).optional(),
  body: z.string().max(25000).optional(),
  component_ids: idList.optional(),
  components: componentMap.optional(),
  deliver_notifications: formBoolean.optional(),
  scheduled_for: isoTime.optional(),
  scheduled_until: isoTime.optional(),
  scheduled_remind_prior: formBoolean.optional(),
  scheduled_auto_in_progress: formBoolean.optional(),
  scheduled_auto_transition: formBoolean.optional(),
  scheduled_auto_completed: formBoolean.optional(),
  auto_transition_to_maintenance_state: formBoolean.optional(),
  auto_transition_to_operational_state: formBoolean.optional(),
  auto_transition_deliver_notifications_at_start: formBoolean.optional(),
  auto_transition_deliver_notifications_at_end: formBoolean.optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  backfilled: formBoolean.optional(),
  backfill_date: z.string().max(40).optional(),
  wants_twitter_update: twitterFlag,
  // Candor's own fields.
  impact: z.enum(IMPACTS).optional(),
  eta: clearableTime.optional(),
  next_update_at: clearableTime.optional(),
  progress: z.union([formInt(0, 100), z.null(), z.literal('').transform(() => null)]).optional(),
  area_ids: idList.optional(),
  workaround: z.string().trim().max(5000).nullable().optional(),
  next_steps: z.string().trim().max(5000).nullable().optional(),
  remind_before_minutes: formInt(1, 10080).optional(),
  display_at: isoTime.optional(),
}

export const V1IncidentChanges = z.looseObject(incidentFields)

export const V1IncidentInput = z.looseObject({
  ...incidentFields,
  name: z.string().trim().min(1).max(300),
})

export type V1IncidentFields = z.infer<typeof V1IncidentChanges>

export const V1IncidentUpdateChanges = z.looseObject({
  body: z.string().trim().min(1).max(25000).optional(),
  display_at: isoTime.optional(),
  deliver_notifications: formBoolean.optional(),
  wants_twitter_update: twitterFlag,
})

export const V1TemplateInput = z.looseObject({
  name: z.string().trim().min(1).max(200),
  title: z.string().trim().min(1).max(300),
  body: z.string().trim().min(1).max(20000),
  group_id: z.string().max(64).optional(),
  update_status: z.enum(['investigating', 'identified', 'monitoring', 'resolved']).optional(),
  should_tweet: formBoolean.optional(),
  should_send_notifications: formBoolean.optional(),
  component_ids: idList.optional(),
  // Candor's own: the status each component is put in (component_ids keep their current one).
  components: componentMap.optional(),
})
