import { z } from '@hono/zod-openapi'
import {
  createComponentGroup,
  deleteComponentGroup,
  getComponentGroup,
  listComponentGroups,
  updateComponentGroup,
} from '../domain/component-groups'
import { ensurePage } from '../domain/page'
import {
  ComponentGroupInput,
  ComponentGroupPatch,
  ComponentGroupSchema,
} from '../schemas/component-groups'
import { IdParam } from '../schemas/inputs'
import { apiRoute } from './api-route'
import { verbContext } from './context'
import { presentGroup } from './manage-v1/v1-present'
import {
  authErrors,
  bodyErrors,
  conflictError,
  jsonBody,
  jsonResponse,
  newApiApp,
  notFoundError,
} from './openapi-helpers'

/** Component groups as objects: a name, a description and exactly these components. */
export const componentGroupRoutes = newApiApp()

const pageIdOf = async (db: D1Database) => (await ensurePage(db, new Date())).pageId

componentGroupRoutes.openapi(
  apiRoute({
    access: 'read',
    method: 'get',
    path: '/component-groups',
    tags: ['Components'],
    summary: 'List component groups with their components',
    responses: {
      200: jsonResponse(z.array(ComponentGroupSchema), 'All groups'),
      ...authErrors,
    },
  }),
  async (c) => {
    const pageId = await pageIdOf(c.env.DB)
    const groups = await listComponentGroups(c.env.DB)
    return c.json(
      groups.map((g) => presentGroup(g, pageId)),
      200,
    )
  },
)

componentGroupRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'post',
    path: '/component-groups',
    tags: ['Components'],
    summary: 'Create a group holding these components (taken out of any other group)',
    request: { body: jsonBody(ComponentGroupInput) },
    responses: {
      201: jsonResponse(ComponentGroupSchema, 'The group'),
      ...authErrors,
      ...bodyErrors,
      ...conflictError,
    },
  }),
  async (c) => {
    const group = await createComponentGroup(verbContext(c), c.req.valid('json'))
    return c.json(presentGroup(group, await pageIdOf(c.env.DB)), 201)
  },
)

componentGroupRoutes.openapi(
  apiRoute({
    access: 'read',
    method: 'get',
    path: '/component-groups/{id}',
    tags: ['Components'],
    summary: 'Get a component group',
    request: { params: IdParam },
    responses: {
      200: jsonResponse(ComponentGroupSchema, 'The group'),
      ...authErrors,
      ...notFoundError,
    },
  }),
  async (c) => {
    const group = await getComponentGroup(c.env.DB, c.req.valid('param').id)
    return c.json(presentGroup(group, await pageIdOf(c.env.DB)), 200)
  },
)

componentGroupRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'patch',
    path: '/component-groups/{id}',
    tags: ['Components'],
    summary: 'Rename a group, change its description, or set exactly which components it holds',
    request: { params: IdParam, body: jsonBody(ComponentGroupPatch) },
    responses: {
      200: jsonResponse(ComponentGroupSchema, 'The group'),
      ...authErrors,
      ...bodyErrors,
      ...notFoundError,
      ...conflictError,
    },
  }),
  async (c) => {
    const group = await updateComponentGroup(
      verbContext(c),
      c.req.valid('param').id,
      c.req.valid('json'),
    )
    return c.json(presentGroup(group, await pageIdOf(c.env.DB)), 200)
  },
)

componentGroupRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'delete',
    path: '/component-groups/{id}',
    tags: ['Components'],
    summary: 'Delete a group; its components stay, ungrouped',
    request: { params: IdParam },
    responses: { 204: { description: 'Deleted' }, ...authErrors, ...notFoundError },
  }),
  async (c) => {
    await deleteComponentGroup(verbContext(c), c.req.valid('param').id)
    return c.body(null, 204)
  },
)
