import { startOfUtcDay } from '../domain/daily-status'
import type { ComponentStatus } from '../domain/types'
import { componentStatusLabel, componentTone } from './labels'
import { formatUtcDay } from './time'

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

/**
 * One bar per UTC day, oldest first, the last being today: an inline SVG whose accessible name
 * is the summary in words; each day carries its date and worst status as a tooltip.
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
        {days.map((status, i) => {
          const day = today - (days.length - 1 - i) * DAY_MS
          const words = status ? componentStatusLabel(status) : 'No data'
          return (
            <rect
              x={i * BAR_STEP}
              y={0}
              width={BAR_WIDTH}
              height={BAR_HEIGHT}
              class={`day tone-${status ? componentTone(status) : 'unknown'}`}
            >
              <title>{`${formatUtcDay(day)}: ${words}`}</title>
            </rect>
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
