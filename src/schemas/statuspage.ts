import { z } from '@hono/zod-openapi'
import {
  COMPONENT_STATUSES,
  IMPACTS,
  INCIDENT_STATUSES,
  MAINTENANCE_STATUSES,
} from '../domain/types'
import { LANGUAGES } from '../i18n/languages'
import { BRAND_SETTINGS_FIELDS } from './brand'

/**
 * Response shapes, field for field as Statuspage's public API v2, plus Candor's own fields.
 * The same schemas describe the native API, generate the OpenAPI document and check tests.
 */

const isoTime = z.string().openapi({ format: 'date-time', example: '2026-11-23T19:02:48.000Z' })

export const PageSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    url: z.string(),
    time_zone: z.string(),
    updated_at: isoTime,
  })
  .openapi('Page')

export const StatusSchema = z
  .object({
    indicator: z.enum(['none', 'minor', 'major', 'critical']),
    description: z.string(),
  })
  .openapi('Status')

export const ComponentSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.enum(COMPONENT_STATUSES),
    created_at: isoTime,
    updated_at: isoTime,
    position: z.number().int(),
    description: z.string().nullable(),
    showcase: z.boolean(),
    start_date: z.string().nullable(),
    group_id: z.string().nullable(),
    page_id: z.string(),
    group: z.boolean(),
    only_show_if_degraded: z.boolean(),
    components: z
      .array(z.string())
      .optional()
      .openapi({ description: 'For a group: the ids of its components.' }),
    help_url: z.string().nullable().openapi({ description: 'Candor: where customers find help.' }),
  })
  .openapi('Component')

export const AffectedComponentSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    old_status: z.enum(COMPONENT_STATUSES),
    new_status: z.enum(COMPONENT_STATUSES),
  })
  .openapi('AffectedComponent')

export const IncidentUpdateSchema = z
  .object({
    id: z.string(),
    status: z.enum([...INCIDENT_STATUSES, ...MAINTENANCE_STATUSES]),
    body: z.string(),
    incident_id: z.string(),
    created_at: isoTime,
    updated_at: isoTime,
    display_at: isoTime,
    affected_components: z.array(AffectedComponentSchema),
    deliver_notifications: z.boolean(),
    custom_tweet: z.null(),
    tweet_id: z.null(),
    eta: isoTime.nullable().openapi({ description: 'Candor: the ETA in force after this update.' }),
    next_update_at: isoTime
      .nullable()
      .openapi({ description: 'Candor: when this update promised the next one.' }),
    progress: z.number().int().min(0).max(100).nullable(),
    next_steps: z.string().nullable(),
    workaround: z.string().nullable(),
  })
  .openapi('IncidentUpdate')

export const AreaSchema = z.object({ id: z.string(), name: z.string() }).openapi('Area')

export const EtaHistoryEntrySchema = z
  .object({ eta: isoTime.nullable(), set_at: isoTime, update_id: z.string() })
  .openapi('EtaHistoryEntry')

export const ResolutionCheckSchema = z
  .object({
    fixed: z.number().int().openapi({ description: '"Fixed for me" answers since resolution.' }),
    still_broken: z.number().int().openapi({ description: '"Still broken" answers.' }),
    by_area: z
      .array(
        z.object({
          area_id: z.string(),
          name: z.string(),
          fixed: z.number().int(),
          still_broken: z.number().int(),
        }),
      )
      .openapi({
        description:
          "Per area: an answer counts for the area it names, else for its subscriber's areas.",
      }),
  })
  .openapi('ResolutionCheck', {
    description:
      "Customers' answers since the incident was last resolved: from the links in the resolution email and the incident page's buttons (48 h).",
  })

export const AffectedReportsSchema = z
  .object({
    total: z.number().int(),
    by_area: z.array(z.object({ area_id: z.string(), name: z.string(), count: z.number().int() })),
  })
  .openapi('AffectedReports', {
    description:
      '"I\'m affected" reports from the incident page, once per reader. Always in the admin API; in public answers only when the page setting show_affected_counts is on.',
  })

/** Candor's fields, present on incidents and maintenances alike. */
const candorFields = {
  eta: isoTime.nullable().openapi({ description: 'When the fix is expected; null: no estimate.' }),
  eta_history: z.array(EtaHistoryEntrySchema).openapi({ description: 'Every ETA, oldest first.' }),
  eta_moves: z
    .number()
    .int()
    .openapi({ description: 'How often the ETA changed after the first.' }),
  eta_passed: z.boolean(),
  next_update_at: isoTime.nullable(),
  update_overdue: z.boolean(),
  overdue_minutes: z.number().int(),
  progress: z.number().int().min(0).max(100).nullable(),
  workaround: z.string().nullable(),
  areas: z.array(AreaSchema),
  resolution_check: ResolutionCheckSchema,
  affected_reports: AffectedReportsSchema.optional(),
  expected_start: isoTime.nullable().openapi({
    description: 'Candor: for a known fault posted early, when it is expected to take effect.',
  }),
  upcoming: z.boolean().openapi({
    description:
      'Candor: true until an incident posted early takes effect; its component statuses are not applied yet.',
  }),
}

const incidentBase = {
  id: z.string(),
  name: z.string(),
  created_at: isoTime,
  updated_at: isoTime,
  monitoring_at: isoTime.nullable(),
  resolved_at: isoTime.nullable(),
  started_at: isoTime,
  shortlink: z.string(),
  page_id: z.string(),
  incident_updates: z.array(IncidentUpdateSchema),
  components: z.array(ComponentSchema),
  ...candorFields,
}

export const IncidentSchema = z
  .object({
    ...incidentBase,
    status: z.enum(INCIDENT_STATUSES),
    impact: z.enum(IMPACTS),
    draft: z.boolean().optional().openapi({
      description:
        'Admin API only: true while the incident is held as a draft, invisible publicly and notifying nobody, until POST /api/v1/incidents/{id}/publish.',
    }),
    backfilled: z.boolean().optional().openapi({
      description:
        'Admin API only: true for an incident recorded after it happened (it told nobody).',
    }),
    backfill_date: z.string().nullable().optional().openapi({
      description: 'Admin API only: when a backfilled incident began.',
    }),
  })
  .openapi('Incident')

export const MaintenanceSchema = z
  .object({
    ...incidentBase,
    status: z.enum(MAINTENANCE_STATUSES),
    impact: z.literal('maintenance'),
    scheduled_for: isoTime,
    scheduled_until: isoTime,
    scheduled_remind_prior: z.boolean(),
    scheduled_auto_in_progress: z.boolean(),
    scheduled_auto_completed: z.boolean(),
    remind_before_minutes: z.number().int().nullable(),
    cancelled_at: isoTime.nullable().openapi({
      description:
        'Candor: when the maintenance was cancelled before it began (its status is then completed, as Statuspage has no cancelled status); null if it was not.',
    }),
  })
  .openapi('ScheduledMaintenance')

export const SummarySchema = z
  .object({
    page: PageSchema,
    components: z.array(ComponentSchema),
    incidents: z.array(IncidentSchema),
    scheduled_maintenances: z.array(MaintenanceSchema),
    status: StatusSchema,
  })
  .openapi('Summary')

/** The page's settings as the admin API shows them: the page and its resolution-check rules. */
export const PageSettingsSchema = PageSchema.extend({
  language: z.enum(LANGUAGES).openapi({
    description:
      "The page's default language: readers get it when neither `?lang=`, the language switcher nor their browser's Accept-Language names one Candor speaks.",
  }),
  dispute_min_votes: z
    .number()
    .int()
    .openapi({ description: 'A resolution is disputed from this many "still broken" answers…' }),
  dispute_min_share: z
    .number()
    .int()
    .openapi({ description: '…making up at least this percentage of all answers.' }),
  show_affected_counts: z
    .boolean()
    .openapi({ description: '"I\'m affected" counts shown on the public page and v2 API.' }),
  ...BRAND_SETTINGS_FIELDS,
}).openapi('PageSettings')

export type PageJson = z.infer<typeof PageSchema>
export type ComponentJson = z.infer<typeof ComponentSchema>
export type IncidentJson = z.infer<typeof IncidentSchema>
export type MaintenanceJson = z.infer<typeof MaintenanceSchema>
export type IncidentUpdateJson = z.infer<typeof IncidentUpdateSchema>
