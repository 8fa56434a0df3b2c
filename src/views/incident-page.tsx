import type { IncidentUpdateJson } from '../schemas/statuspage'
import { CustomerWord, type AreaChoice } from './customer-word'
import { IncidentFacts } from './incident-facts'
import { isMaintenance, type PresentedIncident } from '../domain/presented-incident'
import type { PublishedPostmortem } from '../domain/postmortems'
import { useReader } from '../i18n/reader-context'
import { componentStatusWord, updateStatusWord } from '../i18n/status-labels'
import { percent } from './incident-facts'
import { Layout } from './layout'
import { linkTo, type Markup } from './rich'
import { PostmortemView } from './postmortem-view'
import { Time } from './time'

/** Every ETA ever given, oldest first, with when it was given. */
function EtaHistory(props: { incident: PresentedIncident }) {
  const reader = useReader()
  const history = props.incident.eta_history
  if (history.length === 0) return <p>{reader.t('incident.noEstimateGiven')}</p>
  return (
    <ol class="eta-history">
      {history.map((entry) => (
        <li>
          {entry.eta
            ? reader.rich('incident.etaGiven', {
                eta: <Time iso={entry.eta} />,
                given: <Time iso={entry.set_at} />,
              })
            : reader.rich('incident.etaWithdrawnGiven', { given: <Time iso={entry.set_at} /> })}
        </li>
      ))}
    </ol>
  )
}

/** The ETA an update set, if it changed it (compared with the update before it). */
function EtaSet(props: { update: IncidentUpdateJson; previous: IncidentUpdateJson | undefined }) {
  const reader = useReader()
  const { update, previous } = props
  const before = previous?.eta ?? null
  if (update.eta === before) return null
  const eta = update.eta ? <Time iso={update.eta} /> : null
  return (
    <>
      <dt>{reader.t('incident.eta')}</dt>
      <dd>
        {before
          ? eta
            ? reader.rich('incident.etaWas', { eta, before: <Time iso={before} /> })
            : reader.rich('incident.etaWithdrawnWas', { before: <Time iso={before} /> })
          : (eta ?? reader.t('incident.etaWithdrawn'))}
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
  const reader = useReader()
  const { t } = reader
  const u = props.update
  const headingId = `update-${u.id}`
  return (
    <li>
      <article aria-labelledby={headingId}>
        <h3 id={headingId}>{updateStatusWord(reader, u, props.incident)}</h3>
        <p class="meta">
          <Time iso={u.display_at} />
        </p>
        <p class="text" dir="auto">
          {u.body}
        </p>
        <dl class="facts">
          {u.progress !== null ? (
            <>
              <dt>{t('incident.progress')}</dt>
              <dd>{percent(reader.locale, u.progress)}</dd>
            </>
          ) : null}
          <EtaSet update={u} previous={props.previous} />
          {u.next_update_at ? (
            <>
              <dt>{t('incident.nextUpdatePromised')}</dt>
              <dd>
                <Time iso={u.next_update_at} />
              </dd>
            </>
          ) : null}
          {u.next_steps ? (
            <>
              <dt>{t('incident.nextSteps')}</dt>
              <dd class="text" dir="auto">
                {u.next_steps}
              </dd>
            </>
          ) : null}
          {u.workaround ? (
            <>
              <dt>{t('incident.workaround')}</dt>
              <dd class="text" dir="auto">
                {u.workaround}
              </dd>
            </>
          ) : null}
          {u.affected_components.length > 0 ? (
            <>
              <dt>{t('incident.components')}</dt>
              <dd>
                <ul class="plain">
                  {u.affected_components.map((a) => (
                    <li>
                      {t('incident.componentChange', {
                        name: a.name,
                        from: componentStatusWord(reader, a.old_status),
                        to: componentStatusWord(reader, a.new_status),
                      })}
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
  const reader = useReader()
  const { t } = reader
  const i = props.incident
  const updates = i.incident_updates
  const kind = isMaintenance(i)
    ? i.cancelled_at
      ? 'incident.kind.cancelled'
      : 'incident.kind.maintenance'
    : i.upcoming
      ? 'incident.kind.upcoming'
      : 'incident.kind.incident'
  return (
    <Layout pageName={props.pageName} title={`${i.name} · ${props.pageName}`}>
      <article aria-labelledby="incident-title">
        <p class="kind">{t(kind)}</p>
        <h1 id="incident-title">{i.name}</h1>
        <IncidentFacts incident={i} full />
        <CustomerWord incident={i} areas={props.areas ?? []} now={props.now ?? new Date()} />

        <section aria-labelledby="eta-history-title">
          <h2 id="eta-history-title">{t('incident.etaHistory')}</h2>
          <EtaHistory incident={i} />
        </section>

        <section aria-labelledby="updates-title">
          <h2 id="updates-title">
            {reader.rich<Markup>('incident.updates', {
              count: updates.length,
              small: (chunks) => <span class="count">{chunks}</span>,
            })}
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
        {reader.rich<Markup>('incident.links', {
          status: linkTo('/'),
          history: linkTo('/history'),
        })}
      </p>
    </Layout>
  )
}
