import { roleReaches } from '../../domain/members'
import { startOf, type NowBoard } from '../../domain/owed'
import { statusLabel } from '../../domain/status-words'
import { Time } from '../time'
import { disputeWords, PublishButton, ReopenButton } from './incident-actions'
import { IncidentLink } from './incident-link'
import { ConsoleLayout, type ConsoleFrame } from './layout'
import { OwedNote } from './owed-note'
import { QuickUpdate } from './now-quick-update'
import type { FormState } from './fields'
import type { Incident } from '../../domain/types'
import type { Template } from '../../domain/templates'

/** The sentence a finished action leaves on the Now page. */
export const NOW_NOTICES: Record<string, string> = {
  published: 'Published: it is on the page and subscribers are being told.',
  reopened: 'Reopened: the incident is investigating again and subscribers are being told.',
}

/**
 * The landing page: what is owed to customers now (open incidents and running maintenance, the
 * most overdue first), drafts to publish, disputed resolutions to reopen, and what is coming.
 * Editors also get one-click starts (a new incident, or one from each template) and a folded
 * update form per open incident. Viewers see it all without the buttons and forms. `now.js`
 * refreshes it every 30 seconds.
 */
export function NowPage(props: {
  frame: ConsoleFrame
  board: NowBoard
  notice?: string
  /** Incident templates, to open an incident from one in a click (editors). */
  templates: readonly Pick<Template, 'id' | 'name'>[]
  /** The folded update form of each open incident (editors). */
  quick: readonly { incident: Incident; start: FormState }[]
  timeZone: string
}) {
  const { frame, board } = props
  const editor = roleReaches(frame.member.role, 'editor')
  const nothing =
    board.owed.length + board.drafts.length + board.disputes.length + board.upcoming.length === 0
  return (
    <ConsoleLayout
      {...frame}
      title="Now"
      current="now"
      notice={props.notice}
      scripts={['/console-assets/now.js']}
    >
      {editor ? (
        <section aria-labelledby="now-start">
          <h2 id="now-start" class="visually-hidden">
            Start
          </h2>
          <ul class="quick-picks now-start">
            <li>
              <a class="button" href="/console/incidents/new">
                New incident
              </a>
            </li>
            {props.templates.map((template) => (
              <li>
                <a href={`/console/incidents/new?template=${encodeURIComponent(template.id)}`}>
                  New from “{template.name}”
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {nothing ? <p>Nothing is owed to customers right now.</p> : null}

      {board.owed.length ? (
        <section aria-labelledby="now-owed">
          <h2 id="now-owed">Open</h2>
          <div class="table-scroll">
            <table class="now-owed">
              <thead>
                <tr>
                  <th scope="col">Incident</th>
                  <th scope="col">Status</th>
                  <th scope="col">Owed</th>
                </tr>
              </thead>
              <tbody>
                {board.owed.map((item) => (
                  <tr data-incident={item.incident.id}>
                    <td>
                      <IncidentLink incident={item.incident} />
                      {item.incident.kind === 'maintenance' ? ' (maintenance)' : null}
                    </td>
                    <td>{statusLabel(item.incident.status)}</td>
                    <td>
                      <OwedNote item={item} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {props.quick.length ? (
        <section aria-labelledby="now-quick">
          <h2 id="now-quick">Post an update</h2>
          {props.quick.map((q) => (
            <QuickUpdate
              incident={q.incident}
              start={q.start}
              csrfToken={frame.csrfToken}
              timeZone={props.timeZone}
            />
          ))}
        </section>
      ) : null}

      {board.drafts.length ? (
        <section aria-labelledby="now-drafts">
          <h2 id="now-drafts">Drafts to publish</h2>
          <p>Opened by monitoring and held back: nobody has been told yet.</p>
          <ul class="now-list">
            {board.drafts.map((draft) => (
              <li data-incident={draft.id}>
                <IncidentLink incident={draft} /> — {statusLabel(draft.status)}, opened{' '}
                <Time iso={draft.createdAt} />{' '}
                {editor ? (
                  <PublishButton incident={draft} csrfToken={frame.csrfToken} back="now" />
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {board.disputes.length ? (
        <section aria-labelledby="now-disputes">
          <h2 id="now-disputes">Disputed resolutions</h2>
          <ul class="now-list">
            {board.disputes.map((dispute) => (
              <li data-incident={dispute.incident.id}>
                <IncidentLink incident={dispute.incident} /> —{' '}
                <span class="owed-overdue">{disputeWords(dispute)}</span>{' '}
                {editor ? (
                  <ReopenButton
                    incident={dispute.incident}
                    csrfToken={frame.csrfToken}
                    back="now"
                  />
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {board.upcoming.length ? (
        <section aria-labelledby="now-upcoming">
          <h2 id="now-upcoming">Upcoming</h2>
          <ul class="now-list">
            {board.upcoming.map((item) => (
              <li data-incident={item.id}>
                <IncidentLink incident={item} /> —{' '}
                {item.kind === 'maintenance' ? 'maintenance from' : 'known fault expected from'}{' '}
                <Time iso={startOf(item)} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </ConsoleLayout>
  )
}
