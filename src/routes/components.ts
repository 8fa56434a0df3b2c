import { createRoute, z } from '@hono/zod-openapi'
import {
  createComponent,
  deleteComponent,
  getComponent,
  listComponents,
  updateComponent,
} from '../domain/components'
import { presentComponent } from '../domain/present'
import { requireReadOrWrite } from '../middleware/auth'
import { ComponentInput, ComponentPatch, IdParam } from '../schemas/inputs'
import { ComponentSchema } from '../schemas/statuspage'
import { presentContextFromDb, verbContext } from './context'
import {
  authErrors,
  bearerSecurity,
  bodyErrors,
  conflictError,
  jsonBody,
  jsonResponse,
  newApiApp,
  notFoundError,
} from './openapi-helpers'

/** Components and groups (a group is named by `group_name` and created on first use). */
export const componentRoutes = newApiApp()
componentRoutes.use('/components', requireReadOrWrite())
componentRoutes.use('/components/*', requireReadOrWrite())

componentRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/components',
    tags: ['Components'],
    summary: 'Create a component',
    security: bearerSecurity,
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
  createRoute({
    method: 'get',
    path: '/components',
    tags: ['Components'],
    summary: 'List components and groups',
    security: bearerSecurity,
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
  createRoute({
    method: 'get',
    path: '/components/{id}',
    tags: ['Components'],
    summary: 'Get a component',
    security: bearerSecurity,
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
  createRoute({
    method: 'patch',
    path: '/components/{id}',
    tags: ['Components'],
    summary: 'Change a component (a status change here is announced as component.updated)',
    security: bearerSecurity,
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
  createRoute({
    method: 'delete',
    path: '/components/{id}',
    tags: ['Components'],
    summary: 'Delete a component (refused while an unresolved incident involves it)',
    security: bearerSecurity,
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
