import type { Dispute, OwedItem } from '../../domain/owed'
import { componentStatusLabel, impactLabel, statusLabel } from '../../domain/status-words'
import type { Component, EtaChange, Incident } from '../../domain/types'
import { isClosedStatus } from '../../domain/types'
import { Time } from '../time'
import { disputeWords } from './incident-actions'
import { OwedNote } from './owed-note'

/** An incident as ops see it in the console: its facts, its ETA history and its updates. */

/** The current facts: status, impact, components and their statuses, areas, ETA, promise… */
export function IncidentFactsList(props: {
  incident: Incident
  owed: OwedItem
  components: readonly Component[]
  dispute: Dispute | null
}) {
  const i = props.incident
  const names = new Map(props.components.map((c) => [c.id, c.name]))
  const open = !isClosedStatus(i.status)
  return (
    <dl class="facts">
      <dt>Status</dt>
      <dd>
        {statusLabel(i.status)}
        {i.isDraft ? <strong class="draft-tag"> — draft, not published</strong> : null}
      </dd>
      {i.expectedStart && !i.liveAt ? (
        <>
          <dt>Expected from</dt>
          <dd>
            <Time iso={i.expectedStart} /> (upcoming, not in effect yet)
          </dd>
        </>
      ) : null}
      <dt>Impact</dt>
      <dd>{impactLabel(i.impact)}</dd>
      <dt>Started</dt>
      <dd>
        <Time iso={i.startedAt} />
      </dd>
      {i.resolvedAt ? (
        <>
          <dt>Resolved</dt>
          <dd>
            <Time iso={i.resolvedAt} />
          </dd>
        </>
      ) : null}
      <dt>Components</dt>
      <dd>
        {i.componentStatuses.length ? (
          <ul class="inline-list">
            {i.componentStatuses.map((c) => (
              <li>
                {names.get(c.componentId) ?? c.componentId}: {componentStatusLabel(c.status)}
              </li>
            ))}
          </ul>
        ) : (
          'None'
        )}
      </dd>
      <dt>Areas</dt>
      <dd>{i.areas.length ? i.areas.map((a) => a.name).join(', ') : 'All (none named)'}</dd>
      <dt>ETA</dt>
      <dd>{i.eta ? <Time iso={i.eta} /> : 'No estimate'}</dd>
      <dt>Next update</dt>
      <dd>{open ? <OwedNote item={props.owed} /> : 'None owed: it is closed'}</dd>
      <dt>Progress</dt>
      <dd>{i.progress === null ? '—' : `${i.progress} %`}</dd>
      <dt>Workaround</dt>
      <dd>{i.workaround ?? '—'}</dd>
      {i.resolvedAt ? (
        <>
          <dt>Customers say</dt>
          <dd class={props.dispute ? 'owed-overdue' : undefined}>
            {disputeWords(i.resolutionCheck)}
            {props.dispute ? ' — disputed' : ''}
          </dd>
        </>
      ) : null}
    </dl>
  )
}

/** Every ETA the incident was given, oldest first, with when it was set. */
export function EtaHistory(props: { history: readonly EtaChange[] }) {
  return (
    <section aria-labelledby="eta-history">
      <h2 id="eta-history">ETA history</h2>
      {props.history.length === 0 ? (
        <p>No ETA has been given.</p>
      ) : (
        <ol class="eta-history">
          {props.history.map((change, n) => (
            <li>
              <Time iso={change.setAt} />:{' '}
              {change.eta === null ? (
                'estimate withdrawn'
              ) : (
                <>
                  {n === 0 ? 'ETA set to' : 'ETA moved to'} <Time iso={change.eta} />
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

/** The updates, newest first, each with the promise it made. */
export function UpdateList(props: { incident: Incident }) {
  return (
    <section aria-labelledby="updates">
      <h2 id="updates">Updates</h2>
      <ol class="update-list" reversed>
        {props.incident.updates.map((u) => (
          <li>
            <p>
              <strong>{statusLabel(u.status)}</strong> · <Time iso={u.createdAt} />
              {u.deliverNotifications ? null : ' · subscribers not notified'}
            </p>
            <p class="text">{u.body}</p>
            <p class="meta">
              {u.nextUpdateAt ? (
                <>
                  Promised the next update by <Time iso={u.nextUpdateAt} />.
                </>
              ) : (
                'No further update promised.'
              )}
            </p>
          </li>
        ))}
      </ol>
    </section>
  )
}
