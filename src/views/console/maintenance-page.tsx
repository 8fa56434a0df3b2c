import type { Component, Incident } from '../../domain/types'
import {
  CheckboxField,
  CsrfField,
  ErrorSummary,
  SelectField,
  TextAreaField,
  type FormState,
} from './fields'
import { ConsoleLayout, type ConsoleFrame } from './layout'
import { MAINTENANCE_STATUS_LABELS, maintenanceStatusLabel } from './maintenance-list-page'
import { ZonedTime } from './maintenance-time'

const ORDER = ['scheduled', 'in_progress', 'verifying', 'completed']

/** The statuses an update may give: the current one and those after it (forward only). */
export function forwardStatuses(current: string): string[] {
  const at = ORDER.indexOf(current)
  return at < 0 ? ORDER : ORDER.slice(at)
}

function Facts(props: { m: Incident; components: readonly Component[]; timeZone: string }) {
  const { m, timeZone } = props
  const names = new Map(props.components.map((c) => [c.id, c.name]))
  const yes = (b: boolean) => (b ? 'Yes' : 'No')
  return (
    <dl class="facts">
      <dt>Status</dt>
      <dd>{maintenanceStatusLabel(m)}</dd>
      <dt>Starts</dt>
      <dd>
        <ZonedTime iso={m.scheduledFor} timeZone={timeZone} />
      </dd>
      <dt>Ends</dt>
      <dd>
        <ZonedTime iso={m.scheduledUntil} timeZone={timeZone} />
      </dd>
      <dt>Components</dt>
      <dd>
        {m.componentStatuses.map((s) => names.get(s.componentId) ?? s.componentId).join(', ') ||
          'None'}
      </dd>
      <dt>Areas</dt>
      <dd>{m.areas.map((a) => a.name).join(', ') || 'All'}</dd>
      <dt>Reminder</dt>
      <dd>
        {m.remindBeforeMinutes === null
          ? 'None'
          : `${m.remindBeforeMinutes} minutes before it starts`}
      </dd>
      <dt>Start automatically</dt>
      <dd>{yes(m.autoStart)}</dd>
      <dt>Complete automatically</dt>
      <dd>{yes(m.autoComplete)}</dd>
      {m.cancelledAt ? (
        <>
          <dt>Cancelled</dt>
          <dd>
            <ZonedTime iso={m.cancelledAt} timeZone={timeZone} />
          </dd>
        </>
      ) : null}
    </dl>
  )
}

/** A form that came back refused is shown even when its step no longer applies, to say why. */
function refusedOf(state: FormState): boolean {
  return Object.keys(state.errors).length > 0
}

/** One maintenance: its facts, its updates, and (for editors) an update and a cancel form. */
export function MaintenancePage(props: {
  frame: ConsoleFrame
  notice?: string
  timeZone: string
  maintenance: Incident
  components: readonly Component[]
  /** Null for a member who may not write. */
  forms: { update: FormState; updateFresh: boolean; cancel: FormState; cancelFresh: boolean } | null
}) {
  const m = props.maintenance
  const over = m.status === 'completed'
  const forms = props.forms
  return (
    <ConsoleLayout {...props.frame} title={m.name} current="maintenance" notice={props.notice}>
      <p>
        <a href="/console/maintenance">All maintenance</a>
      </p>
      <Facts m={m} components={props.components} timeZone={props.timeZone} />
      <h2>Updates</h2>
      <ol class="maintenance-updates">
        {m.updates.map((u) => (
          <li>
            <strong>{MAINTENANCE_STATUS_LABELS[u.status] ?? u.status}</strong> ·{' '}
            <ZonedTime iso={u.createdAt} timeZone={props.timeZone} />
            <p>{u.body}</p>
          </li>
        ))}
      </ol>
      {forms && (!over || refusedOf(forms.update)) ? (
        <section>
          <h2>Post an update</h2>
          <form method="post" action={`/console/maintenance/${m.id}/updates`}>
            <CsrfField token={props.frame.csrfToken} />
            <ErrorSummary state={forms.update} idPrefix="update" />
            <SelectField
              idPrefix="update"
              name="status"
              label="Status"
              state={forms.update}
              fallback={m.status}
              options={forwardStatuses(m.status).map(
                (s) => [s, MAINTENANCE_STATUS_LABELS[s] ?? s] as const,
              )}
              hint="Maintenance moves forward only."
              required
            />
            <TextAreaField
              idPrefix="update"
              name="body"
              label="Message"
              state={forms.update}
              rows={4}
              maxlength={20000}
              required
            />
            <CheckboxField
              idPrefix="update"
              name="notify"
              label="Notify subscribers"
              state={forms.update}
              fresh={forms.updateFresh}
              checkedByDefault
            />
            <button type="submit">Post update</button>
          </form>
        </section>
      ) : null}
      {forms && (m.status === 'scheduled' || refusedOf(forms.cancel)) ? (
        <section>
          <h2>Cancel this maintenance</h2>
          <form method="post" action={`/console/maintenance/${m.id}/cancel`}>
            <CsrfField token={props.frame.csrfToken} />
            <ErrorSummary state={forms.cancel} idPrefix="cancel" />
            <TextAreaField
              idPrefix="cancel"
              name="body"
              label="Message"
              state={forms.cancel}
              rows={2}
              maxlength={20000}
              hint="Optional. Without one: “This maintenance is cancelled; no work will take place.”"
            />
            <CheckboxField
              idPrefix="cancel"
              name="notify"
              label="Notify subscribers"
              state={forms.cancel}
              fresh={forms.cancelFresh}
              checkedByDefault
            />
            <button type="submit" class="danger">
              Cancel maintenance
            </button>
          </form>
        </section>
      ) : null}
    </ConsoleLayout>
  )
}
