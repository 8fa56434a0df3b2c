import { z } from '@hono/zod-openapi'
import { getIncident, listIncidents, postIncidentUpdate } from '../domain/incidents'
import { cancelMaintenance } from '../domain/maintenance-cancel'
import { createMaintenance } from '../domain/maintenances'
import { presentMaintenance } from '../domain/present'
import {
  CancelMaintenanceInput,
  IdParam,
  IncidentListQuery,
  IncidentUpdateInput,
  MaintenanceInput,
} from '../schemas/inputs'
import { IncidentUpdateSchema, MaintenanceSchema } from '../schemas/statuspage'
import { ErrorSchema } from '../schemas/inputs'
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

/**
 * Scheduled maintenance: statuses scheduled → in_progress → verifying → completed; one still
 * scheduled can be cancelled (closed as completed, with `cancelled_at`).
 */
export const maintenanceRoutes = newApiApp()

maintenanceRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'post',
    path: '/maintenances',
    tags: ['Maintenances'],
    summary: 'Schedule maintenance',
    request: { body: jsonBody(MaintenanceInput) },
    responses: {
      201: jsonResponse(MaintenanceSchema, 'The maintenance'),
      ...authErrors,
      ...bodyErrors,
      ...notFoundError,
    },
  }),
  async (c) => {
    const maintenance = await createMaintenance(verbContext(c), c.req.valid('json'))
    return c.json(presentMaintenance(maintenance, await presentContextFromDb(c)), 201)
  },
)

maintenanceRoutes.openapi(
  apiRoute({
    access: 'read',
    method: 'get',
    path: '/maintenances',
    tags: ['Maintenances'],
    summary: 'List maintenances, newest first',
    request: { query: IncidentListQuery },
    responses: {
      200: jsonResponse(z.array(MaintenanceSchema), 'Maintenances'),
      ...authErrors,
      400: bodyErrors[400],
    },
  }),
  async (c) => {
    const { status, limit, after } = c.req.valid('query')
    const ctx = await presentContextFromDb(c)
    const list = await listIncidents(c.env.DB, 'maintenance', status ?? 'all', limit ?? 100, after)
    return c.json(
      list.map((m) => presentMaintenance(m, ctx)),
      200,
    )
  },
)

maintenanceRoutes.openapi(
  apiRoute({
    access: 'read',
    method: 'get',
    path: '/maintenances/{id}',
    tags: ['Maintenances'],
    summary: 'Get a maintenance with its timeline',
    request: { params: IdParam },
    responses: {
      200: jsonResponse(MaintenanceSchema, 'The maintenance'),
      ...authErrors,
      ...notFoundError,
    },
  }),
  async (c) => {
    const maintenance = await getIncident(c.env.DB, c.req.valid('param').id, 'maintenance')
    return c.json(presentMaintenance(maintenance, await presentContextFromDb(c)), 200)
  },
)

maintenanceRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'post',
    path: '/maintenances/{id}/updates',
    tags: ['Maintenances'],
    summary: 'Post a maintenance update (status moves forward only)',
    request: { params: IdParam, body: jsonBody(IncidentUpdateInput) },
    responses: {
      201: jsonResponse(
        z.object({ update: IncidentUpdateSchema, incident: MaintenanceSchema }),
        'The update and the maintenance as it now stands',
      ),
      ...authErrors,
      ...bodyErrors,
      ...notFoundError,
      ...conflictError,
    },
  }),
  async (c) => {
    const { update, incident } = await postIncidentUpdate(
      verbContext(c),
      c.req.valid('param').id,
      'maintenance',
      c.req.valid('json'),
    )
    const json = presentMaintenance(incident, await presentContextFromDb(c))
    return c.json(
      { update: json.incident_updates.find((u) => u.id === update.id)!, incident: json },
      201,
    )
  },
)

maintenanceRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'post',
    path: '/maintenances/{id}/cancel',
    tags: ['Maintenances'],
    summary:
      'Cancel a maintenance that has not begun: an update that closes it as completed with cancelled_at set; components are left as they are',
    request: {
      params: IdParam,
      body: {
        content: { 'application/json': { schema: CancelMaintenanceInput } },
        required: false,
      },
    },
    responses: {
      201: jsonResponse(
        z.object({ update: IncidentUpdateSchema, incident: MaintenanceSchema }),
        'The cancelling update and the maintenance as it now stands',
      ),
      ...authErrors,
      ...bodyErrors,
      ...notFoundError,
      409: jsonResponse(
        ErrorSchema,
        'The maintenance is not scheduled any more (under way or over)',
      ),
    },
  }),
  async (c) => {
    // The body is optional: an empty POST cancels with the default text and tells subscribers.
    const input = c.req.valid('json') ?? {}
    const { update, incident } = await cancelMaintenance(
      verbContext(c),
      c.req.valid('param').id,
      input,
    )
    const json = presentMaintenance(incident, await presentContextFromDb(c))
    return c.json(
      { update: json.incident_updates.find((u) => u.id === update.id)!, incident: json },
      201,
    )
  },
)
