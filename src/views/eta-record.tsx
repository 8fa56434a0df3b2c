import type { EtaStats } from '../domain/eta-stats'
import type { Reader } from '../i18n/reader'
import { useReader } from '../i18n/reader-context'
import { linkTo, type Markup } from './rich'

/** "Of 12 incidents with an ETA in the last 90 days, 7 were fixed by the first ETA and 10 by the last one." */
export function etaRecordSentence(reader: Reader, stats: EtaStats): string {
  const days = stats.days
  if (stats.incidents === 0) return reader.t('eta.none', { days })
  if (stats.with_eta === 0) return reader.t('eta.noneWithEta', { incidents: stats.incidents, days })
  return reader.t('eta.record', {
    withEta: stats.with_eta,
    days,
    firstMet: stats.first_eta.met,
    lastMet: stats.last_eta.met,
    open: stats.first_eta.pending,
  })
}

/** "When a fix came later than the first ETA…": the median and p90 slip, or nothing. */
export function slipSentence(reader: Reader, stats: EtaStats): string | null {
  const { resolved, median, p90 } = stats.slip_minutes
  if (resolved === 0 || median === null || p90 === null) return null
  const span = (minutes: number) => reader.clock.span(minutes)
  return reader.t('eta.slip', { resolved, median: span(median), p90: span(p90) })
}

/** "24 of 30 promised updates came on time; 4 came late and 2 never came." */
export function promiseSentence(reader: Reader, stats: EtaStats): string | null {
  const p = stats.promises
  const decided = p.on_time + p.late + p.missed
  if (p.total === 0) return null
  if (decided === 0) return reader.t('eta.promisesNoneDue')
  return reader.t('eta.promises', {
    onTime: p.on_time,
    decided,
    late: p.late,
    missed: p.missed,
    pending: p.pending,
  })
}

/** The ETA record in plain words, with a link to the figures as JSON. */
export function EtaRecord(props: { stats: EtaStats }) {
  const reader = useReader()
  const { stats } = props
  const slip = slipSentence(reader, stats)
  const promises = promiseSentence(reader, stats)
  return (
    <section aria-labelledby="eta-record" class="eta-record">
      <h2 id="eta-record">{reader.t('eta.heading')}</h2>
      <p>{etaRecordSentence(reader, stats)}</p>
      {slip ? <p>{slip}</p> : null}
      {promises ? <p>{promises}</p> : null}
      <p class="meta">
        {reader.rich<Markup>('eta.figures', { a: linkTo(`/api/v1/stats/eta?days=${stats.days}`) })}
      </p>
    </section>
  )
}
