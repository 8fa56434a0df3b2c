import { z } from '@hono/zod-openapi'
import {
  createComponent,
  deleteComponent,
  getComponent,
  listComponents,
  updateComponent,
} from '../domain/components'
import { presentComponent } from '../domain/present'
import { ComponentInput, ComponentPatch, IdParam } from '../schemas/inputs'
import { ComponentSchema } from '../schemas/statuspage'
import { apiRoute } from './api-route'
import { presentContextFromDb, verbContext } from './context'
import {
  authErrors,
  bodyErrors,
  conflictError,
  jsonBody,
  jsonResponse,
  newApiApp,
  notFoundError,
} from './openapi-helpers'

/** Components and groups (a group is named by `group_name` and created on first use). */
export const componentRoutes = newApiApp()

componentRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'post',
    path: '/components',
    tags: ['Components'],
    summary: 'Create a component',
    request: { body: jsonBody(ComponentInput) },
    responses: {
      201: jsonResponse(ComponentSchema, 'The component'),
      ...authErrors,
      ...bodyErrors,
      ...conflictError,
    },
  }),
  async (c) => {
    const component = await createComponent(verbContext(c), c.req.valid('json'))
    return c.json(presentComponent(component, await presentContextFromDb(c)), 201)
  },
)

componentRoutes.openapi(
  apiRoute({
    access: 'read',
    method: 'get',
    path: '/components',
    tags: ['Components'],
    summary: 'List components and groups',
    responses: { 200: jsonResponse(z.array(ComponentSchema), 'All components'), ...authErrors },
  }),
  async (c) => {
    const ctx = await presentContextFromDb(c)
    const components = await listComponents(c.env.DB)
    return c.json(
      components.map((x) => presentComponent(x, ctx)),
      200,
    )
  },
)

componentRoutes.openapi(
  apiRoute({
    access: 'read',
    method: 'get',
    path: '/components/{id}',
    tags: ['Components'],
    summary: 'Get a component',
    request: { params: IdParam },
    responses: {
      200: jsonResponse(ComponentSchema, 'The component'),
      ...authErrors,
      ...notFoundError,
    },
  }),
  async (c) => {
    const component = await getComponent(c.env.DB, c.req.valid('param').id)
    return c.json(presentComponent(component, await presentContextFromDb(c)), 200)
  },
)

componentRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'patch',
    path: '/components/{id}',
    tags: ['Components'],
    summary: 'Change a component (a status change here is announced as component.updated)',
    request: { params: IdParam, body: jsonBody(ComponentPatch) },
    responses: {
      200: jsonResponse(ComponentSchema, 'The component'),
      ...authErrors,
      ...bodyErrors,
      ...notFoundError,
      ...conflictError,
    },
  }),
  async (c) => {
    const component = await updateComponent(
      verbContext(c),
      c.req.valid('param').id,
      c.req.valid('json'),
    )
    return c.json(presentComponent(component, await presentContextFromDb(c)), 200)
  },
)

componentRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'delete',
    path: '/components/{id}',
    tags: ['Components'],
    summary: 'Delete a component (refused while an unresolved incident involves it)',
    request: { params: IdParam },
    responses: {
      204: { description: 'Deleted' },
      ...authErrors,
      ...notFoundError,
      ...conflictError,
    },
  }),
  async (c) => {
    await deleteComponent(verbContext(c), c.req.valid('param').id)
    return c.body(null, 204)
  },
)
