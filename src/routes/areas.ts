import { z } from '@hono/zod-openapi'
import { createArea, deleteArea, getArea, listAreas, renameArea } from '../domain/areas'
import type { Area } from '../domain/types'
import { AreaInput, AreaJson, IdParam } from '../schemas/inputs'
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

function presentArea(a: Area) {
  return { id: a.id, name: a.name, created_at: a.createdAt }
}

/** Areas: places or customer segments (a region, a site, a postcode) across components. */
export const areaRoutes = newApiApp()

areaRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'post',
    path: '/areas',
    tags: ['Areas'],
    summary: 'Create an area',
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
  apiRoute({
    access: 'read',
    method: 'get',
    path: '/areas',
    tags: ['Areas'],
    summary: 'List areas',
    responses: { 200: jsonResponse(z.array(AreaJson), 'All areas'), ...authErrors },
  }),
  async (c) => c.json((await listAreas(c.env.DB)).map(presentArea), 200),
)

areaRoutes.openapi(
  apiRoute({
    access: 'read',
    method: 'get',
    path: '/areas/{id}',
    tags: ['Areas'],
    summary: 'Get an area',
    request: { params: IdParam },
    responses: { 200: jsonResponse(AreaJson, 'The area'), ...authErrors, ...notFoundError },
  }),
  async (c) => c.json(presentArea(await getArea(c.env.DB, c.req.valid('param').id)), 200),
)

areaRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'patch',
    path: '/areas/{id}',
    tags: ['Areas'],
    summary: 'Rename an area',
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
  apiRoute({
    access: 'write',
    method: 'delete',
    path: '/areas/{id}',
    tags: ['Areas'],
    summary: 'Delete an area',
    request: { params: IdParam },
    responses: { 204: { description: 'Deleted' }, ...authErrors, ...notFoundError },
  }),
  async (c) => {
    await deleteArea(verbContext(c), c.req.valid('param').id)
    return c.body(null, 204)
  },
)
