import type { OwedItem, UpdatePromise } from '../../domain/owed'
import { formatMinutes, pad2 } from '../../lib/time-format'
import { wallClockAt } from '../../lib/zoned-time'
import { Time } from '../time'

/** "14:03" on the wall clock of `timeZone`. */
export function clockIn(iso: string, timeZone: string): string {
  const wall = wallClockAt(new Date(iso), timeZone)
  return `${pad2(wall.hour)}:${pad2(wall.minute)}`
}

/** "12 min", or "less than a minute" for 0. */
export function spanWords(minutes: number): string {
  return minutes > 0 ? formatMinutes(minutes) : 'less than a minute'
}

/** The next-update promise in words: "overdue by 12 min", "due in 25 min", or none promised. */
export function PromiseNote(props: { promise: UpdatePromise }) {
  const p = props.promise
  if (p.kind === 'none') return <span class="owed-none">No update promised</span>
  if (p.kind === 'overdue') {
    return (
      <span class="owed-overdue">
        Update overdue by {spanWords(p.minutes)}{' '}
        <span class="owed-at">
          (promised by <Time iso={p.at} />)
        </span>
      </span>
    )
  }
  return (
    <span class={p.minutes <= 10 ? 'owed-soon' : 'owed-due'}>
      Next update due in {spanWords(p.minutes)}{' '}
      <span class="owed-at">
        (by <Time iso={p.at} />)
      </span>
    </span>
  )
}

/** What an open item owes, as one line: its promise and, if so, that its ETA has passed. */
export function OwedNote(props: { item: OwedItem }) {
  return (
    <>
      <PromiseNote promise={props.item.promise} />
      {props.item.etaPassed && props.item.incident.eta ? (
        <>
          {' · '}
          <span class="owed-passed">
            ETA passed (<Time iso={props.item.incident.eta} />)
          </span>
        </>
      ) : null}
    </>
  )
}
