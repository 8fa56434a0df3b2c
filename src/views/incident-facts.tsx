import { isMaintenance, type PresentedIncident } from '../domain/presented-incident'
import { isClosedStatus } from '../domain/types'
import { useReader } from '../i18n/reader-context'
import { impactWord, statusWord } from '../i18n/status-labels'
import { Badge, ComponentStatusBadge, impactTone } from './labels'
import { OverdueBy } from './overdue'
import { strong, type Markup } from './rich'
import { Time } from './time'

const INCIDENT_STAGES = ['investigating', 'identified', 'monitoring', 'resolved']
const MAINTENANCE_STAGES = ['scheduled', 'in_progress', 'verifying', 'completed']

/** The stages in order with the current one marked in words as well as in style. */
function Stages(props: { incident: PresentedIncident }) {
  const reader = useReader()
  if (isMaintenance(props.incident) && props.incident.cancelled_at) {
    // Called off before it began: none of the stages happened, so none is shown as done.
    return (
      <p class="cancelled">
        {reader.rich<Markup>('facts.cancelled', {
          strong,
          time: <Time iso={props.incident.cancelled_at} />,
        })}
      </p>
    )
  }
  const stages = isMaintenance(props.incident) ? MAINTENANCE_STAGES : INCIDENT_STAGES
  const current = props.incident.status === 'postmortem' ? 'resolved' : props.incident.status
  const index = stages.indexOf(current)
  return (
    <ol class="stages" aria-label={reader.t('facts.stages')}>
      {stages.map((stage, i) => (
        <li
          class={i === index ? 'current' : i < index ? 'done' : 'todo'}
          aria-current={i === index ? 'step' : undefined}
        >
          {statusWord(reader, stage)}
          {i === index ? (
            <span class="visually-hidden"> {reader.t('facts.currentStage')}</span>
          ) : null}
        </li>
      ))}
    </ol>
  )
}

/** "ETA moved 2 times: Mon 14:00 → Tue 14:00 → Wed 14:00", or nothing if it never moved. */
export function EtaMoves(props: { incident: PresentedIncident }) {
  const reader = useReader()
  const { eta_moves: moves, eta_history: history } = props.incident
  if (moves === 0) return null
  const arrow = ` ${reader.t('facts.arrow')} `
  const list = history.map((entry, i) => (
    <>
      {i > 0 ? arrow : ''}
      {entry.eta ? <Time iso={entry.eta} /> : <span>{reader.t('facts.noEstimate')}</span>}
    </>
  ))
  return <p class="eta-moves">{reader.rich('facts.etaMoves', { moves, history: <>{list}</> })}</p>
}

/** The current estimate, said plainly when it has passed or was withdrawn. */
function Eta(props: { incident: PresentedIncident }) {
  const reader = useReader()
  const { eta, eta_passed: passed, eta_history: history } = props.incident
  return (
    <>
      {eta === null ? (
        <p>{reader.t(history.length > 0 ? 'facts.noEstimateWithdrawn' : 'facts.noEstimateYet')}</p>
      ) : passed ? (
        <p class="warning">
          <span class="glyph" aria-hidden="true">
            ⚠
          </span>{' '}
          {reader.rich<Markup>('facts.etaPassed', { strong, eta: <Time iso={eta} /> })}
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

/** "Next update by 15:30", or "Update overdue by 12 min" (ticking) once that time has passed. */
function NextUpdate(props: { incident: PresentedIncident }) {
  const reader = useReader()
  const { next_update_at: next, update_overdue: overdue, overdue_minutes: minutes } = props.incident
  if (!next) return null
  if (overdue) {
    return (
      <p class="warning">
        <span class="glyph" aria-hidden="true">
          ⚠
        </span>{' '}
        {reader.rich('facts.overdue', {
          overdue: <OverdueBy since={next} minutes={minutes} />,
          time: <Time iso={next} />,
        })}
      </p>
    )
  }
  return <p>{reader.rich('facts.nextUpdateBy', { time: <Time iso={next} /> })}</p>
}

/**
 * The facts readers look for, as a description list: stage, impact, progress, ETA and its
 * moves, the next-update promise, workaround, areas, components. `full` adds start and end.
 */
export function IncidentFacts(props: { incident: PresentedIncident; full?: boolean }) {
  const reader = useReader()
  const { t } = reader
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
          <dt>{t('facts.expectedFrom')}</dt>
          <dd>
            {reader.rich<Markup>('facts.announced', {
              strong,
              time: <Time iso={i.expected_start} />,
            })}
          </dd>
        </>
      ) : null}
      <dt>{t('facts.status')}</dt>
      <dd>
        <Stages incident={i} />
      </dd>
      {maintenance ? (
        <>
          <dt>{t('facts.scheduled')}</dt>
          <dd>
            {reader.rich('facts.window', {
              from: <Time iso={i.scheduled_for} />,
              until: <Time iso={i.scheduled_until} />,
            })}
          </dd>
        </>
      ) : (
        <>
          <dt>{t('facts.impact')}</dt>
          <dd>
            <Badge tone={impactTone(i.impact)} label={impactWord(reader, i.impact)} />
          </dd>
        </>
      )}
      {props.full && !(maintenance && i.cancelled_at) ? (
        <>
          <dt>{t('facts.started')}</dt>
          <dd>
            <Time iso={i.started_at} />
          </dd>
          {i.resolved_at && !(maintenance && i.cancelled_at) ? (
            <>
              <dt>{t(maintenance ? 'facts.completed' : 'facts.resolved')}</dt>
              <dd>
                <Time iso={i.resolved_at} />
              </dd>
            </>
          ) : null}
        </>
      ) : null}
      {i.progress !== null && open ? (
        <>
          <dt>{t('incident.progress')}</dt>
          <dd class="progress">
            <span>{percent(reader.locale, i.progress)}</span>{' '}
            <progress max={100} value={i.progress} aria-hidden="true" />
          </dd>
        </>
      ) : null}
      {open && (!maintenance || i.eta !== null || i.eta_history.length > 0) ? (
        <>
          <dt>{t('incident.eta')}</dt>
          <dd>
            <Eta incident={i} />
          </dd>
        </>
      ) : null}
      {open && i.next_update_at ? (
        <>
          <dt>{t('facts.nextUpdate')}</dt>
          <dd>
            <NextUpdate incident={i} />
          </dd>
        </>
      ) : null}
      {i.workaround ? (
        <>
          <dt>{t('incident.workaround')}</dt>
          <dd class="text" dir="auto">
            {i.workaround}
          </dd>
        </>
      ) : null}
      {i.areas.length > 0 ? (
        <>
          <dt>{t('facts.areas')}</dt>
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
          <dt>{t('incident.components')}</dt>
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

/** "40 %" (or "40 %" with the locale's own spacing): a whole percentage. */
export function percent(locale: string, value: number): string {
  return new Intl.NumberFormat(locale, { style: 'percent' }).format(value / 100)
}
