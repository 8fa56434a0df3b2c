import type { Area, Component, Incident } from '../../domain/types'
import { CsrfField, ErrorSummary, type FormState } from './fields'
import { IncidentFields } from './incident-fields'
import { clockIn, spanWords } from './owed-note'

/** "Last update 42 min ago at 14:03 (Europe/Paris)", or that there is none. */
export function lastUpdateWords(incident: Incident, now: Date, timeZone: string): string {
  const last = incident.updates[0]
  if (!last) return 'No update has been posted yet.'
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(last.createdAt)) / 60_000))
  return `Last update ${spanWords(minutes)} ago at ${clockIn(last.createdAt, timeZone)} (${timeZone}).`
}

/**
 * The "Post an update" form: it starts from the incident as it stands (`state`, see
 * `updateFormStart`) and asks for a new next-update time or "No further updates promised".
 */
export function IncidentUpdateForm(props: {
  incident: Incident
  state: FormState
  fresh: boolean
  csrfToken: string
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
      <ErrorSummary state={props.state} idPrefix="update" />
      <form method="post" action={`/console/incidents/${incident.id}/updates`} class="form">
        <CsrfField token={props.csrfToken} />
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
