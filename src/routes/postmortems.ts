import type { z } from '@hono/zod-openapi'
import {
  deletePostmortem,
  getPostmortem,
  publishedView,
  publishPostmortem,
  revertPostmortem,
  savePostmortemDraft,
  type Postmortem,
} from '../domain/postmortems'
import { IdParam } from '../schemas/inputs'
import { PostmortemInput, PostmortemJson, PostmortemPublishInput } from '../schemas/postmortems'
import { apiRoute } from './api-route'
import { verbContext } from './context'
import {
  authErrors,
  bodyErrors,
  conflictError,
  jsonBody,
  jsonResponse,
  newApiApp,
  notFoundError,
} from './openapi-helpers'

/** A postmortem as the API answers it. */
export function presentPostmortem(p: Postmortem): z.infer<typeof PostmortemJson> {
  return {
    incident_id: p.incidentId,
    state: p.state,
    body_draft: p.bodyDraft,
    body_draft_updated_at: p.bodyDraftUpdatedAt,
    body: p.body,
    body_updated_at: p.bodyUpdatedAt,
    published_at: p.publishedAt,
    notify_subscribers: p.notifySubscribers,
    html: publishedView(p)?.html ?? null,
    created_at: p.createdAt,
    created_by: p.createdBy,
    updated_at: p.updatedAt,
    updated_by: p.updatedBy,
  }
}

/** An incident's postmortem: a markdown draft, published to the page and feeds, or reverted. */
export const postmortemRoutes = newApiApp()

const PATH = '/incidents/{id}/postmortem'
const answer = { 200: jsonResponse(PostmortemJson, 'The postmortem'), ...authErrors }

postmortemRoutes.openapi(
  apiRoute({
    access: 'read',
    method: 'get',
    path: PATH,
    tags: ['Postmortems'],
    summary: "Get an incident's postmortem",
    request: { params: IdParam },
    responses: { ...answer, ...notFoundError },
  }),
  async (c) =>
    c.json(presentPostmortem(await getPostmortem(c.env.DB, c.req.valid('param').id)), 200),
)

postmortemRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'put',
    path: PATH,
    tags: ['Postmortems'],
    summary: 'Save the draft (creates the postmortem; a published one stays until republished)',
    request: { params: IdParam, body: jsonBody(PostmortemInput) },
    responses: { ...answer, ...bodyErrors, ...notFoundError },
  }),
  async (c) => {
    const { id } = c.req.valid('param')
    const postmortem = await savePostmortemDraft(verbContext(c), id, c.req.valid('json'))
    return c.json(presentPostmortem(postmortem), 200)
  },
)

postmortemRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'delete',
    path: PATH,
    tags: ['Postmortems'],
    summary: 'Delete the postmortem',
    request: { params: IdParam },
    responses: { 204: { description: 'Deleted' }, ...authErrors, ...notFoundError },
  }),
  async (c) => {
    await deletePostmortem(verbContext(c), c.req.valid('param').id)
    return c.body(null, 204)
  },
)

postmortemRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'post',
    path: `${PATH}/publish`,
    tags: ['Postmortems'],
    summary: "Publish the draft (the incident's status becomes postmortem)",
    request: { params: IdParam, body: jsonBody(PostmortemPublishInput) },
    responses: { ...answer, ...bodyErrors, ...notFoundError, ...conflictError },
  }),
  async (c) => {
    const { id } = c.req.valid('param')
    const { notify_subscribers: notifySubscribers } = c.req.valid('json')
    const postmortem = await publishPostmortem(verbContext(c), id, { notifySubscribers })
    return c.json(presentPostmortem(postmortem), 200)
  },
)

postmortemRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'post',
    path: `${PATH}/revert`,
    tags: ['Postmortems'],
    summary: 'Take the postmortem off the page, back to a draft',
    request: { params: IdParam },
    responses: { ...answer, ...notFoundError, ...conflictError },
  }),
  async (c) =>
    c.json(presentPostmortem(await revertPostmortem(verbContext(c), c.req.valid('param').id)), 200),
)
