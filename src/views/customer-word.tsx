import { pageAnswersOpen } from '../domain/resolution-check'
import { isClosedStatus } from '../domain/types'
import { SubmitRow } from './page-form'
import type { PresentedIncident } from '../domain/presented-incident'

/** An area a reader may name with an answer or report. */
export interface AreaChoice {
  id: string
  name: string
}

/** "Your area (optional)": a select of areas, or nothing when the page has none. */
function AreaSelect(props: { areas: AreaChoice[]; id: string }) {
  if (props.areas.length === 0) return null
  return (
    <p class="field">
      <label for={props.id}>Your area (optional)</label>
      <select id={props.id} name="area">
        <option value="">Not saying</option>
        {props.areas.map((a) => (
          <option value={a.id}>{a.name}</option>
        ))}
      </select>
    </p>
  )
}

/** "5 say fixed for me, 2 say still broken", and the same per area. */
function AnswerCounts(props: { incident: PresentedIncident }) {
  const check = props.incident.resolution_check
  if (check.fixed + check.still_broken === 0) return null
  return (
    <>
      <p class="answer-counts" data-testid="answer-counts">
        Customers say: <strong>{check.fixed}</strong> fixed for me,{' '}
        <strong>{check.still_broken}</strong> still broken.
      </p>
      {check.by_area.length > 0 ? (
        <ul class="plain">
          {check.by_area.map((a) => (
            <li>
              {a.name}: {a.fixed} fixed, {a.still_broken} still broken
            </li>
          ))}
        </ul>
      ) : null}
    </>
  )
}

/** "12 readers report they are affected", shown only when the page allows it. */
function AffectedCounts(props: { incident: PresentedIncident }) {
  const reports = props.incident.affected_reports
  if (!reports || reports.total === 0) return null
  return (
    <>
      <p class="affected-counts" data-testid="affected-counts">
        <strong>{reports.total}</strong> {reports.total === 1 ? 'reader reports' : 'readers report'}{' '}
        being affected.
      </p>
      {reports.by_area.length > 0 ? (
        <ul class="plain">
          {reports.by_area.map((a) => (
            <li>
              {a.name}: {a.count}
            </li>
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
      <h2 id="customer-word-title">{open ? 'Are you affected?' : 'Is it fixed for you?'}</h2>
      {open ? (
        <>
          {affected}
          <form method="post" action={`/incidents/${i.id}/affected`} class="form">
            <p class="hint">Tell us this reaches you too; you are counted once.</p>
            <AreaSelect areas={props.areas} id="affected-area" />
            <SubmitRow label="I'm affected" />
          </form>
        </>
      ) : (
        <>
          {counts}
          {answering ? (
            <form method="post" action={`/incidents/${i.id}/resolution`} class="form">
              <p class="hint">One answer per reader; you can change it.</p>
              <AreaSelect areas={props.areas} id="answer-area" />
              <p class="buttons">
                <button type="submit" name="choice" value="fixed">
                  Fixed for me
                </button>{' '}
                <button type="submit" name="choice" value="still_broken">
                  Still broken
                </button>
              </p>
            </form>
          ) : null}
        </>
      )}
    </section>
  )
}
