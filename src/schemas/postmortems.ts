import { z } from '@hono/zod-openapi'
import { POSTMORTEM_MAX_LENGTH } from '../domain/postmortems'

const isoTime = z.string().openapi({ format: 'date-time', example: '2026-11-23T19:02:48.000Z' })

/** PUT /incidents/{id}/postmortem: the draft's markdown. */
export const PostmortemInput = z
  .object({
    body: z
      .string()
      .trim()
      .min(1, 'Write the postmortem first.')
      .max(POSTMORTEM_MAX_LENGTH)
      .openapi({ description: 'Markdown. Raw HTML is shown as text, never as HTML.' }),
  })
  .openapi('PostmortemInput')

/** POST /incidents/{id}/postmortem/publish. */
export const PostmortemPublishInput = z
  .object({
    notify_subscribers: z
      .boolean()
      .default(false)
      .openapi({ description: "Tell the incident's subscribers (an incident.postmortem event)." }),
  })
  .openapi('PostmortemPublishInput')

/** A postmortem as the API answers it. */
export const PostmortemJson = z
  .object({
    incident_id: z.string(),
    state: z.enum(['draft', 'published']),
    body_draft: z.string(),
    body_draft_updated_at: isoTime,
    body: z.string().nullable().openapi({ description: 'The text last published.' }),
    body_updated_at: isoTime.nullable(),
    published_at: isoTime.nullable().openapi({ description: 'Null while it is a draft.' }),
    notify_subscribers: z.boolean(),
    html: z
      .string()
      .nullable()
      .openapi({ description: 'The published text as sanitised HTML, as readers see it.' }),
    created_at: isoTime,
    created_by: z.string(),
    updated_at: isoTime,
    updated_by: z.string(),
  })
  .openapi('Postmortem')
