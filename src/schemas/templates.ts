import { z } from '@hono/zod-openapi'
import { COMPONENT_STATUSES, IMPACTS } from '../domain/types'
import { TEMPLATE_KINDS } from '../domain/templates'

/** Templates of the admin API: saved incidents and updates, with placeholders to fill. */

const PLACEHOLDER_NOTE =
  'May hold {{component}}, {{area}}, {{eta}} and {{next_update}}, filled when the incident or update is posted from the console; any other {{…}} is refused.'

const id = z.string().min(1).max(64)

const fields = {
  kind: z.enum(TEMPLATE_KINDS).openapi({
    description: '`incident` prepares a new incident; `update`, an update to an open one.',
  }),
  name: z.string().trim().min(1).max(100).openapi({ description: 'What ops pick it by.' }),
  title: z
    .string()
    .trim()
    .max(300)
    .nullable()
    .optional()
    .openapi({
      description: `The incident's name (incident templates only, required there). ${PLACEHOLDER_NOTE}`,
    }),
  status: z.enum(['investigating', 'identified', 'monitoring', 'resolved']),
  impact: z.enum(IMPACTS).nullable().optional(),
  body: z
    .string()
    .trim()
    .min(1)
    .max(20000)
    .openapi({ description: `The message. ${PLACEHOLDER_NOTE}` }),
  components: z
    .record(id, z.enum(COMPONENT_STATUSES))
    .optional()
    .openapi({ description: 'Component id → the status the incident puts it in.' }),
  area_ids: z.array(id).max(500).optional(),
  workaround: z.string().trim().max(5000).nullable().optional(),
}

export const TemplateInput = z.strictObject(fields).openapi('TemplateInput')

export const TemplatePatchInput = z
  .strictObject({
    ...fields,
    kind: fields.kind.optional(),
    name: fields.name.optional(),
    status: fields.status.optional(),
    body: fields.body.optional(),
  })
  .openapi('TemplatePatch')

export const TemplateJson = z
  .object({
    id: z.string(),
    kind: z.enum(TEMPLATE_KINDS),
    name: z.string(),
    title: z.string().nullable(),
    status: z.string(),
    impact: z.enum(IMPACTS).nullable(),
    body: z.string(),
    components: z.record(z.string(), z.enum(COMPONENT_STATUSES)),
    area_ids: z.array(z.string()),
    workaround: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Template')
