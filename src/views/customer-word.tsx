import { pageAnswersOpen } from '../domain/resolution-check'
import { isClosedStatus } from '../domain/types'
import { SubmitRow } from './page-form'
import type { PresentedIncident } from '../domain/presented-incident'
import { useReader } from '../i18n/reader-context'
import { strong, type Markup } from './rich'

/** An area a reader may name with an answer or report. */
export interface AreaChoice {
  id: string
  name: string
}

/** "Your area (optional)": a select of areas, or nothing when the page has none. */
function AreaSelect(props: { areas: AreaChoice[]; id: string }) {
  const { t } = useReader()
  if (props.areas.length === 0) return null
  return (
    <p class="field">
      <label for={props.id}>{t('word.area')}</label>
      <select id={props.id} name="area">
        <option value="">{t('word.notSaying')}</option>
        {props.areas.map((a) => (
          <option value={a.id}>{a.name}</option>
        ))}
      </select>
    </p>
  )
}

/** "5 say fixed for me, 2 say still broken", and the same per area. */
function AnswerCounts(props: { incident: PresentedIncident }) {
  const reader = useReader()
  const check = props.incident.resolution_check
  if (check.fixed + check.still_broken === 0) return null
  return (
    <>
      <p class="answer-counts" data-testid="answer-counts">
        {reader.rich<Markup>('word.counts', {
          b: strong,
          fixed: check.fixed,
          broken: check.still_broken,
        })}
      </p>
      {check.by_area.length > 0 ? (
        <ul class="plain">
          {check.by_area.map((a) => (
            <li>
              {reader.t('word.countsByArea', {
                area: a.name,
                fixed: a.fixed,
                broken: a.still_broken,
              })}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  )
}

/** "12 readers report they are affected", shown only when the page allows it. */
function AffectedCounts(props: { incident: PresentedIncident }) {
  const reader = useReader()
  const reports = props.incident.affected_reports
  if (!reports || reports.total === 0) return null
  return (
    <>
      <p class="affected-counts" data-testid="affected-counts">
        {reader.rich<Markup>('word.affected', { b: strong, total: reports.total })}
      </p>
      {reports.by_area.length > 0 ? (
        <ul class="plain">
          {reports.by_area.map((a) => (
            <li>{reader.t('word.affectedByArea', { area: a.name, count: a.count })}</li>
          ))}
        </ul>
      ) : null}
    </>
  )
}

/**
 * The customer's word on an incident: while it is open, "I'm affected"; for 48 hours after it
 * is resolved, "fixed for me / still broken"; and the counts so far. Plain forms, no script.
 */
export function CustomerWord(props: {
  incident: PresentedIncident
  areas: AreaChoice[]
  now: Date
}) {
  const { t } = useReader()
  const i = props.incident
  if (i.impact === 'maintenance') return null
  const answering = pageAnswersOpen({ status: i.status, resolvedAt: i.resolved_at }, props.now)
  const open = !isClosedStatus(i.status)
  const counts = <AnswerCounts incident={i} />
  const affected = <AffectedCounts incident={i} />
  if (!answering && !open && i.resolution_check.fixed + i.resolution_check.still_broken === 0) {
    return null
  }
  return (
    <section aria-labelledby="customer-word-title" class="customer-word">
      <h2 id="customer-word-title">{t(open ? 'word.openHeading' : 'word.closedHeading')}</h2>
      {open ? (
        <>
          {affected}
          <form method="post" action={`/incidents/${i.id}/affected`} class="form">
            <p class="hint">{t('word.affectedHint')}</p>
            <AreaSelect areas={props.areas} id="affected-area" />
            <SubmitRow label={t('word.affectedButton')} />
          </form>
        </>
      ) : (
        <>
          {counts}
          {answering ? (
            <form method="post" action={`/incidents/${i.id}/resolution`} class="form">
              <p class="hint">{t('word.answerHint')}</p>
              <AreaSelect areas={props.areas} id="answer-area" />
              <p class="buttons">
                <button type="submit" name="choice" value="fixed">
                  {t('word.fixedButton')}
                </button>{' '}
                <button type="submit" name="choice" value="still_broken">
                  {t('word.brokenButton')}
                </button>
              </p>
            </form>
          ) : null}
        </>
      )}
    </section>
  )
}
