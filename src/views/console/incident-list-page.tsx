import { roleReaches } from '../../domain/members'
import { promiseOf } from '../../domain/owed'
import { impactLabel, statusLabel } from '../../domain/status-words'
import type { Incident } from '../../domain/types'
import { Time } from '../time'
import { ConsoleLayout, type ConsoleFrame } from './layout'
import { PromiseNote } from './owed-note'

function IncidentTable(props: { incidents: readonly Incident[]; now: Date; open: boolean }) {
  return (
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">Incident</th>
            <th scope="col">Status</th>
            <th scope="col">Impact</th>
            <th scope="col">{props.open ? 'Next update' : 'Resolved'}</th>
          </tr>
        </thead>
        <tbody>
          {props.incidents.map((i) => (
            <tr data-incident={i.id}>
              <td>
                <a href={`/console/incidents/${i.id}`}>{i.name}</a>
                {i.isDraft ? <strong class="draft-tag"> (draft)</strong> : null}
              </td>
              <td>{statusLabel(i.status)}</td>
              <td>{impactLabel(i.impact)}</td>
              <td>
                {props.open ? (
                  <PromiseNote promise={promiseOf(i, props.now)} />
                ) : i.resolvedAt ? (
                  <Time iso={i.resolvedAt} />
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** Open incidents (drafts marked), then the most recent closed ones. */
export function IncidentListPage(props: {
  frame: ConsoleFrame
  open: readonly Incident[]
  recent: readonly Incident[]
  now: Date
}) {
  const { frame } = props
  const editor = roleReaches(frame.member.role, 'editor')
  return (
    <ConsoleLayout
      {...frame}
      title="Incidents"
      current="incidents"
      actions={
        editor ? (
          <a class="button" href="/console/incidents/new">
            New incident
          </a>
        ) : undefined
      }
    >
      <h2>Open</h2>
      {props.open.length ? (
        <IncidentTable incidents={props.open} now={props.now} open />
      ) : (
        <p>No open incidents.</p>
      )}
      <h2>Recent</h2>
      {props.recent.length ? (
        <IncidentTable incidents={props.recent} now={props.now} open={false} />
      ) : (
        <p>No closed incidents yet.</p>
      )}
    </ConsoleLayout>
  )
}
