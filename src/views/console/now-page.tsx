import { roleReaches } from '../../domain/members'
import { startOf, type NowBoard } from '../../domain/owed'
import { statusLabel } from '../../domain/status-words'
import { Time } from '../time'
import { disputeWords, PublishButton, ReopenButton } from './incident-actions'
import { IncidentLink } from './incident-link'
import { ConsoleLayout, type ConsoleFrame } from './layout'
import { OwedNote } from './owed-note'

/** The sentence a finished action leaves on the Now page. */
export const NOW_NOTICES: Record<string, string> = {
  published: 'Published: it is on the page and subscribers are being told.',
  reopened: 'Reopened: the incident is investigating again and subscribers are being told.',
}

/**
 * The landing page: what is owed to customers now (open incidents and running maintenance, the
 * most overdue first), drafts to publish, disputed resolutions to reopen, and what is coming.
 * Viewers see it all without the buttons. `now.js` refreshes it every 30 seconds.
 */
export function NowPage(props: { frame: ConsoleFrame; board: NowBoard; notice?: string }) {
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
