import type { IncidentUpdateJson } from '../schemas/statuspage'
import { CustomerWord, type AreaChoice } from './customer-word'
import { IncidentFacts } from './incident-facts'
import { isMaintenance, type PresentedIncident } from '../domain/presented-incident'
import { componentStatusLabel, updateStatusLabel } from '../domain/status-words'
import type { PublishedPostmortem } from '../domain/postmortems'
import { Layout } from './layout'
import { PostmortemView } from './postmortem-view'
import { Time } from './time'

/** Every ETA ever given, oldest first, with when it was given. */
function EtaHistory(props: { incident: PresentedIncident }) {
  const history = props.incident.eta_history
  if (history.length === 0) return <p>No estimate has been given.</p>
  return (
    <ol class="eta-history">
      {history.map((entry) => (
        <li>
          {entry.eta ? (
            <>
              ETA <Time iso={entry.eta} />
            </>
          ) : (
            'Estimate withdrawn'
          )}
          , given <Time iso={entry.set_at} />
        </li>
      ))}
    </ol>
  )
}

/** The ETA an update set, if it changed it (compared with the update before it). */
function EtaSet(props: { update: IncidentUpdateJson; previous: IncidentUpdateJson | undefined }) {
  const { update, previous } = props
  const before = previous?.eta ?? null
  if (update.eta === before) return null
  return (
    <>
      <dt>ETA</dt>
      <dd>
        {update.eta ? <Time iso={update.eta} /> : 'Estimate withdrawn'}
        {before ? (
          <>
            {' '}
            (was <Time iso={before} />)
          </>
        ) : null}
      </dd>
    </>
  )
}

/** One update of the timeline: its time, status, text and whatever else it said or changed. */
function UpdateItem(props: {
  update: IncidentUpdateJson
  previous: IncidentUpdateJson | undefined
  incident: PresentedIncident
}) {
  const u = props.update
  const headingId = `update-${u.id}`
  return (
    <li>
      <article aria-labelledby={headingId}>
        <h3 id={headingId}>{updateStatusLabel(u, props.incident)}</h3>
        <p class="meta">
          <Time iso={u.display_at} />
        </p>
        <p class="text">{u.body}</p>
        <dl class="facts">
          {u.progress !== null ? (
            <>
              <dt>Progress</dt>
              <dd>{u.progress} %</dd>
            </>
          ) : null}
          <EtaSet update={u} previous={props.previous} />
          {u.next_update_at ? (
            <>
              <dt>Next update promised by</dt>
              <dd>
                <Time iso={u.next_update_at} />
              </dd>
            </>
          ) : null}
          {u.next_steps ? (
            <>
              <dt>Next steps</dt>
              <dd class="text">{u.next_steps}</dd>
            </>
          ) : null}
          {u.workaround ? (
            <>
              <dt>Workaround</dt>
              <dd class="text">{u.workaround}</dd>
            </>
          ) : null}
          {u.affected_components.length > 0 ? (
            <>
              <dt>Components</dt>
              <dd>
                <ul class="plain">
                  {u.affected_components.map((a) => (
                    <li>
                      {a.name}: {componentStatusLabel(a.old_status)} →{' '}
                      {componentStatusLabel(a.new_status)}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
        </dl>
      </article>
    </li>
  )
}

/**
 * One incident or maintenance in full: its facts, every ETA it was given, and every update,
 * newest first — the same record for every reader.
 */
export function IncidentPage(props: {
  pageName: string
  incident: PresentedIncident
  /** The areas a reader may name with an answer; none hides the choice. */
  areas?: AreaChoice[]
  /** The clock the 48-hour answer window is read with. */
  now?: Date
  /** Its published postmortem, shown below the timeline. */
  postmortem?: PublishedPostmortem | null
}) {
  const i = props.incident
  const updates = i.incident_updates
  const kind = isMaintenance(i)
    ? i.cancelled_at
      ? 'Cancelled maintenance'
      : 'Scheduled maintenance'
    : i.upcoming
      ? 'Upcoming incident'
      : 'Incident'
  return (
    <Layout pageName={props.pageName} title={`${i.name} · ${props.pageName}`}>
      <article aria-labelledby="incident-title">
        <p class="kind">{kind}</p>
        <h1 id="incident-title">{i.name}</h1>
        <IncidentFacts incident={i} full />
        <CustomerWord incident={i} areas={props.areas ?? []} now={props.now ?? new Date()} />

        <section aria-labelledby="eta-history-title">
          <h2 id="eta-history-title">ETA history</h2>
          <EtaHistory incident={i} />
        </section>

        <section aria-labelledby="updates-title">
          <h2 id="updates-title">
            Updates <span class="count">({updates.length})</span>
          </h2>
          <ol class="timeline" reversed>
            {updates.map((update, index) => (
              <UpdateItem update={update} previous={updates[index + 1]} incident={i} />
            ))}
          </ol>
        </section>
        {props.postmortem ? <PostmortemView postmortem={props.postmortem} /> : null}
      </article>
      <p>
        <a href="/">Back to the status page</a> · <a href="/history">History</a>
      </p>
    </Layout>
  )
}
