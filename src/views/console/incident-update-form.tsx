import type { Template } from '../../domain/templates'
import type { Area, Component, Incident } from '../../domain/types'
import { CsrfField, ErrorSummary, SelectField, type FormState } from './fields'
import { IncidentFields } from './incident-fields'
import { clockIn, spanWords } from './owed-note'

/** "Last update 42 min ago at 14:03 (Europe/Paris)", or that there is none. */
export function lastUpdateWords(incident: Incident, now: Date, timeZone: string): string {
  const last = incident.updates[0]
  if (!last) return 'No update has been posted yet.'
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(last.createdAt)) / 60_000))
  return `Last update ${spanWords(minutes)} ago at ${clockIn(last.createdAt, timeZone)} (${timeZone}).`
}

/** The update-template picker: a GET form of its own, so it works without JavaScript. */
function UpdateTemplatePicker(props: {
  incident: Incident
  templates: readonly Template[]
  chosen: string
}) {
  if (props.templates.length === 0) return null
  return (
    <form method="get" action={`/console/incidents/${props.incident.id}`} class="template-picker">
      <SelectField
        idPrefix="update"
        name="template"
        label="Update template"
        state={{ values: { template: props.chosen }, errors: {} }}
        options={[['', 'No template'], ...props.templates.map((t) => [t.id, t.name] as const)]}
        hint="Fills the status, message, component statuses, areas and workaround below from the template."
      />
      <button type="submit" class="secondary">
        Use template
      </button>
    </form>
  )
}

/**
 * The "Post an update" form: it starts from the incident as it stands (`state`, see
 * `updateFormStart`, or that with an update template laid over it) and asks for a new next-update time or "No further updates promised".
 */
export function IncidentUpdateForm(props: {
  incident: Incident
  state: FormState
  fresh: boolean
  csrfToken: string
  /** The update templates to pick from, and the one the form was filled from. */
  templates: readonly Template[]
  chosenTemplate: string
  components: readonly Component[]
  areas: readonly Area[]
  timeZone: string
  now: Date
}) {
  const { incident } = props
  return (
    <section aria-labelledby="post-update">
      <h2 id="post-update">Post an update</h2>
      <p class="last-update">{lastUpdateWords(incident, props.now, props.timeZone)}</p>
      <UpdateTemplatePicker
        incident={incident}
        templates={props.templates}
        chosen={props.chosenTemplate}
      />
      <ErrorSummary state={props.state} idPrefix="update" />
      <form method="post" action={`/console/incidents/${incident.id}/updates`} class="form">
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="template" value={props.chosenTemplate} />
        <IncidentFields
          idPrefix="update"
          state={props.state}
          fresh={props.fresh}
          mode="update"
          components={props.components}
          areas={props.areas}
          timeZone={props.timeZone}
        />
        <div class="submit-row">
          <button type="submit">Post update</button>{' '}
          <button
            type="submit"
            class="secondary"
            formaction={`/console/incidents/${incident.id}/preview`}
            formmethod="post"
          >
            Preview
          </button>
        </div>
      </form>
    </section>
  )
}
