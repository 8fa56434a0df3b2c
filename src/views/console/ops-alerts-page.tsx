import type { OpsAlertRecord } from '../../domain/ops-alert-log'
import { Time } from '../time'
import { ConsoleLayout, type ConsoleFrame } from './layout'

/** Where ops alerts go, as the settings read them. */
export interface OpsAlertChannels {
  webhook: { configured: boolean; target: string | null; refused: string | null }
  email: { configured: boolean; target: string | null }
}

const ALERT_WORDS: Record<string, string> = {
  'ops.update_overdue': 'Update overdue',
  'ops.eta_passed': 'ETA passed',
  'ops.resolution_disputed': 'Resolution disputed',
}

/**
 * A webhook URL as a member may see it: the whole URL for editors and owners; only its origin
 * for viewers, since the URL itself is all it takes to post to it.
 */
export function shownTarget(target: string, full: boolean): string {
  if (full) return target
  try {
    return `${new URL(target).origin}/…`
  } catch {
    return '(hidden)'
  }
}

function WebhookSetting(props: { channel: OpsAlertChannels['webhook']; full: boolean }) {
  const w = props.channel
  if (!w.configured) return <>not set (OPS_WEBHOOK_URL)</>
  if (w.refused) {
    return <span class="owed-overdue">refused, nothing is sent to it: {w.refused}</span>
  }
  return <>{shownTarget(w.target ?? '', props.full)}</>
}

/** Ops alerts: where they go (and why a setting is refused), and the alerts raised. */
export function OpsAlertsPage(props: {
  frame: ConsoleFrame
  channels: OpsAlertChannels
  alerts: OpsAlertRecord[]
  /** Whether the member may see whole webhook URLs (editor and up). */
  fullTargets: boolean
}) {
  const { channels, fullTargets } = props
  return (
    <ConsoleLayout {...props.frame} title="Ops alerts" current="ops-alerts">
      <h2>Where alerts go</h2>
      <dl class="facts">
        <dt>Webhook</dt>
        <dd>
          <WebhookSetting channel={channels.webhook} full={fullTargets} />
        </dd>
        <dt>Email</dt>
        <dd>
          {channels.email.target ??
            (channels.email.configured
              ? 'refused: OPS_EMAIL is not an email address'
              : 'not set (OPS_EMAIL)')}
        </dd>
      </dl>
      <h2>Alerts raised</h2>
      {props.alerts.length === 0 ? (
        <p>No ops alert has been raised.</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Alert</th>
                <th scope="col">Incident</th>
                <th scope="col">Sent to</th>
              </tr>
            </thead>
            <tbody>
              {props.alerts.map((a) => (
                <tr>
                  <td>
                    <Time iso={a.createdAt} />
                  </td>
                  <td>{ALERT_WORDS[a.eventType] ?? a.eventType}</td>
                  <td>
                    <a href={`/console/incidents/${encodeURIComponent(a.incidentId)}`}>
                      {a.incidentId}
                    </a>
                  </td>
                  <td>
                    <ul class="alert-sends">
                      {a.sends.map((s) => (
                        <li>
                          {s.channel}{' '}
                          {s.channel === 'webhook' ? shownTarget(s.target, fullTargets) : s.target}:{' '}
                          {s.status}
                          {s.attempts ? `, ${s.attempts} attempt(s)` : ''}
                          {s.lastStatusCode !== null ? `, HTTP ${s.lastStatusCode}` : ''}
                          {s.lastError ? ` — ${s.lastError}` : ''}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ConsoleLayout>
  )
}
