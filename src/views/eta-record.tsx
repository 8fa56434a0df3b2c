import type { EtaStats } from '../domain/eta-stats'
import { formatMinutes } from '../lib/time-format'

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** "Of 12 incidents with an ETA in the last 90 days, 7 were fixed by the first ETA and 10 by the last one." */
export function etaRecordSentence(stats: EtaStats): string {
  const window = `in the last ${plural(stats.days, 'day', 'days')}`
  if (stats.incidents === 0) return `No incidents ${window}.`
  if (stats.with_eta === 0) {
    return `None of the ${plural(stats.incidents, 'incident', 'incidents')} ${window} was given an ETA.`
  }
  const subject =
    stats.with_eta === 1
      ? `Of 1 incident with an ETA ${window}`
      : `Of ${stats.with_eta} incidents with an ETA ${window}`
  const open = stats.first_eta.pending
  const still = open > 0 ? ` (${plural(open, 'is', 'are')} still open with the ETA ahead)` : ''
  return `${subject}, ${stats.first_eta.met} ${stats.first_eta.met === 1 ? 'was' : 'were'} fixed by the first ETA and ${stats.last_eta.met} by the last one${still}.`
}

/** "When a fix came later than the first ETA…": the median and p90 slip, or nothing. */
export function slipSentence(stats: EtaStats): string | null {
  const { resolved, median, p90 } = stats.slip_minutes
  if (resolved === 0 || median === null || p90 === null) return null
  const span = formatMinutes
  return `Slip past the first ETA over ${plural(resolved, 'resolved incident', 'resolved incidents')}: median ${span(median)}, 90th percentile ${span(p90)} (fixed on time counts as no slip).`
}

/** "24 of 30 promised updates came on time; 4 came late and 2 never came." */
export function promiseSentence(stats: EtaStats): string | null {
  const p = stats.promises
  const decided = p.on_time + p.late + p.missed
  if (p.total === 0) return null
  const head =
    decided === 0
      ? 'No promised update is due yet'
      : `${p.on_time} of ${plural(decided, 'promised update', 'promised updates')} came on time; ${p.late} came late and ${p.missed} never came`
  const pending = p.pending > 0 && decided > 0 ? ` (${p.pending} more not due yet)` : ''
  return `${head}${pending}.`
}

/** The ETA record in plain words, with a link to the figures as JSON. */
export function EtaRecord(props: { stats: EtaStats }) {
  const { stats } = props
  const slip = slipSentence(stats)
  const promises = promiseSentence(stats)
  return (
    <section aria-labelledby="eta-record" class="eta-record">
      <h2 id="eta-record">How our estimates held</h2>
      <p>{etaRecordSentence(stats)}</p>
      {slip ? <p>{slip}</p> : null}
      {promises ? <p>{promises}</p> : null}
      <p class="meta">
        The figures: <a href={`/api/v1/stats/eta?days=${stats.days}`}>JSON</a>
      </p>
    </section>
  )
}
