import { z } from '@hono/zod-openapi'
import { COMPONENT_STATUSES, IMPACTS, TOKEN_SCOPES } from '../domain/types'
import { LANGUAGES } from '../i18n/languages'
import { BRAND_INPUT_FIELDS, webLink } from './brand'

/** Request bodies of the admin API. Unknown fields are refused so typos are not silently lost. */

const isoInstant = z.iso
  .datetime({ offset: true, message: 'Use an ISO-8601 time such as 2026-11-23T18:00:00Z.' })
  .openapi({ format: 'date-time', example: '2026-11-23T18:00:00Z' })

const text = (max: number) => z.string().trim().min(1).max(max)
const id = z.string().min(1).max(64)

export const TokenInput = z
  .strictObject({
    name: text(100),
    scopes: z.array(z.enum(TOKEN_SCOPES)).min(1),
  })
  .openapi('TokenInput')

export const TokenCreated = z
  .object({
    id: z.string(),
    name: z.string(),
    scopes: z.array(z.enum(TOKEN_SCOPES)),
    created_at: z.string(),
    token: z.string().openapi({ description: 'Shown once; only its hash is stored.' }),
  })
  .openapi('TokenCreated')

export const TokenInfo = z
  .object({
    id: z.string(),
    name: z.string(),
    scopes: z.array(z.enum(TOKEN_SCOPES)),
    created_at: z.string(),
    revoked_at: z.string().nullable(),
    last_used_at: z.string().nullable(),
    member: z.object({ id: z.string(), email: z.string() }).nullable().openapi({
      description:
        'The member the token belongs to: it acts for them, within their current role, and is revoked when they are removed. Null for a token of nobody (minted with the bootstrap token or one of nobody).',
    }),
    created_by: z.string().nullable().openapi({
      description: "Who minted it: a member's address, `admin-token` or `token:<id>`.",
    }),
  })
  .openapi('Token')

const componentFields = {
  name: text(200),
  description: z.string().max(2000).nullable().optional(),
  group_name: z.string().trim().max(200).nullable().optional(),
  position: z.number().int().min(0).max(100000).optional(),
  status: z.enum(COMPONENT_STATUSES).optional(),
  showcase: z.boolean().optional(),
  only_show_if_degraded: z.boolean().optional(),
  start_date: z.iso.date().nullable().optional(),
  help_url: webLink().nullable().optional().openapi({
    description:
      'Where customers find help with this component (http or https): on the status page beside it, as "What to do if <name> is down" while it is not operational and a plain "Help" link otherwise.',
    example: 'https://example.com/help/broadband',
  }),
}

export const ComponentInput = z.strictObject(componentFields).openapi('ComponentInput')
export const ComponentPatch = z
  .strictObject({ ...componentFields, name: text(200).optional() })
  .openapi('ComponentPatch')

export const AreaInput = z.strictObject({ name: text(200) }).openapi('AreaInput')
export const AreaJson = z
  .object({ id: z.string(), name: z.string(), created_at: z.string() })
  .openapi('AreaDetail')

const componentStatusMap = z
  .record(id, z.enum(COMPONENT_STATUSES))
  .openapi({ description: 'Component id → the status this incident puts it in.' })

const updateFields = {
  body: text(20000),
  components: componentStatusMap.optional(),
  area_ids: z.array(id).max(500).optional(),
  eta: isoInstant.nullable().optional(),
  next_update_at: isoInstant.nullable().optional(),
  progress: z.number().int().min(0).max(100).nullable().optional(),
  workaround: z.string().trim().max(5000).nullable().optional(),
  next_steps: z.string().trim().max(5000).nullable().optional(),
  notify: z.boolean().optional(),
  display_at: isoInstant.optional(),
}

export const IncidentInput = z
  .strictObject({
    name: text(300),
    status: z.enum(['investigating', 'identified', 'monitoring', 'resolved', 'postmortem']),
    impact: z.enum(IMPACTS),
    started_at: isoInstant.optional(),
    expected_start: isoInstant.optional().openapi({
      description:
        'A known fault posted early: when it is expected to take effect (in the future). Until then the incident is upcoming: subscribers are told at once, its component statuses wait.',
    }),
    backfilled: z.boolean().optional().openapi({
      description:
        "Record an incident that already happened: give `backfill_date` (when it began), optionally `resolved_at`, and a closed `status` (resolved or postmortem). It is shown in the history and uptime bars at those times and tells nobody; `components` go into the components' history, not their current status. eta, next_update_at, progress, expected_start, started_at and display_at are refused with it.",
    }),
    backfill_date: isoInstant.optional().openapi({
      description: 'With `backfilled`: when the incident began.',
    }),
    resolved_at: isoInstant.optional().openapi({
      description: 'With `backfilled`: when it was resolved (default: `backfill_date`).',
    }),
    ...updateFields,
  })
  .openapi('IncidentInput')

export const IncidentUpdateInput = z
  .strictObject({
    status: z.string().min(1).max(40).optional(),
    name: text(300).optional(),
    impact: z.enum(IMPACTS).optional(),
    go_live: z.boolean().optional().openapi({
      description:
        'For an upcoming incident: an update makes it live now unless this is false (a note that keeps it upcoming).',
    }),
    ...updateFields,
  })
  .openapi('IncidentUpdateInput')

export const MaintenanceInput = z
  .strictObject({
    name: text(300),
    body: text(20000),
    scheduled_for: isoInstant,
    scheduled_until: isoInstant,
    component_ids: z.array(id).max(500),
    area_ids: z.array(id).max(500).optional(),
    remind_before_minutes: z.number().int().min(1).max(10080).nullable().optional(),
    auto_start: z.boolean().optional(),
    auto_complete: z.boolean().optional(),
    status: z.enum(['scheduled', 'in_progress', 'verifying', 'completed']).optional(),
    notify: z.boolean().optional(),
    display_at: isoInstant.optional().openapi({
      description: 'When the first update was posted, if before now (copying a past maintenance).',
    }),
  })
  .openapi('MaintenanceInput')

export const PageInput = z
  .strictObject({
    name: text(200).nullable().optional(),
    time_zone: z.string().min(1).max(64).optional().openapi({
      description:
        'An IANA zone. Public pages, incident pages, history and the widget print their times in it (with its abbreviation, e.g. "14:00 GMT") before the reader\'s browser rewrites them into its own zone; so do chat messages, and emails to subscribers who chose no zone of their own; the console reads its date fields in it.',
      example: 'Europe/London',
    }),
    language: z.enum(LANGUAGES).optional().openapi({
      description:
        "The page's default language (en, de, fr, es or ar): what readers get when neither `?lang=`, the language switcher nor their browser's Accept-Language names one Candor speaks, what chat messages are written in, and what emails use for subscribers who chose no language of their own. What ops wrote is shown as written.",
      example: 'de',
    }),
    dispute_min_votes: z.number().int().min(1).max(100000).optional(),
    dispute_min_share: z.number().int().min(0).max(100).optional(),
    show_affected_counts: z.boolean().optional(),
    ...BRAND_INPUT_FIELDS,
  })
  .openapi('PageInput')

export const ReopenInput = z
  .strictObject({
    body: text(20000)
      .optional()
      .openapi({ description: 'Default: customers report that it is still broken.' }),
  })
  .openapi('ReopenInput')

export const CancelMaintenanceInput = z
  .strictObject({
    body: text(20000).optional().openapi({
      description: 'Default: "This maintenance is cancelled; no work will take place."',
    }),
    notify: z.boolean().optional().openapi({ description: 'Tell subscribers (default true).' }),
  })
  .openapi('CancelMaintenanceInput')

export const IdParam = z.object({
  id: id.openapi({ param: { name: 'id', in: 'path' }, example: 'k3x9q2m7a1bz' }),
})

export const IncidentListQuery = z.object({
  status: z.enum(['unresolved', 'resolved', 'all']).default('all').optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  after: z.string().min(1).max(64).optional().openapi({
    description:
      'The id of the last one of the previous page: the list resumes after it (newest first, ties by id). A full page may have more after it.',
  }),
})

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'validation_failed' }),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error')
