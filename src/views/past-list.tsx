import { isClosedStatus } from '../domain/types'
import { isMaintenance, type PresentedIncident } from '../domain/presented-incident'
import { Badge, impactTone } from './labels'
import { impactLabel, isCancelled, itemStatusLabel } from '../domain/status-words'
import { formatMinutes } from '../lib/time-format'
import { Time } from './time'

/** How long it lasted, from start to resolution, or null while open. */
function duration(i: PresentedIncident): string | null {
  if (!i.resolved_at || isCancelled(i)) return null
  const minutes = Math.max(
    0,
    Math.round((Date.parse(i.resolved_at) - Date.parse(i.started_at)) / 60_000),
  )
  return formatMinutes(minutes)
}

/** One line per incident or maintenance: name (linked), impact, status, when and how long. */
export function PastList(props: { incidents: PresentedIncident[] }) {
  return (
    <ul class="past">
      {props.incidents.map((i) => {
        const lasted = duration(i)
        return (
          <li>
            <a href={`/incidents/${encodeURIComponent(i.id)}`}>{i.name}</a>{' '}
            <Badge tone={impactTone(i.impact)} label={impactLabel(i.impact)} />
            <p class="meta">
              {itemStatusLabel(i)}
              {isClosedStatus(i.status) && i.resolved_at ? (
                <>
                  {' '}
                  <Time iso={i.resolved_at} />
                </>
              ) : null}{' '}
              · {isCancelled(i) ? 'was planned for' : isMaintenance(i) ? 'began' : 'started'}{' '}
              <Time iso={i.started_at} />
              {lasted ? ` · lasted ${lasted}` : null}
            </p>
          </li>
        )
      })}
    </ul>
  )
}

/** Closed incidents and maintenances resolved within `days` before `now`, newest first. */
export function recentlyClosed(
  incidents: PresentedIncident[],
  now: Date,
  days: number,
): PresentedIncident[] {
  const since = now.getTime() - days * 86_400_000
  return incidents
    .filter((i) => isClosedStatus(i.status) && i.resolved_at && Date.parse(i.resolved_at) >= since)
    .sort((a, b) => (b.resolved_at ?? '').localeCompare(a.resolved_at ?? ''))
}
