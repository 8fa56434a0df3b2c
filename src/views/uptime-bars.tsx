import { startOfUtcDay } from '../domain/daily-status'
import type { ComponentStatus } from '../domain/types'
import type { Reader } from '../i18n/reader'
import { useReader } from '../i18n/reader-context'
import { componentStatusWord } from '../i18n/status-labels'
import { componentTone } from './labels'

const DAY_MS = 86_400_000
/** Each day takes BAR_STEP units of the drawing: a bar BAR_WIDTH wide and a gap. */
const BAR_STEP = 4
const BAR_WIDTH = 3
const BAR_HEIGHT = 20

/** Statuses listed in words under the bars, worst first; operational days go without saying. */
const LISTED: readonly ComponentStatus[] = [
  'major_outage',
  'partial_outage',
  'degraded_performance',
  'under_maintenance',
]

/** "2 days with problems in the last 90 days": the bars in words, for every reader. */
export function summariseDays(reader: Reader, days: readonly (ComponentStatus | null)[]): string {
  const known = days.filter((d): d is ComponentStatus => d !== null)
  if (known.length === 0) return reader.t('bars.noHistory')
  const problems = known.filter((d) => d !== 'operational' && d !== 'under_maintenance').length
  if (problems === 0) return reader.t('bars.noProblems', { days: known.length })
  return reader.t('bars.problems', { problems, days: known.length })
}

interface Run {
  start: number
  end: number
  status: ComponentStatus | null
}

/** Consecutive days of the same status, as index ranges (inclusive). */
function runsOf(days: readonly (ComponentStatus | null)[]): Run[] {
  const runs: Run[] = []
  days.forEach((status, i) => {
    const last = runs[runs.length - 1]
    if (last && last.status === status) last.end = i
    else runs.push({ start: i, end: i, status })
  })
  return runs
}

/** How one reader's language writes UTC days ("14 Nov", "14–16 Nov") and lists them. */
interface DayWords {
  day: Intl.DateTimeFormat
  list: Intl.ListFormat
}

const dayWords = new Map<string, DayWords>()

function dayWordsOf(locale: string): DayWords {
  let words = dayWords.get(locale)
  if (!words) {
    words = {
      day: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }),
      list: new Intl.ListFormat(locale, { type: 'unit', style: 'short' }),
    }
    dayWords.set(locale, words)
  }
  return words
}

/**
 * "14 Nov", "14–16 Nov" or "30 Nov – 2 Dec, 5 Dec": the UTC days of runs, oldest first, in the
 * reader's language (empty for no runs).
 */
function datesOf(locale: string, runs: readonly Run[], today: number, length: number): string {
  const { day, list } = dayWordsOf(locale)
  const dayAt = (index: number) => today - (length - 1 - index) * DAY_MS
  return list.format(
    runs.map((run) =>
      run.start === run.end
        ? day.format(dayAt(run.start))
        : day.formatRange(dayAt(run.start), dayAt(run.end)),
    ),
  )
}

/**
 * One stroke per run, in path data: a line as wide as the run, dashed by the stylesheet into a
 * bar per day (BAR_WIDTH drawn, the rest of BAR_STEP a gap).
 */
function strokesOf(runs: readonly Run[]): string {
  return runs
    .map(
      (run) => `M${run.start * BAR_STEP} ${BAR_HEIGHT / 2}h${(run.end - run.start + 1) * BAR_STEP}`,
    )
    .join('')
}

/**
 * The last days of one component, oldest first, the last being today. Drawn as one small inline
 * SVG with one path per status present (not one element per day): an operational line across
 * and each other status's runs over it, each with its days as a tooltip. The same days are in
 * words below for every reader: a summary, and the days of each status other than operational
 * in a list that opens on tap, click or Enter.
 */
export function UptimeBars(props: {
  componentId: string
  days: readonly (ComponentStatus | null)[]
  now: Date
}) {
  const { days } = props
  const reader = useReader()
  const dates = (of: readonly Run[]) => datesOf(reader.locale, of, today, days.length)
  const today = startOfUtcDay(props.now.getTime())
  const runs = runsOf(days)
  const runsWith = (status: ComponentStatus | null) => runs.filter((r) => r.status === status)
  const listed = LISTED.map((status) => ({
    status,
    dates: dates(runsWith(status)),
  }))
    .filter((entry) => entry.dates !== '')
    .map((entry) => ({
      ...entry,
      words: reader.t('bars.days', {
        status: componentStatusWord(reader, entry.status),
        days: entry.dates,
      }),
    }))
  const unknown = runsWith(null)
  const summary = summariseDays(reader, days)
  return (
    <div class="bars" id={`bars-${props.componentId}`}>
      <svg
        aria-hidden="true"
        viewBox={`0 0 ${days.length * BAR_STEP - (BAR_STEP - BAR_WIDTH)} ${BAR_HEIGHT}`}
        preserveAspectRatio="none"
        focusable="false"
      >
        <path class="tone-none" d={`M0 ${BAR_HEIGHT / 2}h${days.length * BAR_STEP}`}>
          <title>{componentStatusWord(reader, 'operational')}</title>
        </path>
        {unknown.length > 0 ? (
          <path class="tone-unknown" d={strokesOf(unknown)}>
            <title>
              {reader.t('bars.days', { status: reader.t('label.noData'), days: dates(unknown) })}
            </title>
          </path>
        ) : null}
        {listed.map((entry) => (
          <path class={`tone-${componentTone(entry.status)}`} d={strokesOf(runsWith(entry.status))}>
            <title>{entry.words}</title>
          </path>
        ))}
      </svg>
      <div class="bars-legend">
        <span aria-hidden="true">{reader.t('bars.daysAgo', { days: days.length })}</span>
        {listed.length > 0 ? (
          <details>
            <summary>{summary}</summary>
            <ul>
              {listed.map((entry) => (
                <li>{entry.words}</li>
              ))}
            </ul>
          </details>
        ) : (
          <p>{summary}</p>
        )}
        <span aria-hidden="true">{reader.t('bars.today')}</span>
      </div>
    </div>
  )
}
