import { Hono } from 'hono'
import type { AppBindings } from '../../app-types'
import {
  createComponentGroup,
  deleteComponentGroup,
  getComponentGroup,
  listComponentGroups,
  updateComponentGroup,
  type ComponentGroupChanges,
} from '../../domain/component-groups'
import { ensurePage } from '../../domain/page'
import { V1ComponentGroupChanges, V1ComponentGroupInput } from '../../schemas/manage-v1'
import { verbContext } from '../context'
import { v1Route } from './v1-access'
import { readV1Input } from './v1-body'
import { paginate } from './v1-pagination'
import { presentGroup } from './v1-present'

/** `/v1/pages/{page_id}/component-groups`: through the same verbs as `/api/v1/component-groups`. */
export const v1ComponentGroupRoutes = new Hono<AppBindings>()

const BASE = '/pages/:page_id/component-groups'

/**
 * The group's fields from a body: `component_group: {name, components, description?}`, the
 * description also accepted beside it at the top level (where Statuspage's document puts it).
 */
function toCandor(
  group: { name?: string; components?: string[]; description?: string | null },
  body: Record<string, unknown>,
): ComponentGroupChanges {
  const changes: ComponentGroupChanges = {}
  if (group.name !== undefined) changes.name = group.name
  if (group.components !== undefined) changes.component_ids = group.components
  const description = group.description ?? body.description
  if (typeof description === 'string') changes.description = description || null
  return changes
}

const pageIdOf = async (db: D1Database) => (await ensurePage(db, new Date())).pageId

v1Route(v1ComponentGroupRoutes, 'GET', BASE, 'read', async (c) => {
  const pageId = await pageIdOf(c.env.DB)
  const groups = (await listComponentGroups(c.env.DB)).map((g) => presentGroup(g, pageId))
  return c.json(paginate(c, groups), 200)
})

v1Route(v1ComponentGroupRoutes, 'POST', BASE, 'write', async (c) => {
  const { input, body } = await readV1Input(c, 'component_group', V1ComponentGroupInput)
  const changes = toCandor(input, body)
  const group = await createComponentGroup(verbContext(c), {
    ...changes,
    name: input.name,
    component_ids: input.components,
  })
  return c.json(presentGroup(group, await pageIdOf(c.env.DB)), 201)
})

v1Route(v1ComponentGroupRoutes, 'GET', `${BASE}/:id`, 'read', async (c) => {
  const group = await getComponentGroup(c.env.DB, c.req.param('id'))
  return c.json(presentGroup(group, await pageIdOf(c.env.DB)), 200)
})

// Statuspage's PUT takes the same body as its PATCH; an omitted field keeps its value.
for (const method of ['PATCH', 'PUT'] as const) {
  v1Route(v1ComponentGroupRoutes, method, `${BASE}/:id`, 'write', async (c) => {
    const { input, body } = await readV1Input(c, 'component_group', V1ComponentGroupChanges)
    const group = await updateComponentGroup(
      verbContext(c),
      c.req.param('id'),
      toCandor(input, body),
    )
    return c.json(presentGroup(group, await pageIdOf(c.env.DB)), 200)
  })
}

v1Route(v1ComponentGroupRoutes, 'DELETE', `${BASE}/:id`, 'write', async (c) => {
  const group = await deleteComponentGroup(verbContext(c), c.req.param('id'))
  return c.json(presentGroup(group, await pageIdOf(c.env.DB)), 200)
})
