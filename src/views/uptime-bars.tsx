import { startOfUtcDay } from '../domain/daily-status'
import type { ComponentStatus } from '../domain/types'
import { componentTone } from './labels'
import { componentStatusLabel } from '../domain/status-words'
import { formatUtcDay } from '../lib/time-format'

const DAY_MS = 86_400_000
const BAR_WIDTH = 3
const BAR_STEP = 4
const BAR_HEIGHT = 20

/** "2 days with problems in the last 90 days": the bars in words, for every reader. */
export function summariseDays(days: readonly (ComponentStatus | null)[]): string {
  const known = days.filter((d): d is ComponentStatus => d !== null)
  if (known.length === 0) return 'No history yet'
  const problems = known.filter((d) => d !== 'operational' && d !== 'under_maintenance').length
  const span = `in the last ${known.length} ${known.length === 1 ? 'day' : 'days'}`
  if (problems === 0) return `No problems ${span}`
  return `${problems} ${problems === 1 ? 'day' : 'days'} with problems ${span}`
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
          const words = run.status ? componentStatusLabel(run.status) : 'No data'
          const first = formatUtcDay(today - (days.length - 1 - run.start) * DAY_MS)
          const last = formatUtcDay(today - (days.length - 1 - run.end) * DAY_MS)
          return (
            <g class={`day tone-${run.status ? componentTone(run.status) : 'unknown'}`}>
              <title>{`${run.start === run.end ? first : `${first} – ${last}`}: ${words}`}</title>
              {Array.from({ length: run.end - run.start + 1 }, (_, k) => (
                <rect x={(run.start + k) * BAR_STEP} width={BAR_WIDTH} height={BAR_HEIGHT} />
              ))}
            </g>
          )
        })}
      </svg>
      <p class="bars-legend">
        <span aria-hidden="true">{days.length} days ago</span>
        <span id={summaryId}>{summariseDays(days)}</span>
        <span aria-hidden="true">Today</span>
      </p>
    </div>
  )
}
