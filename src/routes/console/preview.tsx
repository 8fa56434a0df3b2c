import { Hono, type Context } from 'hono'
import type { AppBindings } from '../../app-types'
import { listAreas } from '../../domain/areas'
import { listComponents } from '../../domain/components'
import { getIncident } from '../../domain/incidents'
import {
  countReachedSubscribers,
  previewIncidentUpdate,
  previewNewIncident,
  type IncidentPreview,
} from '../../domain/incident-preview'
import type { Incident } from '../../domain/types'
import { previewEvent } from '../../notify/event-preview'
import type { FormState } from '../../views/console/fields'
import { PreviewPage, UpdateEditPage, type PreviewContent } from '../../views/console/preview-page'
import { baseUrl, verbContext } from '../context'
import { privatePage } from '../html-page'
import { attempt, consoleFrame, readConsoleForm } from './console-form'
import { incidentFieldOf } from './incident-form'
import { formClock, readFilledNewIncident, renderNewIncident } from './incident-new'
import { readFilledIncidentUpdate } from './incident-update-read'

type Ctx = Context<AppBindings>

/** Where an update's form posts (the incident page's update form posts there too). */
export function updatePostUrl(incidentId: string): string {
  return `/console/incidents/${encodeURIComponent(incidentId)}/updates`
}

/** The card, email, chat message and reach of a planned change, as they would be sent. */
async function previewContent(c: Ctx, preview: IncidentPreview): Promise<PreviewContent> {
  const now = new Date()
  const event = await previewEvent(
    c.env.DB,
    c.env,
    baseUrl(c),
    preview.incident,
    preview.eventType,
    now,
    // Components as the change would leave them.
    new Map(preview.update.affectedComponents.map((a) => [a.code, a.new_status])),
  )
  const silentBecause = preview.incident.isDraft
    ? 'it is posted as a draft, kept off the public page until published'
    : '“Notify subscribers” is off'
  return {
    card: event.message.incident!,
    email: { subject: event.email.subject, text: event.email.text },
    chat: {
      text: String(event.slack.text ?? ''),
      payload: JSON.stringify(event.slack, null, 2),
    },
    reached: preview.announces ? await countReachedSubscribers(c.env.DB, event.reach) : null,
    silentBecause: preview.announces ? undefined : silentBecause,
  }
}

/** The update form again, with what was typed and any errors. */
async function renderUpdateEdit(c: Ctx, incident: Incident, state: FormState, status: 200 | 400) {
  const [components, areas, clock] = await Promise.all([
    listComponents(c.env.DB),
    listAreas(c.env.DB),
    formClock(c),
  ])
  return privatePage(
    c,
    <UpdateEditPage
      frame={await consoleFrame(c)}
      incident={incident}
      state={state}
      components={components}
      areas={areas}
      timeZone={clock.timeZone}
      publishUrl={updatePostUrl(incident.id)}
    />,
    status,
  )
}

/**
 * Previews: what a new incident or an update would put on the status page and send to
 * subscribers, rendered by the same code, with nothing written.
 */
export const previewRoutes = new Hono<AppBindings>()

previewRoutes.post('/incidents/preview', async (c) => {
  const form = await readConsoleForm(c)
  const read = await readFilledNewIncident(c, form)
  const back = (errors: Record<string, string>) =>
    renderNewIncident(c, { ...form, errors }, { fresh: false, status: 400 })
  if (!read.ok) return back(read.errors)
  const preview = await attempt(
    () => previewNewIncident(verbContext(c), read.value, { draft: read.draft }),
    incidentFieldOf,
  )
  if (!preview.ok) return back(preview.errors)
  return privatePage(
    c,
    <PreviewPage
      frame={await consoleFrame(c)}
      title={`Preview: ${read.value.name}`}
      content={await previewContent(c, preview.value)}
      state={form}
      publishUrl="/console/incidents"
      publishLabel={read.draft ? 'Save draft' : 'Publish'}
      backUrl="/console/incidents/new"
    />,
  )
})

previewRoutes.post('/incidents/:id/preview', async (c) => {
  const incident = await getIncident(c.env.DB, c.req.param('id'), 'incident')
  const form = await readConsoleForm(c)
  // "Back to edit" from this preview.
  if (c.req.query('back') !== undefined) return renderUpdateEdit(c, incident, form, 200)
  const read = await readFilledIncidentUpdate(c, form, incident)
  if (!read.ok) return renderUpdateEdit(c, incident, { ...form, errors: read.errors }, 400)
  const preview = await attempt(
    () => previewIncidentUpdate(verbContext(c), incident.id, read.value),
    incidentFieldOf,
  )
  if (!preview.ok) return renderUpdateEdit(c, incident, { ...form, errors: preview.errors }, 400)
  return privatePage(
    c,
    <PreviewPage
      frame={await consoleFrame(c)}
      title={`Preview: update to ${incident.name}`}
      content={await previewContent(c, preview.value)}
      state={form}
      publishUrl={updatePostUrl(incident.id)}
      publishLabel="Post update"
      backUrl={`/console/incidents/${encodeURIComponent(incident.id)}/preview?back`}
    />,
  )
})
