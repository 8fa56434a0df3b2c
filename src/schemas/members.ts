import { z } from '@hono/zod-openapi'
import { MEMBER_ROLES } from '../domain/members'
import { MEMBER_ADDRESS_PATTERN } from '../lib/email-address'

/** Bodies and answers of the members API (people who sign in to the console). */

const role = z.enum(MEMBER_ROLES).openapi({
  description:
    '`owner`: everything, including members, tokens and settings; `editor`: incidents, maintenance, components, areas, templates, subscribers; `viewer`: reads only.',
})
const name = z.string().trim().min(1).max(100)

export const MemberInput = z
  .strictObject({
    email: z
      .email({
        pattern: MEMBER_ADDRESS_PATTERN,
        message: 'Give an email address such as name@example.com.',
      })
      .max(254),
    name: name.optional(),
    role,
  })
  .openapi('MemberInput')

export const MemberChange = z
  .strictObject({ role: role.optional(), name: name.nullable().optional() })
  .openapi('MemberChange')

export const MemberInfo = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string().nullable(),
    role,
    status: z.enum(['invited', 'active']).openapi({
      description: '`invited` until the person first signs in with a link.',
    }),
    created_at: z.string(),
    updated_at: z.string(),
    last_sign_in_at: z.string().nullable().openapi({
      description: 'When they last signed in (a link or Cloudflare Access); null until then.',
    }),
  })
  .openapi('Member')
