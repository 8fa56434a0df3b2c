import { Hono, type Context } from 'hono'
import type { AppBindings } from '../../app-types'
import {
  createComponent,
  deleteComponent,
  getComponent,
  listComponents,
  updateComponent,
  type ComponentPatch,
} from '../../domain/components'
import { presentComponent } from '../../domain/present'
import {
  V1ComponentChanges,
  V1ComponentInput,
  type V1ComponentChangesInput,
} from '../../schemas/manage-v1'
import { presentContextFromDb, verbContext } from '../context'
import { v1Route } from './v1-access'
import { readV1Input } from './v1-body'
import { paginate } from './v1-pagination'

/** `/v1/pages/{page_id}/components`: through the same verbs as `/api/v1/components`. */
export const v1ComponentRoutes = new Hono<AppBindings>()

const BASE = '/pages/:page_id/components'

/** Statuspage's component fields as Candor's: an empty status or date means "leave it". */
function toCandor(input: V1ComponentChangesInput): ComponentPatch {
  const patch: ComponentPatch = {}
  if (input.name !== undefined) patch.name = input.name
  if (input.description !== undefined) patch.description = input.description || null
  if (input.status) patch.status = input.status
  if (input.showcase !== undefined) patch.showcase = input.showcase
  if (input.only_show_if_degraded !== undefined) {
    patch.only_show_if_degraded = input.only_show_if_degraded
  }
  if (input.start_date !== undefined) patch.start_date = input.start_date || null
  if (input.group_id !== undefined) patch.group_id = input.group_id || null
  return patch
}

async function present(c: Context<AppBindings>, component: Parameters<typeof presentComponent>[0]) {
  return presentComponent(component, await presentContextFromDb(c))
}

v1Route(v1ComponentRoutes, 'GET', BASE, 'read', async (c) => {
  const ctx = await presentContextFromDb(c)
  const components = (await listComponents(c.env.DB)).map((x) => presentComponent(x, ctx))
  return c.json(paginate(c, components), 200)
})

v1Route(v1ComponentRoutes, 'POST', BASE, 'write', async (c) => {
  const { input } = await readV1Input(c, 'component', V1ComponentInput)
  const patch = toCandor(input)
  const component = await createComponent(verbContext(c), { ...patch, name: input.name })
  return c.json(await present(c, component), 201)
})

v1Route(v1ComponentRoutes, 'GET', `${BASE}/:component_id`, 'read', async (c) => {
  const component = await getComponent(c.env.DB, c.req.param('component_id'))
  return c.json(await present(c, component), 200)
})

// Statuspage's PUT takes the same partial body as its PATCH.
for (const method of ['PATCH', 'PUT'] as const) {
  v1Route(v1ComponentRoutes, method, `${BASE}/:component_id`, 'write', async (c) => {
    const { input } = await readV1Input(c, 'component', V1ComponentChanges)
    const id = c.req.param('component_id')
    const component = await updateComponent(verbContext(c), id, toCandor(input))
    return c.json(await present(c, component), 200)
  })
}

v1Route(v1ComponentRoutes, 'DELETE', `${BASE}/:component_id`, 'write', async (c) => {
  await deleteComponent(verbContext(c), c.req.param('component_id'))
  return c.body(null, 204)
})
