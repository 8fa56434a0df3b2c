import { z } from '@hono/zod-openapi'

/** Component groups in the admin API: a group and the ids of its components. */

const isoTime = z.string().openapi({ format: 'date-time' })

export const ComponentGroupSchema = z
  .object({
    id: z.string(),
    page_id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    components: z.array(z.string()).openapi({ description: 'Member ids, in position order.' }),
    position: z.number().int(),
    created_at: isoTime,
    updated_at: isoTime,
  })
  .openapi('ComponentGroup')

const groupFields = {
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).nullable().optional(),
  component_ids: z
    .array(z.string().min(1).max(64))
    .max(500)
    .openapi({ description: 'Exactly these components become the members.' }),
}

export const ComponentGroupInput = z
  .strictObject({ ...groupFields, component_ids: groupFields.component_ids.default([]) })
  .openapi('ComponentGroupInput')

export const ComponentGroupPatch = z
  .strictObject({
    name: groupFields.name.optional(),
    description: groupFields.description,
    component_ids: groupFields.component_ids.optional(),
  })
  .openapi('ComponentGroupPatch')

export type ComponentGroupJson = z.infer<typeof ComponentGroupSchema>
