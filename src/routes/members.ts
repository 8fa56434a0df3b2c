import { z } from '@hono/zod-openapi'
import {
  changeMember,
  getMember,
  inviteMember,
  listMembers,
  removeMember,
  type Member,
} from '../domain/members'
import { enqueueMails } from '../notify/delivery/transactional-mail'
import { MemberChange, MemberInfo, MemberInput } from '../schemas/members'
import { IdParam } from '../schemas/inputs'
import { apiRoute } from './api-route'
import { baseUrl, verbContext } from './context'
import {
  authErrors,
  bodyErrors,
  conflictError,
  jsonBody,
  jsonResponse,
  newApiApp,
  notFoundError,
} from './openapi-helpers'

function presentMember(m: Member) {
  return {
    id: m.id,
    email: m.email,
    name: m.name,
    role: m.role,
    status: m.status,
    created_at: m.createdAt,
    updated_at: m.updatedAt,
    last_sign_in_at: m.lastSignInAt,
  }
}

/** Members (people who sign in to the console): owner scope for all of it. */
export const memberRoutes = newApiApp()

memberRoutes.openapi(
  apiRoute({
    access: 'owner',
    method: 'post',
    path: '/members',
    tags: ['Members'],
    summary: 'Invite a member (mails a single-use sign-in link, valid 72 h)',
    request: { body: jsonBody(MemberInput) },
    responses: {
      201: jsonResponse(MemberInfo, 'The invited member'),
      ...authErrors,
      ...bodyErrors,
      ...conflictError,
    },
  }),
  async (c) => {
    const { member, mailId } = await inviteMember(
      { ...verbContext(c), baseUrl: baseUrl(c) },
      c.req.valid('json'),
    )
    // The mail is recorded with the member; if this enqueue fails, the clock's sweep sends it.
    await enqueueMails(c.env.DELIVERIES, [mailId]).catch((error: unknown) =>
      console.error('enqueueing an invitation failed; the sweep sends it', error),
    )
    return c.json(presentMember(member), 201)
  },
)

memberRoutes.openapi(
  apiRoute({
    access: 'owner',
    method: 'get',
    path: '/members',
    tags: ['Members'],
    summary: 'List members',
    responses: { 200: jsonResponse(z.array(MemberInfo), 'All members'), ...authErrors },
  }),
  async (c) => c.json((await listMembers(c.env.DB)).map(presentMember), 200),
)

memberRoutes.openapi(
  apiRoute({
    access: 'owner',
    method: 'get',
    path: '/members/{id}',
    tags: ['Members'],
    summary: 'Read a member',
    request: { params: IdParam },
    responses: { 200: jsonResponse(MemberInfo, 'The member'), ...authErrors, ...notFoundError },
  }),
  async (c) => c.json(presentMember(await getMember(c.env.DB, c.req.valid('param').id)), 200),
)

memberRoutes.openapi(
  apiRoute({
    access: 'owner',
    method: 'patch',
    path: '/members/{id}',
    tags: ['Members'],
    summary: "Change a member's role or name (the last owner cannot be demoted: 409)",
    request: { params: IdParam, body: jsonBody(MemberChange) },
    responses: {
      200: jsonResponse(MemberInfo, 'The member as changed'),
      ...authErrors,
      ...bodyErrors,
      ...notFoundError,
      ...conflictError,
    },
  }),
  async (c) => {
    const member = await changeMember(verbContext(c), c.req.valid('param').id, c.req.valid('json'))
    return c.json(presentMember(member), 200)
  },
)

memberRoutes.openapi(
  apiRoute({
    access: 'owner',
    method: 'delete',
    path: '/members/{id}',
    tags: ['Members'],
    summary: 'Remove a member and end their sessions (the last owner cannot be removed: 409)',
    request: { params: IdParam },
    responses: {
      204: { description: 'Removed; their sessions have ended' },
      ...authErrors,
      ...notFoundError,
      ...conflictError,
    },
  }),
  async (c) => {
    await removeMember(verbContext(c), c.req.valid('param').id)
    return c.body(null, 204)
  },
)
