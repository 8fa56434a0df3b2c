import { IncidentFacts } from './incident-facts'
import { type PresentedIncident } from '../domain/presented-incident'
import { statusLabel } from '../domain/status-words'
import { Time } from './time'

/** The newest update's text with its time and status. */
export function LatestUpdate(props: { incident: PresentedIncident }) {
  const latest = props.incident.incident_updates[0]
  if (!latest) return null
  return (
    <div class="latest">
      <p class="meta">
        Latest update, <Time iso={latest.display_at} /> — {statusLabel(latest.status)}
      </p>
      <p class="text">{latest.body}</p>
    </div>
  )
}

/** An open incident or maintenance on the status page: name, the facts, the latest update. */
export function IncidentCard(props: { incident: PresentedIncident }) {
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
          Full timeline<span class="visually-hidden"> of {i.name}</span>
        </a>
      </p>
    </article>
  )
}
