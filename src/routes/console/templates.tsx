import { Hono, type Context } from 'hono'
import type { AppBindings } from '../../app-types'
import { listAreas } from '../../domain/areas'
import { listComponents } from '../../domain/components'
import {
  createTemplate,
  deleteTemplate,
  getTemplate,
  listTemplates,
  updateTemplate,
  type Template,
} from '../../domain/templates'
import { CandorError } from '../../domain/errors'
import { TemplateInput } from '../../schemas/templates'
import { valueOf, valuesOf, type FormState } from '../../views/console/fields'
import { TemplateEditPage, TemplatesPage } from '../../views/console/templates-page'
import { verbContext } from '../context'
import { privatePage } from '../html-page'
import { attempt, consoleFrame, parseWith, readConsoleForm } from './console-form'
import { requireRole } from './console-session'
import { incidentFieldOf } from './incident-form'

type Ctx = Context<AppBindings>

const DONE: Record<string, string> = {
  created: 'Template saved.',
  saved: 'Template changed.',
  deleted: 'Template deleted.',
}

/** The templates form as `TemplateInput`, or its errors by field. */
function readTemplateForm(form: FormState) {
  const orNull = (name: string) => {
    const text = valueOf(form, name).trim()
    return text === '' ? null : text
  }
  const components: Record<string, string> = {}
  for (const [name, value] of Object.entries(form.values)) {
    const status = Array.isArray(value) ? value[0] : value
    if (name.startsWith('component.') && status) {
      components[name.slice('component.'.length)] = status
    }
  }
  return parseWith(
    TemplateInput,
    {
      kind: valueOf(form, 'kind'),
      name: valueOf(form, 'name'),
      title: orNull('title'),
      status: valueOf(form, 'status'),
      impact: orNull('impact'),
      body: valueOf(form, 'body'),
      components,
      area_ids: valuesOf(form, 'area_ids'),
      workaround: orNull('workaround'),
    },
    incidentFieldOf,
  )
}

/**
 * Runs a save: its errors by field, a duplicate name (409 in the API) included, beside the
 * Template name field.
 */
async function save(verb: () => Promise<Template>) {
  try {
    return await attempt(verb, incidentFieldOf)
  } catch (error) {
    if (error instanceof CandorError && error.code === 'conflict') {
      return { ok: false as const, errors: { name: error.message } }
    }
    throw error
  }
}

/** A template as its form's values. */
function formOf(t: Template): FormState {
  const values: FormState['values'] = {
    kind: t.kind,
    name: t.name,
    title: t.title ?? '',
    status: t.status,
    impact: t.impact ?? '',
    body: t.body,
    area_ids: t.areaIds,
    workaround: t.workaround ?? '',
  }
  for (const [id, status] of Object.entries(t.components)) values[`component.${id}`] = status
  return { values, errors: {} }
}

async function catalog(c: Ctx) {
  const [components, areas] = await Promise.all([listComponents(c.env.DB), listAreas(c.env.DB)])
  return { components, areas }
}

async function renderList(c: Ctx, state: FormState, status: 200 | 400 = 200) {
  const notice = DONE[c.req.query('done') ?? '']
  return privatePage(
    c,
    <TemplatesPage
      frame={await consoleFrame(c)}
      templates={await listTemplates(c.env.DB)}
      state={state}
      notice={status === 200 ? notice : undefined}
      {...await catalog(c)}
    />,
    status,
  )
}

async function renderEdit(c: Ctx, template: Template, state: FormState, status: 200 | 400 = 200) {
  return privatePage(
    c,
    <TemplateEditPage
      frame={await consoleFrame(c)}
      template={template}
      state={state}
      {...await catalog(c)}
    />,
    status,
  )
}

/** The templates screen: everyone sees the list; editors create, change and delete. */
export const templateScreenRoutes = new Hono<AppBindings>()

templateScreenRoutes.get('/templates', async (c) =>
  renderList(c, { values: { kind: 'incident', status: 'investigating' }, errors: {} }),
)

templateScreenRoutes.post('/templates', async (c) => {
  const form = await readConsoleForm(c)
  const read = readTemplateForm(form)
  if (!read.ok) return renderList(c, { ...form, errors: read.errors }, 400)
  const saved = await save(() => createTemplate(verbContext(c), read.value))
  if (!saved.ok) return renderList(c, { ...form, errors: saved.errors }, 400)
  return c.redirect('/console/templates?done=created', 303)
})

templateScreenRoutes.get('/templates/:id', requireRole('editor'), async (c) => {
  const template = await getTemplate(c.env.DB, c.req.param('id'))
  return renderEdit(c, template, formOf(template))
})

templateScreenRoutes.post('/templates/:id', async (c) => {
  const template = await getTemplate(c.env.DB, c.req.param('id'))
  const form = await readConsoleForm(c)
  const read = readTemplateForm(form)
  if (!read.ok) return renderEdit(c, template, { ...form, errors: read.errors }, 400)
  const saved = await save(() => updateTemplate(verbContext(c), template.id, read.value))
  if (!saved.ok) return renderEdit(c, template, { ...form, errors: saved.errors }, 400)
  return c.redirect('/console/templates?done=saved', 303)
})

templateScreenRoutes.post('/templates/:id/delete', async (c) => {
  await deleteTemplate(verbContext(c), c.req.param('id'))
  return c.redirect('/console/templates?done=deleted', 303)
})
