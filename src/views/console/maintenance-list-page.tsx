import type { Area, Component, Incident } from '../../domain/types'
import { CsrfField, ErrorSummary, type FormState } from './fields'
import { ConsoleLayout, type ConsoleFrame } from './layout'
import { MaintenanceFields } from './maintenance-fields'
import { ZonedTime } from './maintenance-time'

export const MAINTENANCE_STATUS_LABELS: Record<string, string> = {
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  verifying: 'Verifying',
  completed: 'Completed',
}

/** A maintenance's status as words, "Cancelled" for one called off. */
export function maintenanceStatusLabel(m: Incident): string {
  return m.cancelledAt ? 'Cancelled' : (MAINTENANCE_STATUS_LABELS[m.status] ?? m.status)
}

function MaintenanceTable(props: {
  caption: string
  empty: string
  list: readonly Incident[]
  components: readonly Component[]
  timeZone: string
}) {
  const names = new Map(props.components.map((c) => [c.id, c.name]))
  return (
    <section>
      <h2>{props.caption}</h2>
      {props.list.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Status</th>
                <th scope="col">Starts</th>
                <th scope="col">Ends</th>
                <th scope="col">Components</th>
              </tr>
            </thead>
            <tbody>
              {props.list.map((m) => (
                <tr>
                  <td>
                    <a href={`/console/maintenance/${m.id}`}>{m.name}</a>
                  </td>
                  <td>{maintenanceStatusLabel(m)}</td>
                  <td>
                    <ZonedTime iso={m.scheduledFor} timeZone={props.timeZone} />
                  </td>
                  <td>
                    <ZonedTime iso={m.scheduledUntil} timeZone={props.timeZone} />
                  </td>
                  <td>
                    {m.componentStatuses.map((s) => names.get(s.componentId) ?? '?').join(', ') ||
                      '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

/** The maintenance screen: what is under way, what is coming, what is done; and scheduling. */
export function MaintenanceListPage(props: {
  frame: ConsoleFrame
  notice?: string
  timeZone: string
  inProgress: readonly Incident[]
  upcoming: readonly Incident[]
  recent: readonly Incident[]
  components: readonly Component[]
  areas: readonly Area[]
  /** Null for a member who may not write (a viewer): no form. */
  form: { state: FormState; fresh: boolean } | null
}) {
  const table = { components: props.components, timeZone: props.timeZone }
  return (
    <ConsoleLayout
      {...props.frame}
      title="Maintenance"
      current="maintenance"
      notice={props.notice}
      actions={props.form ? <a href="#schedule">Schedule maintenance</a> : undefined}
    >
      <MaintenanceTable
        caption="In progress"
        empty="No maintenance is under way."
        list={props.inProgress}
        {...table}
      />
      <MaintenanceTable
        caption="Upcoming"
        empty="No maintenance is scheduled."
        list={props.upcoming}
        {...table}
      />
      <MaintenanceTable
        caption="Recent"
        empty="No maintenance has finished yet."
        list={props.recent}
        {...table}
      />
      {props.form ? (
        <section id="schedule">
          <h2>Schedule maintenance</h2>
          <form method="post" action="/console/maintenance">
            <CsrfField token={props.frame.csrfToken} />
            <ErrorSummary state={props.form.state} idPrefix="schedule" />
            <MaintenanceFields
              state={props.form.state}
              fresh={props.form.fresh}
              components={props.components}
              areas={props.areas}
              timeZone={props.timeZone}
            />
            <button type="submit">Schedule maintenance</button>
          </form>
        </section>
      ) : null}
    </ConsoleLayout>
  )
}
