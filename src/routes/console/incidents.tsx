import { Hono, type Context } from 'hono'
import type { AppBindings } from '../../app-types'
import { listAreas } from '../../domain/areas'
import { listComponents } from '../../domain/components'
import { CandorError, notFound } from '../../domain/errors'
import { publishIncident } from '../../domain/incident-publish'
import { getIncident, listIncidents, postIncidentUpdate } from '../../domain/incidents'
import { disputeOf, owedItem } from '../../domain/owed'
import { ensurePage } from '../../domain/page'
import { findPostmortem, renderPostmortem } from '../../domain/postmortems'
import { reopenIncident } from '../../domain/reopen'
import { listTemplates } from '../../domain/templates'
import { isClosedStatus, type Incident } from '../../domain/types'
import { valueOf, type FormState } from '../../views/console/fields'
import { IncidentListPage } from '../../views/console/incident-list-page'
import { INCIDENT_NOTICES, IncidentPage } from '../../views/console/incident-page'
import { privatePage } from '../html-page'
import { verbContext } from '../context'
import { attempt, consoleFrame, readConsoleForm } from './console-form'
import { incidentFieldOf } from './incident-form'
import { readFilledIncidentUpdate } from './incident-update-read'
import { updateFormStart } from './incident-update-start'
import { findTemplate, updateTemplateValues } from './template-values'

type Ctx = Context<AppBindings>

/**
 * The incident screens: the list, one incident's page with its Post an update form, and the
 * one-click Publish (a draft) and Reopen (a disputed resolution). Each write calls the verb
 * the API calls, then the public snapshot is rebuilt and the announcement queued.
 */
export const incidentScreenRoutes = new Hono<AppBindings>()

/** How many closed incidents the list shows under the open ones. */
const RECENT_LIMIT = 50

incidentScreenRoutes.get('/incidents', async (c) => {
  const now = new Date()
  // Open ones and only the most recent closed ones: a long history is never loaded whole.
  const [open, recent] = await Promise.all([
    listIncidents(c.env.DB, 'incident', 'unresolved', 200),
    listIncidents(c.env.DB, 'incident', 'resolved', RECENT_LIMIT),
  ])
  return privatePage(
    c,
    <IncidentListPage frame={await consoleFrame(c)} open={open} recent={recent} now={now} />,
  )
})

/** Renders an incident's page, with the update form as given (fresh, or as posted). */
async function renderIncident(
  c: Ctx,
  incident: Incident,
  options: {
    form?: FormState
    fresh?: boolean
    status?: 400 | 409
    notice?: string
    chosenTemplate?: string
  } = {},
) {
  const now = new Date()
  const [page, components, areas, templates, postmortem] = await Promise.all([
    ensurePage(c.env.DB, now),
    listComponents(c.env.DB),
    listAreas(c.env.DB),
    listTemplates(c.env.DB),
    isClosedStatus(incident.status) ? findPostmortem(c.env.DB, incident.id) : undefined,
  ])
  const form = options.form ?? updateFormStart(incident, page.timeZone)
  return privatePage(
    c,
    <IncidentPage
      frame={await consoleFrame(c)}
      incident={incident}
      owed={owedItem(incident, now)}
      dispute={disputeOf(incident, page)}
      components={components}
      areas={areas}
      templates={templates.filter((t) => t.kind === 'update')}
      chosenTemplate={options.chosenTemplate ?? valueOf(form, 'template')}
      timeZone={page.timeZone}
      now={now}
      form={form}
      fresh={options.fresh ?? options.form === undefined}
      notice={options.notice}
      postmortem={postmortem}
      postmortemHtml={postmortem ? renderPostmortem(postmortem.bodyDraft) : null}
    />,
    options.status ?? 200,
  )
}

/** The page with its update form filled in from the update template `id` (404 if none). */
async function renderWithTemplate(c: Ctx, incident: Incident, id: string) {
  const template = await findTemplate(c.env.DB, id, 'update')
  if (!template) throw notFound('update template', id)
  const [page, components, areas] = await Promise.all([
    ensurePage(c.env.DB, new Date()),
    listComponents(c.env.DB),
    listAreas(c.env.DB),
  ])
  const values = updateTemplateValues(
    template,
    updateFormStart(incident, page.timeZone).values,
    components.map((x) => x.id),
    areas.map((a) => a.id),
  )
  return renderIncident(c, incident, {
    form: { values: { ...values, template: template.id }, errors: {} },
    fresh: true,
    notice: `Update form filled in from the template “${template.name}”.`,
  })
}

incidentScreenRoutes.get('/incidents/:id', async (c, next) => {
  // `/incidents/new` is the new-incident form's, mounted beside this screen.
  if (c.req.param('id') === 'new') return next()
  const incident = await getIncident(c.env.DB, c.req.param('id'), 'incident')
  const template = c.req.query('template')
  if (template) return renderWithTemplate(c, incident, template)
  return renderIncident(c, incident, { notice: INCIDENT_NOTICES[c.req.query('done') ?? ''] })
})

incidentScreenRoutes.post('/incidents/:id/updates', async (c) => {
  const id = c.req.param('id')
  const incident = await getIncident(c.env.DB, id, 'incident')
  const form = await readConsoleForm(c)
  // Placeholders are filled as the update's preview fills them.
  const read = await readFilledIncidentUpdate(c, form, incident)
  if (!read.ok)
    return renderIncident(c, incident, { form: { ...form, errors: read.errors }, status: 400 })
  try {
    const posted = await attempt(
      () => postIncidentUpdate(verbContext(c), id, 'incident', read.value),
      incidentFieldOf,
    )
    if (!posted.ok) {
      return renderIncident(c, incident, { form: { ...form, errors: posted.errors }, status: 400 })
    }
  } catch (error) {
    if (!(error instanceof CandorError && error.code === 'conflict')) throw error
    // Another update landed first: show the incident as it now stands, keeping what was typed.
    const errors = { '(form)': 'Another update was posted meanwhile. Check it, then post again.' }
    const fresh = await getIncident(c.env.DB, id, 'incident')
    return renderIncident(c, fresh, { form: { ...form, errors }, status: 409 })
  }
  return c.redirect(`/console/incidents/${id}?done=updated`, 303)
})

/** Where a one-click action lands: the Now page or the incident's own page. */
async function landing(c: Ctx, id: string, done: string): Promise<string> {
  const back = (await readConsoleForm(c)).values.back
  return back === 'now' ? `/console?done=${done}` : `/console/incidents/${id}?done=${done}`
}

/**
 * Runs a one-click action; when it no longer applies (published already, reopened already),
 * the incident's page says why with 409 and nothing is written.
 */
async function oneClick(c: Ctx, done: string, action: (id: string) => Promise<unknown>) {
  const id = c.req.param('id')!
  try {
    await action(id)
  } catch (error) {
    if (!(error instanceof CandorError && error.code === 'conflict')) throw error
    const incident = await getIncident(c.env.DB, id, 'incident')
    return renderIncident(c, incident, { status: 409, notice: `Nothing done: ${error.message}` })
  }
  return c.redirect(await landing(c, id, done), 303)
}

incidentScreenRoutes.post('/incidents/:id/publish', (c) =>
  oneClick(c, 'published', (id) => publishIncident(verbContext(c), id)),
)

incidentScreenRoutes.post('/incidents/:id/reopen', (c) =>
  oneClick(c, 'reopened', (id) => reopenIncident(verbContext(c), id, {})),
)
