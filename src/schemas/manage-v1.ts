import { z } from '@hono/zod-openapi'
import { COMPONENT_STATUSES } from '../domain/types'

/**
 * Request bodies of the Manage API v1, as Statuspage's clients send them in JSON or in a
 * bracketed form (where every value arrives as a string). Fields Candor has no use for are
 * accepted and ignored (objects are loose), never an error.
 */

/** A boolean as JSON sends it, or as a form does (`true`/`false`, `1`/`0`). */
export const formBoolean = z.preprocess((value) => {
  if (value === 'true' || value === '1') return true
  if (value === 'false' || value === '0') return false
  return value
}, z.boolean())

/** A list of ids: a form may send one without `[]`, as a single string. */
export const idList = z.preprocess(
  (value) => (typeof value === 'string' ? (value === '' ? [] : [value]) : value),
  z.array(z.string().min(1).max(64)).max(500),
)

/** An optional text a form may send as empty to clear it. */
const optionalText = (max: number) => z.string().max(max).nullable().optional()

export const V1PageChanges = z.looseObject({
  name: z.string().trim().min(1).max(200).optional(),
  time_zone: z.string().min(1).max(100).optional(),
})

/** Statuspage allows an empty status; it means "leave it". */
const componentStatus = z.enum([...COMPONENT_STATUSES, ''])

export const V1ComponentChanges = z.looseObject({
  name: z.string().trim().min(1).max(200).optional(),
  description: optionalText(2000),
  status: componentStatus.optional(),
  only_show_if_degraded: formBoolean.optional(),
  group_id: z.string().max(64).nullable().optional(),
  showcase: formBoolean.optional(),
  start_date: z.iso.date().nullable().or(z.literal('')).optional(),
})

export const V1ComponentInput = V1ComponentChanges.extend({
  name: z.string().trim().min(1).max(200),
})

export const V1ComponentGroupChanges = z.looseObject({
  name: z.string().trim().min(1).max(200).optional(),
  description: optionalText(2000),
  components: idList.optional(),
})

export const V1ComponentGroupInput = V1ComponentGroupChanges.extend({
  name: z.string().trim().min(1).max(200),
  components: idList,
})

export type V1ComponentChangesInput = z.infer<typeof V1ComponentChanges>
