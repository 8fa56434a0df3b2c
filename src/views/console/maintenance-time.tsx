import { localInputValue } from '../../lib/zoned-time'

/** An instant as the page's wall clock, e.g. "2026-12-02 09:00 Europe/Paris", in a `<time>`. */
export function ZonedTime(props: { iso: string | null; timeZone: string; empty?: string }) {
  if (!props.iso) return <>{props.empty ?? '—'}</>
  const wall = localInputValue(new Date(props.iso), props.timeZone).replace('T', ' ')
  return (
    <time datetime={props.iso}>
      {wall} {props.timeZone}
    </time>
  )
}
