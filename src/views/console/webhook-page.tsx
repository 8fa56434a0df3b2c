import type { DeliveryWithAttempts } from '../../domain/delivery-log'
import type { Area, Component } from '../../domain/types'
import type { Webhook } from '../../domain/webhooks'
import { Time } from '../time'
import { CsrfField } from './fields'
import { ConsoleLayout, type ConsoleFrame } from './layout'
import { followsText } from './webhooks-page'

function Attempts(props: { delivery: DeliveryWithAttempts }) {
  const log = props.delivery.attemptLog
  if (log.length === 0) return <>no attempt yet</>
  return (
    <ol class="attempt-log" reversed>
      {log.map((a) => (
        <li>
          <Time iso={a.at} />: {a.statusCode !== null ? `HTTP ${a.statusCode}` : 'no answer'}
          {a.error ? <> — {a.error}</> : null}
          {a.durationMs !== null ? <> ({a.durationMs} ms)</> : null}
        </li>
      ))}
    </ol>
  )
}

/** One webhook: its facts, rotate and remove, and its deliveries with every attempt. */
export function WebhookPage(props: {
  frame: ConsoleFrame
  webhook: Webhook
  deliveries: DeliveryWithAttempts[]
  components: Component[]
  areas: Area[]
  notice?: string
  error?: string
}) {
  const { webhook: w, frame } = props
  const base = `/console/webhooks/${encodeURIComponent(w.id)}`
  return (
    <ConsoleLayout {...frame} title="Webhook" current="webhooks" notice={props.notice}>
      {props.error ? (
        <p class="form-error" role="alert">
          {props.error}
        </p>
      ) : null}
      <dl class="facts">
        <dt>URL</dt>
        <dd>{w.url}</dd>
        <dt>Format</dt>
        <dd>{w.format}</dd>
        <dt>State</dt>
        <dd>
          {w.status}
          {w.disabledReason ? <> — {w.disabledReason}</> : null}
        </dd>
        <dt>Follows</dt>
        <dd>{followsText(w, props.components, props.areas)}</dd>
        <dt>Owner</dt>
        <dd>{w.email ?? '—'}</dd>
        <dt>Failures in a row</dt>
        <dd>{w.consecutiveFailures}</dd>
        <dt>Created</dt>
        <dd>
          <Time iso={w.createdAt} />
        </dd>
      </dl>
      <div class="webhook-actions">
        <form method="post" action={`${base}/rotate-secret`} class="inline-form">
          <CsrfField token={frame.csrfToken} />
          <button type="submit" class="secondary">
            Rotate secret
          </button>
        </form>{' '}
        <form method="post" action={`${base}/remove`} class="inline-form">
          <CsrfField token={frame.csrfToken} />
          <button type="submit" class="danger">
            Remove webhook
          </button>
        </form>
      </div>
      <h2>Deliveries</h2>
      {props.deliveries.length === 0 ? (
        <p>Nothing sent to this webhook yet.</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">State</th>
                <th scope="col">Attempts (newest first)</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {props.deliveries.map((d) => (
                <tr>
                  <td>
                    {d.eventType}
                    <br />
                    <Time iso={d.createdAt} />
                  </td>
                  <td>{d.status}</td>
                  <td>
                    <Attempts delivery={d} />
                  </td>
                  <td>
                    {d.status === 'dead' ? (
                      <form
                        method="post"
                        action={`${base}/deliveries/${encodeURIComponent(d.id)}/retry`}
                        class="inline-form"
                      >
                        <CsrfField token={frame.csrfToken} />
                        <button type="submit">Retry now</button>
                      </form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <a href="/console/webhooks">All webhooks</a>
      </p>
    </ConsoleLayout>
  )
}
