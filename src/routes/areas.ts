import { createRoute, z } from '@hono/zod-openapi'
import { createArea, deleteArea, getArea, listAreas, renameArea } from '../domain/areas'
import type { Area } from '../domain/types'
import { requireReadOrWrite } from '../middleware/auth'
import { AreaInput, AreaJson, IdParam } from '../schemas/inputs'
import { verbContext } from './context'
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

function presentArea(a: Area) {
  return { id: a.id, name: a.name, created_at: a.createdAt }
}

/** Areas: places or customer segments (a region, a site, a postcode) across components. */
export const areaRoutes = newApiApp()
areaRoutes.use('/areas', requireReadOrWrite())
areaRoutes.use('/areas/*', requireReadOrWrite())

areaRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/areas',
    tags: ['Areas'],
    summary: 'Create an area',
    security: bearerSecurity,
    request: { body: jsonBody(AreaInput) },
    responses: {
      201: jsonResponse(AreaJson, 'The area'),
      ...authErrors,
      ...bodyErrors,
      ...conflictError,
    },
  }),
  async (c) => c.json(presentArea(await createArea(verbContext(c), c.req.valid('json'))), 201),
)

areaRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/areas',
    tags: ['Areas'],
    summary: 'List areas',
    security: bearerSecurity,
    responses: { 200: jsonResponse(z.array(AreaJson), 'All areas'), ...authErrors },
  }),
  async (c) => c.json((await listAreas(c.env.DB)).map(presentArea), 200),
)

areaRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/areas/{id}',
    tags: ['Areas'],
    summary: 'Get an area',
    security: bearerSecurity,
    request: { params: IdParam },
    responses: { 200: jsonResponse(AreaJson, 'The area'), ...authErrors, ...notFoundError },
  }),
  async (c) => c.json(presentArea(await getArea(c.env.DB, c.req.valid('param').id)), 200),
)

areaRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/areas/{id}',
    tags: ['Areas'],
    summary: 'Rename an area',
    security: bearerSecurity,
    request: { params: IdParam, body: jsonBody(AreaInput) },
    responses: {
      200: jsonResponse(AreaJson, 'The area'),
      ...authErrors,
      ...bodyErrors,
      ...notFoundError,
      ...conflictError,
    },
  }),
  async (c) => {
    const area = await renameArea(verbContext(c), c.req.valid('param').id, c.req.valid('json').name)
    return c.json(presentArea(area), 200)
  },
)

areaRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/areas/{id}',
    tags: ['Areas'],
    summary: 'Delete an area',
    security: bearerSecurity,
    request: { params: IdParam },
    responses: { 204: { description: 'Deleted' }, ...authErrors, ...notFoundError },
  }),
  async (c) => {
    await deleteArea(verbContext(c), c.req.valid('param').id)
    return c.body(null, 204)
  },
)
