import { Hono, type Context } from 'hono'
import type { AppBindings } from '../../app-types'
import { listAreas } from '../../domain/areas'
import { listComponents } from '../../domain/components'
import { createIncident } from '../../domain/incidents'
import { ensurePage } from '../../domain/page'
import { fillIncidentPlaceholders } from '../../domain/template-placeholders'
import { listTemplates } from '../../domain/templates'
import { afterWrite } from '../../middleware/after-write'
import { IncidentInput } from '../../schemas/inputs'
import type { FormState } from '../../views/console/fields'
import { valueOf } from '../../views/console/fields'
import { NewIncidentPage } from '../../views/console/incident-new-page'
import { verbContext } from '../context'
import { privatePage } from '../html-page'
import { attempt, consoleFrame, parseWith, readConsoleForm } from './console-form'
import { requireRole } from './console-session'
import { incidentFieldOf, readNewIncident, type FormClock } from './incident-form'
import { findTemplate, templateValues } from './template-values'

type Ctx = Context<AppBindings>

/** The clock the incident forms read times with: now, in the page's time zone. */
export async function formClock(c: Ctx): Promise<FormClock> {
  const now = new Date()
  return { now, timeZone: (await ensurePage(c.env.DB, now)).timeZone }
}

/** Renders the new-incident form with `state` (a fresh one, or one that came back). */
export async function renderNewIncident(
  c: Ctx,
  state: FormState,
  options: { fresh: boolean; status?: 200 | 400; chosenTemplate?: string; notice?: string },
) {
  const [components, areas, templates, clock] = await Promise.all([
    listComponents(c.env.DB),
    listAreas(c.env.DB),
    listTemplates(c.env.DB),
    formClock(c),
  ])
  return privatePage(
    c,
    <NewIncidentPage
      frame={await consoleFrame(c)}
      state={state}
      fresh={options.fresh}
      templates={templates}
      chosenTemplate={options.chosenTemplate ?? valueOf(state, 'template')}
      components={components}
      areas={areas}
      timeZone={clock.timeZone}
      notice={options.notice}
    />,
    options.status ?? 200,
  )
}

/**
 * Reads the posted new-incident form into the API's input with its placeholders filled: the
 * input and whether it is a draft, or the form's errors.
 */
export async function readFilledNewIncident(c: Ctx, form: FormState) {
  const clock = await formClock(c)
  const read = readNewIncident(form, clock)
  if (!read.ok) return read
  const filled = await attempt(
    () => fillIncidentPlaceholders(c.env.DB, read.value, clock.timeZone),
    incidentFieldOf,
  )
  if (!filled.ok) return filled
  // Filled in, the name and message must still fit the API's limits.
  const checked = parseWith(IncidentInput, filled.value, incidentFieldOf)
  if (!checked.ok) return checked
  return { ok: true as const, value: checked.value, draft: read.draft }
}

/** Opening an incident from the console: the form (with templates) and its post. */
export const incidentNewRoutes = new Hono<AppBindings>()

incidentNewRoutes.get('/incidents/new', requireRole('editor'), async (c) => {
  const id = c.req.query('template')
  if (!id) return renderNewIncident(c, { values: {}, errors: {} }, { fresh: true })
  const template = await findTemplate(c.env.DB, id)
  if (!template) {
    return renderNewIncident(
      c,
      { values: {}, errors: {} },
      { fresh: true, chosenTemplate: '', notice: 'That template no longer exists.' },
    )
  }
  const [components, areas] = await Promise.all([listComponents(c.env.DB), listAreas(c.env.DB)])
  const values = templateValues(
    template,
    components.map((x) => x.id),
    areas.map((a) => a.id),
  )
  return renderNewIncident(
    c,
    { values: { ...values, template: template.id }, errors: {} },
    { fresh: true, notice: `Filled in from the template “${template.name}”.` },
  )
})

// "Back to edit" from the preview: the form again with what was typed.
incidentNewRoutes.post('/incidents/new', async (c) =>
  renderNewIncident(c, await readConsoleForm(c), { fresh: false }),
)

incidentNewRoutes.post('/incidents', afterWrite(), async (c) => {
  const form = await readConsoleForm(c)
  const read = await readFilledNewIncident(c, form)
  if (!read.ok)
    return renderNewIncident(c, { ...form, errors: read.errors }, { fresh: false, status: 400 })
  const created = await attempt(
    () => createIncident(verbContext(c), read.value, { draft: read.draft }),
    incidentFieldOf,
  )
  if (!created.ok) {
    return renderNewIncident(c, { ...form, errors: created.errors }, { fresh: false, status: 400 })
  }
  const done = read.draft ? 'draft' : 'opened'
  return c.redirect(`/console/incidents/${encodeURIComponent(created.value.id)}?done=${done}`, 303)
})
