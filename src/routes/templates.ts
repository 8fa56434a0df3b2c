import { z } from '@hono/zod-openapi'
import {
  createTemplate,
  deleteTemplate,
  getTemplate,
  listTemplates,
  updateTemplate,
  type Template,
} from '../domain/templates'
import { IdParam } from '../schemas/inputs'
import { TemplateInput, TemplateJson, TemplatePatchInput } from '../schemas/templates'
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

/** A template as the API answers it. */
export function presentTemplate(t: Template): z.infer<typeof TemplateJson> {
  return {
    id: t.id,
    kind: t.kind,
    name: t.name,
    title: t.title,
    status: t.status,
    impact: t.impact,
    body: t.body,
    components: t.components,
    area_ids: t.areaIds,
    workaround: t.workaround,
    created_at: t.createdAt,
    updated_at: t.updatedAt,
  }
}

/** Templates: saved incidents and updates with placeholders, picked in the console. */
export const templateRoutes = newApiApp()

templateRoutes.openapi(
  apiRoute({
    access: 'read',
    method: 'get',
    path: '/templates',
    tags: ['Templates'],
    summary: 'List templates',
    responses: { 200: jsonResponse(z.array(TemplateJson), 'All templates'), ...authErrors },
  }),
  async (c) => c.json((await listTemplates(c.env.DB)).map(presentTemplate), 200),
)

templateRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'post',
    path: '/templates',
    tags: ['Templates'],
    summary: 'Create a template',
    request: { body: jsonBody(TemplateInput) },
    responses: {
      201: jsonResponse(TemplateJson, 'The template'),
      ...authErrors,
      ...bodyErrors,
      ...conflictError,
    },
  }),
  async (c) =>
    c.json(presentTemplate(await createTemplate(verbContext(c), c.req.valid('json'))), 201),
)

templateRoutes.openapi(
  apiRoute({
    access: 'read',
    method: 'get',
    path: '/templates/{id}',
    tags: ['Templates'],
    summary: 'Get a template',
    request: { params: IdParam },
    responses: { 200: jsonResponse(TemplateJson, 'The template'), ...authErrors, ...notFoundError },
  }),
  async (c) => c.json(presentTemplate(await getTemplate(c.env.DB, c.req.valid('param').id)), 200),
)

templateRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'patch',
    path: '/templates/{id}',
    tags: ['Templates'],
    summary: 'Change a template (omitted fields keep their values)',
    request: { params: IdParam, body: jsonBody(TemplatePatchInput) },
    responses: {
      200: jsonResponse(TemplateJson, 'The template'),
      ...authErrors,
      ...bodyErrors,
      ...notFoundError,
      ...conflictError,
    },
  }),
  async (c) => {
    const template = await updateTemplate(
      verbContext(c),
      c.req.valid('param').id,
      c.req.valid('json'),
    )
    return c.json(presentTemplate(template), 200)
  },
)

templateRoutes.openapi(
  apiRoute({
    access: 'write',
    method: 'delete',
    path: '/templates/{id}',
    tags: ['Templates'],
    summary: 'Delete a template',
    request: { params: IdParam },
    responses: { 204: { description: 'Deleted' }, ...authErrors, ...notFoundError },
  }),
  async (c) => {
    await deleteTemplate(verbContext(c), c.req.valid('param').id)
    return c.body(null, 204)
  },
)
