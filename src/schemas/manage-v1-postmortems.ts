import { z } from '@hono/zod-openapi'
import { POSTMORTEM_MAX_LENGTH } from '../domain/postmortems'
import { formBoolean } from './manage-v1'

/**
 * Postmortem bodies of the Manage API v1 (`{"postmortem": {…}}`), in Statuspage's field names.
 * Objects are loose: Statuspage fields Candor has no use for never fail.
 */

/** PUT …/postmortem: the draft's markdown (an empty one is refused by the verb). */
export const V1PostmortemInput = z.looseObject({
  body_draft: z.string().max(POSTMORTEM_MAX_LENGTH),
})

/**
 * PUT …/postmortem/publish. Candor posts to no social network: `notify_twitter` and
 * `custom_tweet` are accepted whatever they hold, and ignored.
 */
export const V1PostmortemPublishInput = z.looseObject({
  notify_subscribers: formBoolean.optional(),
  notify_twitter: z.unknown().optional(),
  custom_tweet: z.unknown().optional(),
})
