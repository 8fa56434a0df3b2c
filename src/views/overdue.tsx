import { useReader } from '../i18n/reader-context'

/** What stands for the span in the wording the page script is given (`data-words`). */
export const SPAN_SLOT = '{span}'

/**
 * "Update overdue by 12 min", as of rendering. The page script keeps it ticking in the page's
 * language: `data-overdue` is when the update was promised, `data-words` the same wording with
 * `{span}` where the span goes.
 */
export function OverdueBy(props: { since: string; minutes: number }) {
  const reader = useReader()
  return (
    <strong
      data-overdue={props.since}
      data-words={reader.t('facts.overdueBy', { span: SPAN_SLOT })}
    >
      {props.minutes > 0
        ? reader.t('facts.overdueBy', { span: reader.clock.span(props.minutes) })
        : reader.t('facts.overdueJust')}
    </strong>
  )
}
