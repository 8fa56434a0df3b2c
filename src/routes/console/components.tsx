import { Hono, type Context } from 'hono'
import type { AppBindings } from '../../app-types'
import { createArea, deleteArea, renameArea } from '../../domain/areas'
import { moveComponent } from '../../domain/component-order'
import {
  createComponent,
  deleteComponent,
  getComponent,
  listComponents,
  updateComponent,
} from '../../domain/components'
import { listAreas } from '../../domain/areas'
import { roleReaches } from '../../domain/members'
import type { Component } from '../../domain/types'
import { AreaInput, ComponentInput, ComponentPatch } from '../../schemas/inputs'
import type { AreaFormState } from '../../views/console/areas-section'
import { ComponentEditPage } from '../../views/console/component-edit-page'
import { ComponentsPage } from '../../views/console/components-page'
import { EMPTY_FORM, valueOf, type FormState } from '../../views/console/fields'
import { privatePage } from '../html-page'
import { verbContext } from '../context'
import { consoleFrame, parseWith, readConsoleForm } from './console-form'
import { requireRole, sessionOf } from './console-session'
import { attemptForm } from './refusals'

/**
 * Components, groups and areas (`/console/components`): the grouped list with Move up / Move
 * down, a form to add a component, one page per component or group to change or delete it,
 * and the areas with add, rename and delete. The same verbs as `/api/v1/components` and
 * `/api/v1/areas`.
 */
export const componentsRoutes = new Hono<AppBindings>()

type Ctx = Context<AppBindings>
type Status = 200 | 400 | 409

// A change here shows on the public page as an API change does.

const NOTICES: Record<string, string> = {
  created: 'Component added.',
  saved: 'Component saved.',
  moved: 'Order changed.',
  deleted: 'Deleted.',
  'area-created': 'Area added.',
  'area-renamed': 'Area renamed.',
  'area-deleted': 'Area deleted.',
}

async function listPage(
  c: Ctx,
  refused: { create?: FormState; area?: AreaFormState } = {},
  status: Status = 200,
) {
  const [components, areas] = await Promise.all([listComponents(c.env.DB), listAreas(c.env.DB)])
  const page = (
    <ComponentsPage
      frame={await consoleFrame(c)}
      notice={NOTICES[c.req.query('done') ?? '']}
      components={components}
      areas={areas}
      canWrite={roleReaches(sessionOf(c).member.role, 'editor')}
      create={refused.create ?? EMPTY_FORM}
      refusedArea={refused.area}
    />
  )
  return privatePage(c, page, status)
}

const done = (c: Ctx, key: string) => c.redirect(`/console/components?done=${key}`, 303)

/** A component's form as the API's input: empty description, group and help link mean none. */
function componentInput(form: FormState, isGroup: boolean): Record<string, unknown> {
  const description = valueOf(form, 'description').trim()
  const input: Record<string, unknown> = {
    name: valueOf(form, 'name'),
    description: description === '' ? null : description,
  }
  if (!isGroup) {
    const group = valueOf(form, 'group_name').trim()
    input.group_name = group === '' ? null : group
    input.status = valueOf(form, 'status', 'operational')
    const help = valueOf(form, 'help_url').trim()
    input.help_url = help === '' ? null : help
  }
  return input
}

componentsRoutes.get('/components', (c) => listPage(c))

componentsRoutes.post('/components', async (c) => {
  const form = await readConsoleForm(c)
  const read = parseWith(ComponentInput, componentInput(form, false))
  if (!read.ok) return listPage(c, { create: { ...form, errors: read.errors } }, 400)
  const made = await attemptForm(() => createComponent(verbContext(c), read.value), 'name')
  if (!made.ok) return listPage(c, { create: { ...form, errors: made.errors } }, made.status)
  return done(c, 'created')
})

// Areas come before `/components/:id`, whose pattern would otherwise take them.
componentsRoutes.post('/components/areas', async (c) => {
  const form = await readConsoleForm(c)
  const refuse = (errors: Record<string, string>, status: Status) =>
    listPage(c, { area: { target: 'new', state: { ...form, errors } } }, status)
  const read = parseWith(AreaInput, { name: valueOf(form, 'name') })
  if (!read.ok) return refuse(read.errors, 400)
  const made = await attemptForm(() => createArea(verbContext(c), read.value), 'name')
  if (!made.ok) return refuse(made.errors, made.status)
  return done(c, 'area-created')
})

componentsRoutes.post('/components/areas/:id', async (c) => {
  const id = c.req.param('id')
  const form = await readConsoleForm(c)
  const refuse = (errors: Record<string, string>, status: Status) =>
    listPage(c, { area: { target: id, state: { ...form, errors } } }, status)
  const read = parseWith(AreaInput, { name: valueOf(form, 'name') })
  if (!read.ok) return refuse(read.errors, 400)
  const renamed = await attemptForm(() => renameArea(verbContext(c), id, read.value.name), 'name')
  if (!renamed.ok) return refuse(renamed.errors, renamed.status)
  return done(c, 'area-renamed')
})

componentsRoutes.post('/components/areas/:id/delete', async (c) => {
  await deleteArea(verbContext(c), c.req.param('id'))
  return done(c, 'area-deleted')
})

async function editPage(
  c: Ctx,
  component: Component,
  state: FormState,
  status: Status = 200,
  deleteRefused?: string,
) {
  const groups = (await listComponents(c.env.DB)).filter((x) => x.isGroup)
  const page = (
    <ComponentEditPage
      frame={await consoleFrame(c)}
      component={component}
      groups={groups}
      state={state}
      deleteRefused={deleteRefused}
    />
  )
  return privatePage(c, page, status)
}

/** A component as its edit form shows it before any change. */
async function savedState(c: Ctx, component: Component): Promise<FormState> {
  const all = await listComponents(c.env.DB)
  const group = all.find((x) => x.id === component.groupId)
  return {
    values: {
      name: component.name,
      description: component.description ?? '',
      group_name: group?.name ?? '',
      status: component.status,
      help_url: component.helpUrl ?? '',
    },
    errors: {},
  }
}

// Only editors change components; a viewer reads the list.
componentsRoutes.get('/components/:id', requireRole('editor'), async (c) => {
  const component = await getComponent(c.env.DB, c.req.param('id'))
  return editPage(c, component, await savedState(c, component))
})

componentsRoutes.post('/components/:id', async (c) => {
  const component = await getComponent(c.env.DB, c.req.param('id'))
  const form = await readConsoleForm(c)
  const read = parseWith(ComponentPatch, componentInput(form, component.isGroup))
  if (!read.ok) return editPage(c, component, { ...form, errors: read.errors }, 400)
  const saved = await attemptForm(
    () => updateComponent(verbContext(c), component.id, read.value),
    'name',
  )
  if (!saved.ok) return editPage(c, component, { ...form, errors: saved.errors }, saved.status)
  return done(c, 'saved')
})

componentsRoutes.post('/components/:id/move', async (c) => {
  const form = await readConsoleForm(c)
  const direction = valueOf(form, 'direction')
  if (direction !== 'up' && direction !== 'down') {
    return listPage(c, {}, 400)
  }
  await moveComponent(verbContext(c), c.req.param('id'), direction)
  return done(c, 'moved')
})

componentsRoutes.post('/components/:id/delete', async (c) => {
  const component = await getComponent(c.env.DB, c.req.param('id'))
  const deleted = await attemptForm(() => deleteComponent(verbContext(c), component.id), '(form)')
  if (!deleted.ok) {
    return editPage(
      c,
      component,
      await savedState(c, component),
      deleted.status,
      deleted.errors['(form)'],
    )
  }
  return done(c, 'deleted')
})
