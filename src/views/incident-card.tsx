import { IncidentFacts } from './incident-facts'
import { type PresentedIncident } from '../domain/presented-incident'
import { useReader } from '../i18n/reader-context'
import { statusWord } from '../i18n/status-labels'
import { visuallyHidden, type Markup } from './rich'
import { Time } from './time'

/** The newest update's text with its time and status. */
export function LatestUpdate(props: { incident: PresentedIncident }) {
  const reader = useReader()
  const latest = props.incident.incident_updates[0]
  if (!latest) return null
  return (
    <div class="latest">
      <p class="meta">
        {reader.rich('status.latestUpdate', {
          time: <Time iso={latest.display_at} />,
          status: statusWord(reader, latest.status),
        })}
      </p>
      <p class="text" dir="auto">
        {latest.body}
      </p>
    </div>
  )
}

/** An open incident or maintenance on the status page: name, the facts, the latest update. */
export function IncidentCard(props: { incident: PresentedIncident }) {
  const reader = useReader()
  const i = props.incident
  const headingId = `incident-${i.id}`
  return (
    <article
      class={`card${i.update_overdue || i.eta_passed ? ' attention' : ''}`}
      aria-labelledby={headingId}
    >
      <h3 id={headingId}>
        <a href={`/incidents/${encodeURIComponent(i.id)}`}>{i.name}</a>
      </h3>
      <IncidentFacts incident={i} />
      <LatestUpdate incident={i} />
      <p class="more">
        <a href={`/incidents/${encodeURIComponent(i.id)}`}>
          {reader.rich<Markup>('status.fullTimeline', { name: i.name, hidden: visuallyHidden })}
        </a>
      </p>
    </article>
  )
}
