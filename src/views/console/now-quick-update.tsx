import type { Incident } from '../../domain/types'
import {
  CheckboxField,
  CsrfField,
  InputField,
  SelectField,
  TextAreaField,
  type FormState,
} from './fields'
import { INCIDENT_STATUS_OPTIONS } from './incident-fields'

/** The fields the quick form shows; every other field of the update form travels hidden. */
const SHOWN = new Set(['status', 'body', 'next_update_at', 'next_update_at_exact', 'notify'])

/**
 * "Post an update" on the Now page itself, folded per open incident: status, message, next
 * update (which must be chosen) and notify. The incident's other values (components, areas,
 * ETA kept, progress, workaround) go along unchanged as hidden fields, so this posts exactly
 * what the full form on the incident's page would with nothing else touched.
 */
export function QuickUpdate(props: {
  incident: Incident
  /** The update form as it starts for this incident (`updateFormStart`). */
  start: FormState
  csrfToken: string
  timeZone: string
}) {
  const { incident, start } = props
  const p = `quick-${incident.id}`
  const hidden = Object.entries(start.values).filter(([name]) => !SHOWN.has(name))
  return (
    <details class="quick-update">
      <summary>Post an update to {incident.name}</summary>
      <form method="post" action={`/console/incidents/${incident.id}/updates`} class="form">
        <CsrfField token={props.csrfToken} />
        {hidden.flatMap(([name, value]) =>
          (Array.isArray(value) ? value : [value ?? '']).map((v) => (
            <input type="hidden" name={name} value={v} />
          )),
        )}
        <SelectField
          idPrefix={p}
          name="status"
          label="Status"
          state={start}
          options={INCIDENT_STATUS_OPTIONS}
        />
        <TextAreaField idPrefix={p} name="body" label="Message" state={start} rows={3} required />
        <SelectField
          idPrefix={p}
          name="next_update_at"
          label="Next update"
          state={start}
          required
          options={[
            ['', 'Choose…'],
            ['30m', 'In 30 minutes'],
            ['1h', 'In 1 hour'],
            ['4h', 'In 4 hours'],
            ['tomorrow_9', `Tomorrow 09:00 (${props.timeZone})`],
            ['exact', 'At an exact time…'],
            ['none', 'No further updates promised'],
          ]}
        />
        <InputField
          idPrefix={p}
          name="next_update_at_exact"
          label={`Exact next update (${props.timeZone})`}
          type="datetime-local"
          state={start}
        />
        <CheckboxField
          idPrefix={p}
          name="notify"
          label="Notify subscribers"
          state={start}
          fresh
          checkedByDefault
        />
        <p>
          <button type="submit">Post update</button>{' '}
          <a href={`/console/incidents/${incident.id}`}>More fields on its page</a>
        </p>
      </form>
    </details>
  )
}
