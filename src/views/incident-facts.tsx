import { isMaintenance, type PresentedIncident } from '../domain/presented-incident'
import { isClosedStatus } from '../domain/types'
import { Badge, ComponentStatusBadge, impactTone } from './labels'
import { impactLabel, statusLabel } from '../domain/status-words'
import { formatMinutes } from '../lib/time-format'
import { Time } from './time'

const INCIDENT_STAGES = ['investigating', 'identified', 'monitoring', 'resolved']
const MAINTENANCE_STAGES = ['scheduled', 'in_progress', 'verifying', 'completed']

/** The stages in order with the current one marked in words as well as in style. */
function Stages(props: { incident: PresentedIncident }) {
  if (isMaintenance(props.incident) && props.incident.cancelled_at) {
    // Called off before it began: none of the stages happened, so none is shown as done.
    return (
      <p class="cancelled">
        <strong>Cancelled</strong> <Time iso={props.incident.cancelled_at} /> — no work took place
      </p>
    )
  }
  const stages = isMaintenance(props.incident) ? MAINTENANCE_STAGES : INCIDENT_STAGES
  const current = props.incident.status === 'postmortem' ? 'resolved' : props.incident.status
  const index = stages.indexOf(current)
  return (
    <ol class="stages" aria-label="Stages">
      {stages.map((stage, i) => (
        <li
          class={i === index ? 'current' : i < index ? 'done' : 'todo'}
          aria-current={i === index ? 'step' : undefined}
        >
          {statusLabel(stage)}
          {i === index ? <span class="visually-hidden"> (current stage)</span> : null}
        </li>
      ))}
    </ol>
  )
}

/** "ETA moved 2 times: Mon 14:00 → Tue 14:00 → Wed 14:00", or nothing if it never moved. */
export function EtaMoves(props: { incident: PresentedIncident }) {
  const { eta_moves: moves, eta_history: history } = props.incident
  if (moves === 0) return null
  return (
    <p class="eta-moves">
      ETA moved {moves} {moves === 1 ? 'time' : 'times'}:{' '}
      {history.map((entry, i) => (
        <>
          {i > 0 ? ' → ' : ''}
          {entry.eta ? <Time iso={entry.eta} /> : <span>no estimate</span>}
        </>
      ))}
    </p>
  )
}

/** The current estimate, said plainly when it has passed or was withdrawn. */
function Eta(props: { incident: PresentedIncident }) {
  const { eta, eta_passed: passed, eta_history: history } = props.incident
  return (
    <>
      {eta === null ? (
        <p>{history.length > 0 ? 'No estimate: the last one was withdrawn' : 'No estimate yet'}</p>
      ) : passed ? (
        <p class="warning">
          <span class="glyph" aria-hidden="true">
            ⚠
          </span>{' '}
          <strong>
            ETA <Time iso={eta} /> passed
          </strong>{' '}
          — no new estimate yet
        </p>
      ) : (
        <p>
          <Time iso={eta} />
        </p>
      )}
      <EtaMoves incident={props.incident} />
    </>
  )
}

/** "Next update by 15:30", or "Update overdue by 12 min" once that time has passed. */
function NextUpdate(props: { incident: PresentedIncident }) {
  const { next_update_at: next, update_overdue: overdue, overdue_minutes: minutes } = props.incident
  if (!next) return null
  if (overdue) {
    return (
      <p class="warning">
        <span class="glyph" aria-hidden="true">
          ⚠
        </span>{' '}
        <strong>
          Update overdue by {minutes > 0 ? formatMinutes(minutes) : 'less than a minute'}
        </strong>{' '}
        (promised by <Time iso={next} />)
      </p>
    )
  }
  return (
    <p>
      Next update by <Time iso={next} />
    </p>
  )
}

/**
 * The facts readers look for, as a description list: stage, impact, progress, ETA and its
 * moves, the next-update promise, workaround, areas, components. `full` adds start and end.
 */
export function IncidentFacts(props: { incident: PresentedIncident; full?: boolean }) {
  const i = props.incident
  const open = !isClosedStatus(i.status)
  const maintenance = isMaintenance(i)
  // Current statuses help while it is going on; for a finished or not yet started one they
  // would describe something else.
  const showComponentStatus = open && i.status !== 'scheduled' && !i.upcoming
  return (
    <dl class="facts">
      {i.upcoming && i.expected_start ? (
        <>
          <dt>Expected from</dt>
          <dd>
            <strong>
              <Time iso={i.expected_start} />
            </strong>{' '}
            — announced in advance, not in effect yet
          </dd>
        </>
      ) : null}
      <dt>Status</dt>
      <dd>
        <Stages incident={i} />
      </dd>
      {maintenance ? (
        <>
          <dt>Scheduled</dt>
          <dd>
            <Time iso={i.scheduled_for} /> to <Time iso={i.scheduled_until} />
          </dd>
        </>
      ) : (
        <>
          <dt>Impact</dt>
          <dd>
            <Badge tone={impactTone(i.impact)} label={impactLabel(i.impact)} />
          </dd>
        </>
      )}
      {props.full && !(maintenance && i.cancelled_at) ? (
        <>
          <dt>Started</dt>
          <dd>
            <Time iso={i.started_at} />
          </dd>
          {i.resolved_at && !(maintenance && i.cancelled_at) ? (
            <>
              <dt>{maintenance ? 'Completed' : 'Resolved'}</dt>
              <dd>
                <Time iso={i.resolved_at} />
              </dd>
            </>
          ) : null}
        </>
      ) : null}
      {i.progress !== null && open ? (
        <>
          <dt>Progress</dt>
          <dd class="progress">
            <span>{i.progress} %</span> <progress max={100} value={i.progress} aria-hidden="true" />
          </dd>
        </>
      ) : null}
      {open && (!maintenance || i.eta !== null || i.eta_history.length > 0) ? (
        <>
          <dt>ETA</dt>
          <dd>
            <Eta incident={i} />
          </dd>
        </>
      ) : null}
      {open && i.next_update_at ? (
        <>
          <dt>Next update</dt>
          <dd>
            <NextUpdate incident={i} />
          </dd>
        </>
      ) : null}
      {i.workaround ? (
        <>
          <dt>Workaround</dt>
          <dd class="text">{i.workaround}</dd>
        </>
      ) : null}
      {i.areas.length > 0 ? (
        <>
          <dt>Areas</dt>
          <dd>
            <ul class="inline-list">
              {i.areas.map((area) => (
                <li>{area.name}</li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
      {i.components.length > 0 ? (
        <>
          <dt>Components</dt>
          <dd>
            <ul class="inline-list">
              {i.components.map((component) => (
                <li>
                  {component.name}
                  {showComponentStatus ? (
                    <>
                      {' '}
                      <ComponentStatusBadge status={component.status} />
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
    </dl>
  )
}
