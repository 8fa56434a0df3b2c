import { z } from '@hono/zod-openapi'
import { createIncident, getIncident, listIncidents, postIncidentUpdate } from '../domain/incidents'
import { publishIncident } from '../domain/incident-publish'
import { backfillInput, withoutBackfill } from './incident-backfill-input'
import { backfillIncident } from '../domain/incident-backfill'
import { presentAdminIncident, presentIncident } from '../domain/present'
import { reopenIncident } from '../domain/reopen'
import {
  IdParam,
  IncidentInput,
  IncidentListQuery,
  IncidentUpdateInput,
  ReopenInput,
} from '../schemas/inputs'
import { IncidentSchema, IncidentUpdateSchema } from '../schemas/statuspage'
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

/** Incidents and their updates, with Candor's ETA, next-update and progress fields. */
export const incidentRoutes = newApiApp()

incidentRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'post',
    path: '/incidents',
    tags: ['Incidents'],
    summary: 'Open an incident (or record one that already happened)',
    request: { body: jsonBody(IncidentInput) },
    responses: {
      201: jsonResponse(IncidentSchema, 'The incident'),
      ...authErrors,
      ...bodyErrors,
      ...notFoundError,
      ...conflictError,
    },
  }),
  async (c) => {
    const input = c.req.valid('json')
    const incident = input.backfilled
      ? await backfillIncident(verbContext(c), backfillInput(input))
      : await createIncident(verbContext(c), withoutBackfill(input))
    return c.json(presentAdminIncident(incident, await presentContextFromDb(c)), 201)
  },
)

incidentRoutes.openapi(
  apiRoute({
    access: 'read',
    method: 'get',
    path: '/incidents',
    tags: ['Incidents'],
    summary: 'List incidents, newest first',
    request: { query: IncidentListQuery },
    responses: {
      200: jsonResponse(z.array(IncidentSchema), 'Incidents'),
      ...authErrors,
      400: bodyErrors[400],
    },
  }),
  async (c) => {
    const { status, limit, after } = c.req.valid('query')
    const ctx = await presentContextFromDb(c)
    const incidents = await listIncidents(
      c.env.DB,
      'incident',
      status ?? 'all',
      limit ?? 100,
      after,
    )
    return c.json(
      incidents.map((i) => presentAdminIncident(i, ctx)),
      200,
    )
  },
)

incidentRoutes.openapi(
  apiRoute({
    access: 'read',
    method: 'get',
    path: '/incidents/{id}',
    tags: ['Incidents'],
    summary: 'Get an incident with its whole timeline',
    request: { params: IdParam },
    responses: {
      200: jsonResponse(IncidentSchema, 'The incident'),
      ...authErrors,
      ...notFoundError,
    },
  }),
  async (c) => {
    const incident = await getIncident(c.env.DB, c.req.valid('param').id, 'incident')
    return c.json(presentAdminIncident(incident, await presentContextFromDb(c)), 200)
  },
)

incidentRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'post',
    path: '/incidents/{id}/updates',
    tags: ['Incidents'],
    summary: 'Post an update (omitted fields keep their values; eta: null clears the estimate)',
    request: { params: IdParam, body: jsonBody(IncidentUpdateInput) },
    responses: {
      201: jsonResponse(
        z.object({ update: IncidentUpdateSchema, incident: IncidentSchema }),
        'The update and the incident as it now stands',
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
      'incident',
      c.req.valid('json'),
    )
    const json = presentAdminIncident(incident, await presentContextFromDb(c))
    return c.json(
      { update: json.incident_updates.find((u) => u.id === update.id)!, incident: json },
      201,
    )
  },
)

incidentRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'post',
    path: '/incidents/{id}/reopen',
    tags: ['Incidents'],
    summary:
      'Reopen a resolved incident: an investigating update that puts its components back to the statuses they last had in it',
    request: {
      params: IdParam,
      body: { content: { 'application/json': { schema: ReopenInput } }, required: false },
    },
    responses: {
      201: jsonResponse(
        z.object({ update: IncidentUpdateSchema, incident: IncidentSchema }),
        'The reopening update and the incident as it now stands',
      ),
      ...authErrors,
      ...bodyErrors,
      ...notFoundError,
      409: conflictError[409],
    },
  }),
  async (c) => {
    // The body is optional: an empty POST reopens with the default text.
    const input = c.req.valid('json') ?? {}
    const { update, incident } = await reopenIncident(
      verbContext(c),
      c.req.valid('param').id,
      input,
    )
    const json = presentIncident(incident, await presentContextFromDb(c))
    return c.json(
      { update: json.incident_updates.find((u) => u.id === update.id)!, incident: json },
      201,
    )
  },
)

incidentRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'post',
    path: '/incidents/{id}/publish',
    tags: ['Incidents'],
    summary: 'Publish a draft: it appears publicly and subscribers are told of it as new',
    request: { params: IdParam },
    responses: {
      200: jsonResponse(IncidentSchema, 'The incident, now published'),
      ...authErrors,
      ...notFoundError,
      ...conflictError,
    },
  }),
  async (c) => {
    const incident = await publishIncident(verbContext(c), c.req.valid('param').id)
    return c.json(presentAdminIncident(incident, await presentContextFromDb(c)), 200)
  },
)
