import { startOfUtcDay } from '../domain/daily-status'
import type { ComponentStatus } from '../domain/types'
import { readerFor, type Reader } from '../i18n/reader'
import { useReader } from '../i18n/reader-context'
import { componentStatusWord } from '../i18n/status-labels'
import { componentTone } from './labels'

const DAY_MS = 86_400_000
const BAR_WIDTH = 3
const BAR_STEP = 4
const BAR_HEIGHT = 20

/** "2 days with problems in the last 90 days": the bars in words, for every reader. */
export function summariseDays(reader: Reader, days: readonly (ComponentStatus | null)[]): string {
  const known = days.filter((d): d is ComponentStatus => d !== null)
  if (known.length === 0) return reader.t('bars.noHistory')
  const problems = known.filter((d) => d !== 'operational' && d !== 'under_maintenance').length
  if (problems === 0) return reader.t('bars.noProblems', { days: known.length })
  return reader.t('bars.problems', { problems, days: known.length })
}

/** Consecutive days of the same status, as index ranges (inclusive). */
function runsOf(
  days: readonly (ComponentStatus | null)[],
): { start: number; end: number; status: ComponentStatus | null }[] {
  const runs: { start: number; end: number; status: ComponentStatus | null }[] = []
  days.forEach((status, i) => {
    const last = runs[runs.length - 1]
    if (last && last.status === status) last.end = i
    else runs.push({ start: i, end: i, status })
  })
  return runs
}

/**
 * One bar per UTC day, oldest first, the last being today: an inline SVG whose accessible name
 * is the summary in words; each run of days with the same worst status carries its dates and
 * that status as a tooltip (one per run keeps the page small).
 */
export function UptimeBars(props: {
  componentId: string
  days: readonly (ComponentStatus | null)[]
  now: Date
}) {
  const { days } = props
  const reader = useReader()
  // The bars are UTC days: each is named by its UTC date, in the reader's language.
  const utcDays = readerFor(reader.lang, 'Etc/UTC').clock
  const today = startOfUtcDay(props.now.getTime())
  const summaryId = `bars-${props.componentId}`
  return (
    <div class="bars">
      <svg
        role="img"
        aria-labelledby={summaryId}
        viewBox={`0 0 ${days.length * BAR_STEP - (BAR_STEP - BAR_WIDTH)} ${BAR_HEIGHT}`}
        preserveAspectRatio="none"
        focusable="false"
      >
        {runsOf(days).map((run) => {
          const status = run.status
            ? componentStatusWord(reader, run.status)
            : reader.t('label.noData')
          const first = utcDays.dayYear(today - (days.length - 1 - run.start) * DAY_MS)
          const last = utcDays.dayYear(today - (days.length - 1 - run.end) * DAY_MS)
          const title =
            run.start === run.end
              ? reader.t('bars.run', { day: first, status })
              : reader.t('bars.runOfDays', { first, last, status })
          return (
            <g class={`day tone-${run.status ? componentTone(run.status) : 'unknown'}`}>
              <title>{title}</title>
              {Array.from({ length: run.end - run.start + 1 }, (_, k) => (
                <rect x={(run.start + k) * BAR_STEP} width={BAR_WIDTH} height={BAR_HEIGHT} />
              ))}
            </g>
          )
        })}
      </svg>
      <p class="bars-legend">
        <span aria-hidden="true">{reader.t('bars.daysAgo', { days: days.length })}</span>
        <span id={summaryId}>{summariseDays(reader, days)}</span>
        <span aria-hidden="true">{reader.t('bars.today')}</span>
      </p>
    </div>
  )
}
