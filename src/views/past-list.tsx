import { isClosedStatus } from '../domain/types'
import { isMaintenance, type PresentedIncident } from '../domain/presented-incident'
import { isCancelled } from '../domain/status-words'
import type { Reader } from '../i18n/reader'
import { useReader } from '../i18n/reader-context'
import { impactWord, itemStatusWord } from '../i18n/status-labels'
import { Badge, impactTone } from './labels'
import { Time } from './time'

/** How long it lasted, from start to resolution ("2 hr 5 min"), or null while open. */
function duration(reader: Reader, i: PresentedIncident): string | null {
  if (!i.resolved_at || isCancelled(i)) return null
  const minutes = Math.max(
    0,
    Math.round((Date.parse(i.resolved_at) - Date.parse(i.started_at)) / 60_000),
  )
  return reader.clock.span(minutes)
}

/** One line per incident or maintenance: name (linked), impact, status, when and how long. */
export function PastList(props: { incidents: PresentedIncident[] }) {
  const reader = useReader()
  return (
    <ul class="past">
      {props.incidents.map((i) => {
        const lasted = duration(reader, i)
        const status = itemStatusWord(reader, i)
        const start = <Time iso={i.started_at} />
        return (
          <li>
            <a href={`/incidents/${encodeURIComponent(i.id)}`}>{i.name}</a>{' '}
            <Badge tone={impactTone(i.impact)} label={impactWord(reader, i.impact)} />
            <p class="meta">
              {isClosedStatus(i.status) && i.resolved_at
                ? reader.rich('past.closed', { status, time: <Time iso={i.resolved_at} /> })
                : status}{' '}
              ·{' '}
              {reader.rich(
                isCancelled(i)
                  ? 'past.plannedFor'
                  : isMaintenance(i)
                    ? 'past.began'
                    : 'past.started',
                { time: start },
              )}
              {lasted ? <> · {reader.t('past.lasted', { span: lasted })}</> : null}
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
