import { Hono } from 'hono'
import type { AppBindings } from '../../app-types'
import { invalidField } from '../../domain/errors'
import { createTemplate, listTemplates } from '../../domain/templates'
import type { ComponentStatus } from '../../domain/types'
import { V1TemplateInput } from '../../schemas/manage-v1-incidents'
import { presentContextFromDb, verbContext } from '../context'
import { v1Route } from './v1-access'
import { readV1Input } from './v1-body'
import { presentV1Template } from './v1-incident-present'
import { paginate } from './v1-pagination'

/**
 * `/v1/pages/{page_id}/incident_templates`: Candor's incident templates (those preparing a new
 * incident; update templates have no Statuspage counterpart), through the verbs of
 * `/api/v1/templates`.
 */
export const v1TemplateRoutes = new Hono<AppBindings>()

const BASE = '/pages/:page_id/incident_templates'

v1Route(v1TemplateRoutes, 'GET', BASE, 'read', async (c) => {
  const ctx = await presentContextFromDb(c)
  const templates = (await listTemplates(c.env.DB)).filter((t) => t.kind === 'incident')
  return c.json(
    paginate(c, templates).map((t) => presentV1Template(t, ctx)),
    200,
  )
})

v1Route(v1TemplateRoutes, 'POST', BASE, 'write', async (c) => {
  const { input } = await readV1Input(c, 'template', V1TemplateInput)
  const ctx = await presentContextFromDb(c)
  // A component named without a status is prepared at the status it has now.
  const components: Record<string, ComponentStatus> = {}
  for (const id of new Set([
    ...(input.component_ids ?? []),
    ...Object.keys(input.components ?? {}),
  ])) {
    const component = ctx.components.get(id)
    if (!component) throw invalidField('component_ids', `No component with id "${id}".`)
    components[id] = input.components?.[id] || component.status
  }
  const template = await createTemplate(verbContext(c), {
    kind: 'incident',
    name: input.name,
    title: input.title,
    status: input.update_status ?? 'investigating',
    body: input.body,
    components,
  })
  return c.json(presentV1Template(template, ctx), 201)
})
